/**
 * Every Statuspage operation through StatuspageClient against Prism serving specs/statuspage.yaml. Prism refuses
 * (422/401) a request the spec does not allow (a missing envelope, a bad enum, no OAuth header), so a pass proves the
 * client sends what the spec describes; what the client hands back is then checked against the spec's schema.
 * statuspage-official.test.ts sends the same calls to Prism serving Atlassian's own document.
 */
import { describe, expect, inject, it } from 'vitest';
import { RequestError, StatuspageClient } from '@apiclients/statuspage';
import { specValidator } from '../lib/spec-validator.js';
import { statuspageCalls } from './statuspage-calls.js';

const baseUrl = inject('prism').statuspage as string;
const sp = new StatuspageClient({ baseUrl, apiKey: 'contract-test-key', pageId: 'kctbh9vrtdwd', organizationId: 'org1' });
const { spec, validate } = specValidator('statuspage');

type Json = Record<string, any>;
const deref = (node: any): any => {
  while (node?.$ref) node = node.$ref.replace(/^#\//, '').split('/').reduce((o: any, k: string) => o?.[k], spec);
  return node;
};

/** Each operation of our spec: its id and the JSON schema of its success answer, if it has a body. */
const operations = Object.values<Json>(spec.paths).flatMap((item) =>
  ['get', 'put', 'post', 'patch', 'delete']
    .filter((verb) => item[verb])
    .map((verb) => {
      const op = item[verb];
      const [, ok] = Object.entries<Json>(op.responses).find(([status]) => status.startsWith('2'))!;
      return { id: op.operationId as string, schema: deref(ok).content?.['application/json']?.schema as Json | undefined };
    }),
);

describe('Statuspage against Prism', () => {
  it('has a call for every operation of the spec, and only those', () => {
    expect(Object.keys(statuspageCalls).sort()).toEqual(operations.map((o) => o.id).sort());
  });

  for (const { id, schema } of operations) {
    it(`${id}: accepted, and its answer matches the spec`, async () => {
      const call = statuspageCalls[id];
      if (!call) throw new Error(`no call for ${id}`);
      const result = await call(sp);
      if (schema) expect(validate(schema, result)).toEqual([]);
      else expect(result).toBeUndefined();
    });
  }

  it('createScheduled sends status scheduled', async () => {
    expect(await sp.incidents.createScheduled({ name: 'Upgrade', scheduled_for: '2026-12-01T02:00:00Z', scheduled_until: '2026-12-01T03:00:00Z' })).toHaveProperty('id');
  });

  it('a refused key is a RequestError', async () => {
    const refused = new StatuspageClient({ baseUrl, apiKey: 'contract-test-key', pageId: 'p', organizationId: 'o', headers: { prefer: 'code=401' } });
    await expect(refused.page.get()).rejects.toBeInstanceOf(RequestError);
  });

  it('a body the spec refuses is refused (the check can fail)', async () => {
    // @ts-expect-error: not a component status
    await expect(sp.components.update('ftgks51sfs2d', { status: 'broken' })).rejects.toThrow();
  });
});
