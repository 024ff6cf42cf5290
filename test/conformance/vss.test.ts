/**
 * The calls of the VSS documentation (the wiki's "Request" page, ../shared/seeds/003: its `http` and `curl` lines)
 * and of the live clients (pyvss, vss-cli: `expand=1`, `sort=created_on,desc`, several filters or sorts joined with
 * `;`; the token request with Basic credentials, and with a `{"otp": null}` body beside them), replayed against the VSS mock
 * with plain fetch. Each must be answered with 200, JSON and the documented envelope, and `next_url` must lead, on
 * the mock itself, to a page whose `next_url` is null. Paths are relative to the API's base (`…/v2`), which is the
 * mock's root.
 */
import { describe, expect, inject, it } from 'vitest';
import { answerOf, pagesToEnd, replay, type Answer, type Replayed } from './replay.js';

const base = inject('prism').vss as string;
// httpie's Accept (the wiki's `http GET … "Authorization: Bearer $TK"`); curl sends */*.
const httpie = { Authorization: 'Bearer conformance-token', Accept: 'application/json, */*;q=0.5' };
const curl = { Authorization: 'Bearer conformance-token', Accept: '*/*' };

const LISTS: Replayed[] = [
  { call: 'wiki List: http GET /v2/request/snapshot', method: 'GET', path: '/request/snapshot', headers: httpie },
  { call: 'wiki Paging: curl GET /v2/request/change?per_page=5', method: 'GET', path: '/request/change?per_page=5', headers: curl },
  { call: 'wiki Expansion: http GET ?per_page=1&page=22&expand=1', method: 'GET', path: '/request/change?per_page=1&page=22&expand=1', headers: httpie },
  { call: 'wiki Filtering: ?filter=status,eq,ERROR', method: 'GET', path: '/request/change?filter=status,eq,ERROR', headers: httpie },
  { call: 'wiki Filtering: two filters joined with ;', method: 'GET', path: '/request/change?filter=status,eq,ERROR;created_on,gt,2016-07-10', headers: curl },
  { call: 'wiki Sorting: ?per_page=10&sort=created_on,desc', method: 'GET', path: '/request/change?per_page=10&sort=created_on,desc', headers: httpie },
  { call: 'pyvss get_change_requests: expand=1, sort, per_page=100', method: 'GET', path: '/request/change?expand=1&sort=created_on,desc&per_page=100', headers: curl },
  { call: 'vss-cli: two sorts joined with ;', method: 'GET', path: '/request/change?expand=1&sort=created_on,desc;id,asc', headers: curl },
  { call: 'pyvss: every request type', method: 'GET', path: '/request/new?expand=1', headers: curl },
];

const nextUrlOf = (answer: Answer) => (answer.json as { meta?: { pages?: { next_url?: string | null } } }).meta?.pages?.next_url ?? null;

describe('VSS documentation and clients against the VSS mock', () => {
  it('wiki List: http GET /v2/request answers the summary with its links on the mock', async () => {
    const answer = await replay(base, { call: 'summary', method: 'GET', path: '/request', headers: httpie });
    expect([answer.status, answer.mediaType]).toEqual([200, 'application/json']);
    const body = answer.json as { _links: Record<string, string>; data: Record<string, number>; meta: { count: number } };
    expect(Object.values(body.data).every((count) => Number.isInteger(count))).toBe(true);
    for (const link of Object.values(body._links)) expect(link.startsWith(`${base}/`)).toBe(true);
  });

  it.each(LISTS.map((request) => [request.call, request] as const))('%s', async (_name, request) => {
    const answer = await replay(base, request);
    expect([answer.status, answer.mediaType]).toEqual([200, 'application/json']);
    const body = answer.json as { data: unknown[]; meta: { count: number; pages: Record<string, unknown>; user: string; time: string } };
    expect(Array.isArray(body.data)).toBe(true);
    expect(body.meta).toMatchObject({ count: body.data.length, user: expect.any(String), time: expect.stringMatching(/^\d+(\.\d+)?s$/) });
    expect(Object.keys(body.meta.pages).sort()).toEqual(['first_url', 'last_url', 'next_url', 'page', 'pages', 'per_page', 'prev_url', 'total']);
    const { pages, nextUrls } = await pagesToEnd(answer, nextUrlOf, async (url) => answerOf(await fetch(url, { headers: request.headers! })));
    for (const url of nextUrls) expect(url.startsWith(`${base}/request/`)).toBe(true);
    expect(nextUrlOf(pages.at(-1)!)).toBeNull();
  });

  it('wiki Authentication: curl -X POST /auth/request-token -u user (Basic, no body) gets a token', async () => {
    const answer = await replay(base, { call: 'token', method: 'POST', path: '/auth/request-token', headers: { Authorization: `Basic ${Buffer.from('josem:secret').toString('base64')}` } });
    expect([answer.status, answer.mediaType]).toEqual([200, 'application/json']);
    expect(answer.json).toMatchObject({ token: expect.any(String) });
  });

  it('a client with one-time passwords: Basic credentials with {"otp": null} as JSON get a token', async () => {
    const answer = await replay(base, {
      call: 'token',
      method: 'POST',
      path: '/auth/request-token',
      headers: { Authorization: `Basic ${Buffer.from('josem:secret').toString('base64')}`, 'Content-Type': 'application/json' },
      body: { otp: null },
    });
    expect([answer.status, answer.mediaType]).toEqual([200, 'application/json']);
    expect(answer.json).toMatchObject({ token: expect.any(String) });
  });

  it('pyvss get_request: GET /request/change/77 answers the request in data', async () => {
    const answer = await replay(base, { call: 'get', method: 'GET', path: '/request/change/77', headers: curl });
    expect([answer.status, answer.mediaType]).toEqual([200, 'application/json']);
    expect(answer.json).toMatchObject({ data: { id: expect.any(Number), status: expect.any(String), created_on: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [A-Z]+$/) } });
  });

  it.each([401, 404, 429])('a forced %i answers VSS\'s error body', async (code) => {
    const answer = await replay(base, { call: 'list', method: 'GET', path: '/request/change', headers: { ...curl, Prefer: `code=${code}` } });
    expect(answer.status).toBe(code);
    expect(answer.json).toMatchObject({ status: code, error: expect.any(String), message: expect.any(String) });
  });
});
