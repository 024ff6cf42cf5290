/**
 * The API reference's TypeScript snippets (scripts/lib/code-samples.mjs, `x-codeSamples` on every operation):
 * one per operation of every spec, each in the flat-call shape, and every one type-checked against the built
 * packages with the repository's strict settings, as a user would paste it into a module of their own.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeSamples } from '../../scripts/lib/code-samples.mjs';
import { buildOperationTable } from '../../scripts/lib/operation-table.mjs';
import { bin, listSpecs, readSpec, root } from '../../scripts/lib/specs.mjs';

const scratch = join(root, 'test', 'scripts', '.code-samples');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('code samples of the API reference', () => {
  const all: Record<string, Record<string, string>> = {};
  for (const { vendor, file } of listSpecs()) {
    const spec = readSpec(file);
    all[vendor] = codeSamples(spec, buildOperationTable(spec), vendor) as Record<string, string>;
  }

  it('every operation of every spec has one, importing its package and calling its client', () => {
    for (const { vendor, file } of listSpecs()) {
      const ids = buildOperationTable(readSpec(file)).map((row: { operationId: string }) => row.operationId);
      expect(Object.keys(all[vendor] ?? {}), vendor).toEqual(ids);
      for (const [id, source] of Object.entries(all[vendor] ?? {})) {
        expect(source, id).toContain(`from '@apiclients/${vendor}'`);
        expect(source, id).not.toMatch(/body: \{/);
      }
    }
    expect(all.spark?.rooms_get).toContain("spark.rooms.get('");
    expect(all.statuspage?.components_update).toMatch(/statuspage\.components\.update\('[^']+', \{ /);
  });

  it('every one type-checks against the packages (strict)', () => {
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    for (const [vendor, samples] of Object.entries(all)) {
      for (const [id, source] of Object.entries(samples)) writeFileSync(join(scratch, `${vendor}.${id}.ts`), `${source}export {};\n`);
    }
    const tsconfig = { extends: '../../../tsconfig.base.json', compilerOptions: { noEmit: true, types: ['node'] }, include: ['*.ts'] };
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify(tsconfig));
    const run = spawnSync(bin('tsc'), ['-p', join(scratch, 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);
});

describe('the specs speak of the libraries by name', () => {
  it('no spec says "the seed" (the documents this project came from are ciscosparkapi, python-statuspageio, …)', () => {
    for (const { vendor, file } of listSpecs()) expect(readFileSync(file, 'utf8'), vendor).not.toMatch(/\bseed\b/i);
  });
});
