/**
 * Every VSS method against Prism serving specs/vss.yaml. Prism answers 400/401 to a request the spec does not
 * allow, so a pass proves the client sends what the spec describes. (Prism serves the paths without the
 * server's `/v2` prefix, so the mock's root is the base URL.)
 */
import { describe, expect, inject, it } from 'vitest';
import { AuthenticationError, VssClient } from '@apiclients/vss';
import { specValidator } from '../lib/spec-validator.js';

const baseUrl = inject('prism').vss as string;
const vss = new VssClient({ baseUrl, token: 'contract-test-token' });
const { validate } = specValidator('vss');

describe('VSS against Prism', () => {
  it('requests.summary', async () => {
    expect(validate('RequestSummary', await vss.requests.summary())).toEqual([]);
  });

  it('requests.list with expand, typed filters, sort and page size', async () => {
    const requests = await vss.requests
      .list('change', { expand: true, per_page: 100, filter: [['status', 'eq', 'ERROR'], ['created_on', 'gt', '2016-07-10']], sort: ['created_on', 'desc'] })
      .take(1)
      .toArray();
    expect(requests).toHaveLength(1);
    for (const request of requests) expect(validate('ChangeRequest', request)).toEqual([]);
  });

  it('the example page links on to the mock itself, not to the real host', async () => {
    for await (const page of vss.requests.list('change', { expand: true }).pages()) {
      expect(page.nextUrl?.startsWith(`${baseUrl}/request/change?`)).toBe(true);
      break;
    }
  });

  it('requests.list without expand, for every request type', async () => {
    for (const type of ['change', 'export', 'folder', 'inventory', 'new', 'snapshot'] as const) {
      const page = await vss.requests.list(type).take(1).toArray();
      expect(page).toHaveLength(1);
    }
  });

  it('requests.get', async () => {
    const request = await vss.requests.get('change', 1);
    expect(validate('ChangeRequest', request)).toEqual([]);
  });

  it('login with HTTP Basic gets a token', async () => {
    expect(typeof (await VssClient.login({ baseUrl, username: 'jdoe', password: 'secret' }))).toBe('string');
  });

  it('a refused token is an AuthenticationError', async () => {
    const refused = new VssClient({ baseUrl, token: 'contract-test-token', headers: { prefer: 'code=401' } });
    await expect(refused.requests.summary()).rejects.toBeInstanceOf(AuthenticationError);
  });
});
