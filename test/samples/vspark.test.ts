/** The real V-Spark samples in ../shared/reference/vspark, and every example of our spec, match our schemas. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDir, responseExamples, specValidator } from '../lib/spec-validator.js';

const { spec, validate } = specValidator('vspark');
// Which schema each captured sample is an answer of (see reference/README.md, vspark/).
const SCHEMA_OF: Record<string, string> = {
  'config-company.vocitec-docs.json': 'CompanyConfigMap',
  'config-folders.vocitec-docs.json': 'FolderConfigTree',
  'status-folder.medallia-docs.json': 'FolderStatus',
};

describe('V-Spark reference samples', () => {
  const files = readdirSync(join(referenceDir, 'vspark')).filter((f) => f.endsWith('.json'));

  it('knows the schema of every sample there is', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(SCHEMA_OF[file], file).toBeDefined();
  });

  for (const file of files) {
    it(`${file} validates against ${SCHEMA_OF[file]}`, () => {
      const { _source, ...sample } = JSON.parse(readFileSync(join(referenceDir, 'vspark', file), 'utf8'));
      expect(validate(SCHEMA_OF[file] as string, sample)).toEqual([]);
    });
  }

  it('rejects a sample that breaks the schema (the check can fail)', () => {
    expect(validate('CompanyConfigMap', { Acme: { name: 'no uuid' } })).not.toEqual([]);
    expect(validate('FolderStatus', { queued: { count: 'many' } })).not.toEqual([]);
  });
});

describe('V-Spark spec examples', () => {
  const examples = responseExamples(spec);
  it('has an example for every success response', () => {
    expect(examples.filter((e) => / 200 /.test(e.where)).length).toBeGreaterThanOrEqual(10);
  });
  for (const example of examples) {
    it(`${example.where} matches its schema`, () => {
      expect(validate(example.schema, example.value)).toEqual([]);
    });
  }
});
