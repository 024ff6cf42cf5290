// Builds the documentation site into a scratch directory, so that the browser test never reads a site/ that
// another test is rewriting at the same moment (test/scripts/outside-fetches.test.mjs runs `npm run docs` too,
// and docs.mjs starts by deleting site/).
//
// scripts/docs.mjs reads the specs and packages of its root, two folders above scripts/lib/specs.mjs. So the scratch
// directory gets its own copy of scripts/ (which makes it the root), a copy of specs/ (so that the test compares the
// pages with the very specs they were built from, even while someone edits specs/), and symlinks to what the build
// only reads: redocly.yaml, node_modules/ and packages/ (TypeDoc reads each package's src/ and tsconfig.json, and
// core's built declarations). test/scripts/generate.test.ts builds its scratch copy the same way. The site goes to
// `<scratch>/site` through docs.mjs's --out option.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../lib/spec-validator.js';

/** A site built by `scripts/docs.mjs` in a scratch root; `remove()` deletes the whole scratch directory. */
export interface ScratchSite {
  /** The built site: index.html, one `<vendor>.html` per spec, and `api/<package>/index.html` per package. */
  dir: string;
  /** The copy of specs/ the site was built from. */
  specsDir: string;
  remove(): void;
}

/** Runs `node scripts/docs.mjs` in a scratch copy of the repository root and returns where the site is. */
export function buildSiteInScratch(): ScratchSite {
  const scratch = mkdtempSync(join(tmpdir(), 'apiclients-docs-'));
  const remove = () => rmSync(scratch, { recursive: true, force: true });
  try {
    for (const dir of ['scripts', 'specs']) cpSync(join(repoRoot, dir), join(scratch, dir), { recursive: true });
    for (const entry of ['redocly.yaml', 'node_modules', 'packages']) symlinkSync(join(repoRoot, entry), join(scratch, entry));
    const run = spawnSync(process.execPath, [join(scratch, 'scripts', 'docs.mjs'), '--out', join(scratch, 'site')], {
      cwd: scratch,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    if (run.status !== 0) throw new Error(`node scripts/docs.mjs failed (${run.error?.message ?? `exit ${run.status}`}):\n${run.stdout}${run.stderr}`);
  } catch (error) {
    remove();
    throw error;
  }
  return { dir: join(scratch, 'site'), specsDir: join(scratch, 'specs'), remove };
}
