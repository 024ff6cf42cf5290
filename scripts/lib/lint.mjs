// Step 1 of generation: Redocly lint with the recommended rules; any error or warning fails.
import { spawnSync } from 'node:child_process';
import { bin, root } from './specs.mjs';

/** Lints one spec; returns a list of human-readable problems (empty when clean). */
export function lintSpec(file) {
  const run = spawnSync(bin('redocly'), ['lint', file, '--format=json'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  let report;
  try {
    report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
  } catch {
    return [`redocly lint produced no report (exit ${run.status}): ${run.stderr.trim()}`];
  }
  return report.problems.map((p) => {
    const where = p.location?.[0]?.pointer ?? '';
    return `${p.severity} ${p.ruleId} ${where}: ${p.message}`;
  });
}
