/**
 * `npm publish --dry-run` is clean for every package: npm corrects nothing in its package.json (a `bin` it would
 * drop, a field it would rewrite) and warns about nothing but the login a dry run does not need.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/spec-validator.js';

const packages = readdirSync(join(repoRoot, 'packages')).sort();

describe('npm publish --dry-run', () => {
  it.each(packages)('%s: no correction and no warning beyond the login', (name) => {
    const run = spawnSync('npm', ['publish', '--dry-run', '--ignore-scripts'], { cwd: join(repoRoot, 'packages', name), encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('npm warn') && !/logged in|install-scripts/.test(line));
    expect(warnings).toEqual([]);
  }, 150_000);
});
