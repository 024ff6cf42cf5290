import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, RateLimitError as CoreRateLimitError, UnprocessableEntityError, InternalServerError } from '@apiclients/core';
import {
  BaseError,
  ConfigurationError,
  RateLimitError,
  RequestError,
  ResourceError,
  ServerError,
  StatuspageClient,
} from '../src/index.js';
import { answer, API_KEY, COMPONENTS, ORG_ID, PAGE_ID, startFakeStatuspage, type FakeStatuspage } from './fake-statuspage.js';

let fake: FakeStatuspage;
beforeEach(async () => {
  fake = await startFakeStatuspage();
});
afterEach(() => fake.close());

const lines: string[] = [];
const logger = { debug: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
const client = (extra = {}) => new StatuspageClient({ apiKey: API_KEY, pageId: PAGE_ID, organizationId: ORG_ID, baseUrl: fake.url, ...extra });

describe('configuration', () => {
  it('needs an api key and a page id, before any request', () => {
    for (const name of ['STATUSPAGE_API_KEY', 'STATUSPAGE_PAGE_ID']) delete process.env[name];
    expect(() => new StatuspageClient({ pageId: PAGE_ID, baseUrl: fake.url })).toThrow(/apiKey/);
    expect(() => new StatuspageClient({ apiKey: API_KEY, baseUrl: fake.url })).toThrow(ConfigurationError);
    expect(fake.requests).toEqual([]);
  });

  it('reads them from the environment', async () => {
    process.env.STATUSPAGE_API_KEY = API_KEY;
    process.env.STATUSPAGE_PAGE_ID = PAGE_ID;
    try {
      const sp = new StatuspageClient({ baseUrl: fake.url, organizationId: ORG_ID });
      expect(await sp.components.list().take(1).toArray()).toHaveLength(1);
    } finally {
      delete process.env.STATUSPAGE_API_KEY;
      delete process.env.STATUSPAGE_PAGE_ID;
    }
  });

  it('without an organization id: warns once, and the users service refuses clearly', async () => {
    const warnings: string[] = [];
    const quiet = { debug: () => {}, warn: (m: string) => warnings.push(m) };
    const sp = new StatuspageClient({ apiKey: API_KEY, pageId: PAGE_ID, baseUrl: fake.url, logger: quiet });
    new StatuspageClient({ apiKey: API_KEY, pageId: PAGE_ID, baseUrl: fake.url, logger: quiet });
    expect(warnings.length).toBeLessThanOrEqual(1);
    expect(() => sp.users.list()).toThrow(/users.list needs an organizationId/);
    expect(() => sp.users.delete('u1')).toThrow(ConfigurationError);
    expect(await sp.components.list().take(1).toArray()).toHaveLength(1);
  });
});

describe('services', () => {
  it('lists every component across pages of 100, with the OAuth header', async () => {
    const all = await client().components.list().toArray();
    expect(all).toHaveLength(COMPONENTS);
    expect(all[249]?.id).toBe('c250');
    expect(fake.requests.map((r) => r.query.get('page'))).toEqual([null, '2', '3']);
    expect(fake.requests.every((r) => r.query.get('per_page') === '100')).toBe(true);
    expect(fake.requests[0]?.authorization).toBe(`OAuth ${API_KEY}`);
  });

  it('pages subscribers from page 0', async () => {
    const all = await client().subscribers.list().toArray();
    expect(all).toHaveLength(130);
    expect(fake.requests.map((r) => r.query.get('page'))).toEqual(['0', '1']);
  });

  it('wraps bodies in their envelopes on the wire and returns the plain resource', async () => {
    const sp = client();
    const created = await sp.components.create({ name: 'API', status: 'operational' });
    expect(created.name).toBe('API');
    expect(fake.requests[0]?.body).toEqual({ component: { name: 'API', status: 'operational' } });
    const updated = await sp.components.update('c1', { status: 'major_outage' });
    expect(updated.status).toBe('major_outage');
    expect(fake.requests[1]).toMatchObject({ method: 'PATCH', path: `/v1/pages/${PAGE_ID}/components/c1`, body: { component: { status: 'major_outage' } } });
  });

  it('createScheduled sends a scheduled incident', async () => {
    const incident = await client().incidents.createScheduled({ name: 'DB upgrade', scheduled_for: '2026-12-01T02:00:00Z', scheduled_until: '2026-12-01T03:00:00Z' });
    expect(incident.status).toBe('scheduled');
    expect(fake.requests[0]?.body).toMatchObject({ incident: { name: 'DB upgrade', status: 'scheduled' } });
  });

  it('lists users of the organization', async () => {
    expect(await client().users.list().toArray()).toEqual([{ id: 'u1', email: 'a@example.test', organization_id: ORG_ID }]);
  });
});

describe('errors and rate limits', () => {
  it.each([420, 429])('waits out a %i with Retry-After, then succeeds', async (status) => {
    fake.script.push(answer(status, '{"message":"Rate limit exceeded"}', { 'retry-after': '0' }));
    expect(await client().components.create({ name: 'x' })).toMatchObject({ name: 'x' });
    expect(fake.requests).toHaveLength(2);
  });

  it.each([420, 429])('a %i is a RateLimitError (vendor and core) with retryAfter when not waited out', async (status) => {
    fake.script.push(answer(status, '{"message":"Rate limit exceeded"}', { 'retry-after': '3' }));
    const error = await client({ waitOnRateLimit: false }).components.get('c1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toBeInstanceOf(CoreRateLimitError);
    expect(error).toBeInstanceOf(BaseError);
    expect(error).not.toBeInstanceOf(RequestError);
    expect((error as RateLimitError).retryAfter).toBe(3);
    expect((error as RateLimitError).httpStatus).toBe(status);
  });

  it('422 is a ResourceError with the field errors, and the core UnprocessableEntityError', async () => {
    const error = await client().components.create({ name: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceError);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).not.toBeInstanceOf(RequestError);
    expect((error as ResourceError).errors).toEqual(["name can't be blank"]);
  });

  it('404 is a RequestError and a NotFoundError', async () => {
    const error = await client().incidents.get('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as RequestError).errors).toEqual(['Not found']);
  });

  it('500 is a ServerError (after retries for a GET); an HTML error page keeps its text', async () => {
    fake.script.push(...Array.from({ length: 3 }, () => answer(500, '<html><h1>We are down</h1></html>', { 'content-type': 'text/html' })));
    const error = await client({ maxRetries: 2 }).page.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as ServerError).body).toBe('<html><h1>We are down</h1></html>');
    expect(fake.requests).toHaveLength(3);
  });

  it('verbose logs each request and response with the key redacted', async () => {
    lines.length = 0;
    await client({ logger }).components.list().take(1).toArray();
    expect(lines.some((l) => l.startsWith('→ GET'))).toBe(true);
    expect(lines.some((l) => l.startsWith('← 200'))).toBe(true);
    expect(lines.join('\n')).not.toContain(API_KEY);
  });

  it('a wrong key is a RequestError whose text never shows the key', async () => {
    const error = await new StatuspageClient({ apiKey: 'wrong-key-123456', pageId: PAGE_ID, baseUrl: fake.url, organizationId: ORG_ID })
      .page.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect(JSON.stringify(error)).not.toContain('wrong-key-123456');
  });
});

describe('middleware', () => {
  it('use() runs around every call with the operation id; the API key never reaches it', async () => {
    const seen: string[] = [];
    const statuspage = client().use(async (request, next, { operationId, credential }) => {
      seen.push(`${operationId} ${credential} ${JSON.stringify(request.headers)}`);
      return next(request);
    });
    await statuspage.components.update('c1', { status: 'major_outage' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^components_update authorization: OAuth \[REDACTED\] /);
    expect(seen.join()).not.toContain(API_KEY);
  });
});
