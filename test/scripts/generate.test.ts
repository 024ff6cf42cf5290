import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scratchRepo } from '../lib/scratch-repo.js';

// A scratch copy of what generation reads, so the tests can break a spec without touching the repository.
const { dir: scratch, remove } = scratchRepo('apiclients-generate-');
afterAll(remove);

const generate = (...args: string[]) =>
  spawnSync(process.execPath, [join(scratch, 'scripts', 'generate.mjs'), ...args], { cwd: scratch, encoding: 'utf8' });
const spec = join(scratch, 'specs', 'vspark.yaml');
const original = readFileSync(spec, 'utf8');

describe('npm run generate', () => {
  it('passes the drift check on the committed output', () => {
    const run = generate('--check');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('fails the drift check when a spec changes, and regenerating adds the new operation to the table', () => {
    writeFileSync(
      spec,
      original.replace(
        '  /config/folders:\n',
        `  /config/orgs:\n    get:\n      operationId: config_orgs\n      x-apiclients-resource: config\n      x-apiclients-method: orgs\n      tags: [config]\n      summary: List organizations\n      description: Every organization.\n      responses:\n        "200":\n          description: Organizations.\n          content:\n            application/json:\n              schema:\n                type: object\n              example: {}\n        "401":\n          $ref: "#/components/responses/Unauthorized"\n  /config/folders:\n`,
      ),
    );
    const check = generate('--check');
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('generated/vspark/operations.ts');
    expect(generate().status).toBe(0);
    const table = readFileSync(join(scratch, 'generated', 'vspark', 'operations.ts'), 'utf8');
    expect(table).toContain('"config_orgs"');
    expect(table).toContain('"method": "orgs"');
    expect(generate('--check').status).toBe(0);
  });

  it('refuses a spec with a lint warning', () => {
    writeFileSync(spec, original.replace('      summary: List folders\n', ''));
    const run = generate();
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/fails lint/);
    writeFileSync(spec, original);
  });
});
