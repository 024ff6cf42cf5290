/**
 * The vendor's own contract as the judge of what we send: every call of statuspage-calls.ts goes to Prism serving
 * Atlassian's official Statuspage document (../shared/reference/statuspage/statuspage-official-openapi.json), not
 * ours, and Prism must find nothing wrong with the request (path, query, headers, security, body). Prism's answers
 * come from that document's schemas, so only the request is judged here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatuspageClient } from '@apiclients/statuspage';
import { startPrism } from '../../scripts/lib/prism.mjs';
import { referenceDir, specValidator } from '../lib/spec-validator.js';
import { statuspageCalls } from './statuspage-calls.js';

// Ours only: python-statuspageio's metrics.list_available, from the StatusPage.io v1 documentation (see the spec).
const NOT_IN_OFFICIAL = new Set(['metrics_list_available']);

// The official document describes no body for these two; ours takes an optional one (see the spec). Called with no
// fields, the client sends no body, which is what the official document allows.
const WITHOUT_BODY: Record<string, (sp: StatuspageClient) => Promise<unknown>> = {
  components_add_page_access_groups: (sp) => sp.components.addPageAccessGroups('ftgks51sfs2d', {}),
  page_access_users_update: (sp) => sp.pageAccessUsers.update('j8l065dx1jhl'),
};

const officialFile = join(referenceDir, 'statuspage', 'statuspage-official-openapi.json');
const dir = mkdtempSync(join(tmpdir(), 'statuspage-official-'));
const lines: string[] = [];
let prism: { url: string; stop: () => Promise<void> };
let sp: StatuspageClient;

/**
 * Atlassian's document as it is, but for one thing Prism needs said: the OpenAPI default encoding (`style: form,
 * explode: true`, a key repeated per item) of the one form body with a list. Without it Prism refuses every form
 * list, however encoded (stoplightio/prism#2473).
 */
function officialWithFormDefaults(): string {
  const doc = JSON.parse(readFileSync(officialFile, 'utf8'));
  const form = doc.paths['/pages/{page_id}/components/{component_id}/page_access_users'].post.requestBody.content['application/x-www-form-urlencoded'];
  form.encoding = { page_access_user_ids: { style: 'form', explode: true } };
  const file = join(dir, 'statuspage-official-openapi.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

beforeAll(async () => {
  prism = await startPrism({
    spec: officialWithFormDefaults(),
    log: (line: string) => lines.push(line),
    timeoutMs: 120_000,
  });
  sp = new StatuspageClient({ baseUrl: prism.url, apiKey: 'official-contract-key', pageId: 'kctbh9vrtdwd', organizationId: 'org1' });
}, 150_000);

afterAll(async () => {
  await prism?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** What Prism said was wrong with the requests since `from`: its "Violation: request…" lines. */
const requestViolations = (from: number) => lines.slice(from).filter((line) => /Violation: request/.test(line) || /Invalid security scheme/.test(line));

/** Prism writes its verdict before it answers, but through another pipe: give the lines a moment to arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("Statuspage requests against Atlassian's official document", () => {
  for (const [id, ownCall] of Object.entries(statuspageCalls)) {
    if (NOT_IN_OFFICIAL.has(id)) continue;
    const call = WITHOUT_BODY[id] ?? ownCall;
    it(`${id}: the official document accepts our request`, async () => {
      const from = lines.length;
      const outcome = await call(sp).then(
        () => 'answered',
        (error: Error) => `failed: ${error.message}`,
      );
      await settle();
      expect(requestViolations(from)).toEqual([]);
      expect(outcome).toBe('answered');
    });
  }

  it('catches a request the official document refuses (the check can fail)', async () => {
    const from = lines.length;
    // The official document has no "broken" component status (our client would refuse it before sending).
    const response = await fetch(`${prism.url}/pages/kctbh9vrtdwd/components/ftgks51sfs2d`, {
      method: 'PATCH',
      headers: { authorization: 'OAuth official-contract-key', 'content-type': 'application/json' },
      body: JSON.stringify({ component: { status: 'broken' } }),
    });
    await response.arrayBuffer();
    await settle();
    expect(response.status).toBe(422);
    expect(requestViolations(from).join('\n')).toMatch(/component\.status/);
  });

  it('calls without a body only operations whose official form has none and whose body is optional in ours', () => {
    const { spec } = specValidator('statuspage');
    const official = JSON.parse(readFileSync(officialFile, 'utf8'));
    const normalise = (path: string) => path.replace(/\{[^}]+\}/g, '{}');
    for (const id of Object.keys(WITHOUT_BODY)) {
      const [path, verb] = Object.entries<any>(spec.paths).flatMap(([p, item]) => Object.keys(item).filter((v) => item[v]?.operationId === id).map((v) => [p, v] as const))[0]!;
      expect(spec.paths[path][verb].requestBody.required, id).toBe(false);
      const theirPath = Object.keys(official.paths).find((p) => normalise(p) === normalise(path))!;
      expect(official.paths[theirPath][verb], id).toBeDefined();
      expect(official.paths[theirPath][verb].requestBody, id).toBeUndefined();
    }
  });
});
