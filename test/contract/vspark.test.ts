/**
 * Every V-Spark method against Prism serving specs/vspark.yaml. Prism answers 422/401 to a request the spec
 * does not allow, so a pass proves the client sends what the spec describes (path, query, token).
 */
import { describe, expect, inject, it } from 'vitest';
import { AuthenticationError, VSparkClient, exportStatus } from '@apiclients/vspark';
import { specValidator } from '../lib/spec-validator.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prism: Record<string, string>;
  }
}

const baseUrl = inject('prism').vspark as string;
const vspark = new VSparkClient({ baseUrl, token: 'contract-test-token' });
const { validate } = specValidator('vspark');
const where = { company: 'DocTestCo', org: 'DocTestCo-DocTesting', folder: 'Test01' };

describe('V-Spark against Prism', () => {
  it('config.companies', async () => {
    const companies = await vspark.config.companies();
    expect(validate('CompanyConfigMap', companies)).toEqual([]);
    expect(companies.DocTestCo?.uuid).toMatch(/^[0-9a-f]{32}$/);
  });

  it('config.folders', async () => {
    const folders = await vspark.config.folders();
    expect(validate('FolderConfigTree', folders)).toEqual([]);
    expect(Object.keys(folders.DocTestCo?.['DocTestCo-DocTesting'] ?? {})).toEqual(['Test01']);
  });

  it('status at every level, JSON', async () => {
    expect(validate('InstallationStatus', await vspark.status.all())).toEqual([]);
    expect(validate('CompanyStatus', await vspark.status.company(where.company))).toEqual([]);
    expect(validate('OrgStatus', await vspark.status.org(where.company, where.org))).toEqual([]);
    const folder = await vspark.status.folder(where.company, where.org, where.folder);
    expect(validate('FolderStatus', folder)).toEqual([]);
    expect(folder).toMatchObject({ mode: 'active' });
  });

  it('status at every level, CSV', async () => {
    for (const csv of [
      await vspark.status.all({ format: 'csv' }),
      await vspark.status.company(where.company, { format: 'csv' }),
      await vspark.status.org(where.company, where.org, { format: 'csv' }),
      await vspark.status.folder(where.company, where.org, where.folder, { format: 'csv' }),
    ]) {
      expect(typeof csv).toBe('string');
      expect(String(csv).split('\n')[0]).toContain('mode');
    }
  });

  it('export writes CSV bytes as Prism served them', async () => {
    const files = new Map<string, Uint8Array>();
    await exportStatus({ client: vspark, format: 'csv', write: async (n, b) => void files.set(n, b) });
    const served = await fetch(`${baseUrl}/status/DocTestCo/DocTestCo-DocTesting/Test01?format=csv&token=t`, { headers: { accept: 'text/csv' } });
    const bytes = new Uint8Array(await served.arrayBuffer());
    expect([...files.values()][0]).toEqual(bytes);
  });

  it('the walk and the export', async () => {
    const refs = [];
    for await (const ref of vspark.walk()) refs.push(ref);
    expect(refs).toEqual([{ ...where, token: '077d93ffd9b902b2cb7c6a0c521fd42c' }]);
    const files = new Map<string, Uint8Array>();
    const result = await exportStatus({ client: vspark, format: 'json', write: async (n, b) => void files.set(n, b) });
    expect(result.failed).toEqual([]);
    expect([...files.keys()]).toEqual(['DocTestCo-DocTestCo-DocTesting-Test01-status.json']);
  });

  it('Prism refuses a request without the token: the spec requires it', async () => {
    const response = await fetch(`${baseUrl}/config`);
    expect(response.status).toBe(401);
  });

  it('a token the server refuses is an AuthenticationError', async () => {
    const client = new VSparkClient({ baseUrl, token: 'contract-test-token', headers: { prefer: 'code=401' } });
    await expect(client.config.companies()).rejects.toBeInstanceOf(AuthenticationError);
  });
});
