/**
 * The requests ciscosparkapi sends (its "User API Doc", ../shared/seeds/002: every method of every API wrapper),
 * replayed against the Spark mock with plain fetch, as ciscosparkapi's session sends them (`Authorization: Bearer`,
 * `Content-type: application/json;charset=utf-8`, JSON bodies, `/access_token` form-encoded). Each must be answered
 * as Webex's own OpenAPI documents say (status, media type), with Webex's envelopes and headers, and every list must
 * page to its end by following the `Link` header verbatim, as ciscosparkapi does.
 */
import { describe, expect, inject, it } from 'vitest';
import { answerOf, officialDocuments, officialSuccess, pagesToEnd, replay, type Replayed } from './replay.js';
import { formatOf } from '../lib/value-formats.js';

const base = inject('prism').spark as string;
const official = officialDocuments('spark/webex-messaging.json', 'spark/webex-admin.json');
const session = { Authorization: 'Bearer conformance-token', 'Content-type': 'application/json;charset=utf-8' };

// Ids in Webex's format (base64 of ciscospark://us/<TYPE>/<uuid>).
const id = (type: string) => Buffer.from(`ciscospark://us/${type}/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`).toString('base64url');
const [PERSON, ROOM, MEMBERSHIP, MESSAGE, TEAM, TEAM_MEMBERSHIP, WEBHOOK, ORG, LICENSE, ROLE, EVENT] = ['PEOPLE', 'ROOM', 'MEMBERSHIP', 'MESSAGE', 'TEAM', 'TEAM_MEMBERSHIP', 'WEBHOOK', 'ORGANIZATION', 'LICENSE', 'ROLE', 'EVENT'].map(id);

const call = (name: string, method: string, path: string, body?: unknown): Replayed => ({ call: name, method, path, headers: session, ...(body === undefined ? {} : { body }) });

// ciscosparkapi's methods, in the order of its documentation.
const REQUESTS: Replayed[] = [
  call('people.list(email)', 'GET', '/people?email=john.andersen%40example.com&max=10'),
  call('people.list(displayName)', 'GET', '/people?displayName=Harold&max=10'),
  call('people.create', 'POST', '/people', { emails: ['john.andersen@example.com'], displayName: 'John Andersen', firstName: 'John', lastName: 'Andersen' }),
  call('people.get', 'GET', `/people/${PERSON}`),
  call('people.update', 'PUT', `/people/${PERSON}`, { emails: ['john.andersen@example.com'], displayName: 'John Andersen' }),
  call('people.delete', 'DELETE', `/people/${PERSON}`),
  call('people.me', 'GET', '/people/me'),
  call('rooms.list', 'GET', `/rooms?teamId=${TEAM}&type=group&sortBy=lastactivity&max=10`),
  call('rooms.create', 'POST', '/rooms', { title: 'Project Unicorn - Sprint 0', teamId: TEAM }),
  call('rooms.get', 'GET', `/rooms/${ROOM}`),
  call('rooms.update', 'PUT', `/rooms/${ROOM}`, { title: 'Project Unicorn - Sprint 1' }),
  call('rooms.delete', 'DELETE', `/rooms/${ROOM}`),
  call('memberships.list', 'GET', `/memberships?roomId=${ROOM}&personEmail=john.andersen%40example.com&max=10`),
  call('memberships.create', 'POST', '/memberships', { roomId: ROOM, personEmail: 'john.andersen@example.com', isModerator: false }),
  call('memberships.get', 'GET', `/memberships/${MEMBERSHIP}`),
  call('memberships.update', 'PUT', `/memberships/${MEMBERSHIP}`, { isModerator: true }),
  call('memberships.delete', 'DELETE', `/memberships/${MEMBERSHIP}`),
  call('messages.list', 'GET', `/messages?roomId=${ROOM}&mentionedPeople=me&max=10`),
  call('messages.list(beforeMessage)', 'GET', `/messages?roomId=${ROOM}&beforeMessage=${MESSAGE}&max=10`),
  call('messages.create(roomId, text)', 'POST', '/messages', { roomId: ROOM, text: 'Hello' }),
  call('messages.create(toPersonEmail, markdown, files)', 'POST', '/messages', { toPersonEmail: 'john.andersen@example.com', markdown: '**Hello**', files: ['http://www.example.com/images/media.png'] }),
  call('messages.get', 'GET', `/messages/${MESSAGE}`),
  call('messages.delete', 'DELETE', `/messages/${MESSAGE}`),
  call('teams.list', 'GET', '/teams?max=10'),
  call('teams.create', 'POST', '/teams', { name: 'Build Squad' }),
  call('teams.get', 'GET', `/teams/${TEAM}`),
  call('teams.update', 'PUT', `/teams/${TEAM}`, { name: 'Build Squad 2' }),
  call('teams.delete', 'DELETE', `/teams/${TEAM}`),
  call('team_memberships.list', 'GET', `/team/memberships?teamId=${TEAM}&max=10`),
  call('team_memberships.create', 'POST', '/team/memberships', { teamId: TEAM, personEmail: 'john.andersen@example.com', isModerator: false }),
  call('team_memberships.get', 'GET', `/team/memberships/${TEAM_MEMBERSHIP}`),
  call('team_memberships.update', 'PUT', `/team/memberships/${TEAM_MEMBERSHIP}`, { isModerator: true }),
  call('team_memberships.delete', 'DELETE', `/team/memberships/${TEAM_MEMBERSHIP}`),
  call('webhooks.list', 'GET', '/webhooks?max=10'),
  call('webhooks.create', 'POST', '/webhooks', { name: 'New messages', targetUrl: 'https://example.com/hook', resource: 'messages', event: 'created', filter: `roomId=${ROOM}`, secret: 'hush' }),
  call('webhooks.get', 'GET', `/webhooks/${WEBHOOK}`),
  call('webhooks.update', 'PUT', `/webhooks/${WEBHOOK}`, { name: 'All messages', targetUrl: 'https://example.com/hook2' }),
  call('webhooks.delete', 'DELETE', `/webhooks/${WEBHOOK}`),
  call('organizations.list', 'GET', '/organizations?max=10'),
  call('organizations.get', 'GET', `/organizations/${ORG}`),
  call('licenses.list', 'GET', `/licenses?orgId=${ORG}&max=10`),
  call('licenses.get', 'GET', `/licenses/${LICENSE}`),
  call('roles.list', 'GET', '/roles?max=10'),
  call('roles.get', 'GET', `/roles/${ROLE}`),
  call('events.list', 'GET', '/events?resource=messages&type=created&from=2016-07-26T21%3A05%3A00.330Z&max=10'),
  call('events.get', 'GET', `/events/${EVENT}`),
];

/** The next page's URL from a Link header, verbatim. */
const nextLink = (headers: Headers) => /<([^>]+)>;\s*rel="next"/.exec(headers.get('link') ?? '')?.[1] ?? null;

describe('ciscosparkapi against the Spark mock', () => {
  it.each(REQUESTS.map((request) => [request.call, request] as const))('%s', async (_name, request) => {
    const answer = await replay(base, request);
    const expected = officialSuccess(official, request.method, request.path)!;
    expect(expected, 'Webex documents this operation').toBeDefined();
    expect(answer.status).toBe(expected.status);
    expect(answer.headers.get('trackingid')).toMatch(/^ROUTER_[0-9A-F-]{36}$/);
    if (expected.status === 204) return expect(answer.text).toBe('');
    expect(answer.mediaType).toBe(expected.mediaType);
    const body = answer.json as Record<string, unknown>;
    if (!Array.isArray(body.items)) return expect(formatOf(String(body.id))).toMatch(/^Webex id/);
    for (const item of body.items as { id: string }[]) expect(formatOf(item.id)).toMatch(/^Webex id/);
    // A list: follow Link rel="next" verbatim, as ciscosparkapi does, until there is none.
    const { nextUrls } = await pagesToEnd(answer, (page) => nextLink(page.headers), async (url) => answerOf(await fetch(url, { headers: session })));
    expect(nextUrls.length).toBeGreaterThan(0);
    for (const url of nextUrls) expect(url.startsWith(`${base}/`)).toBe(true);
  });

  it('access_tokens.get: the authorization code exchange, form-encoded', async () => {
    const body = new URLSearchParams({ grant_type: 'authorization_code', client_id: 'C123', client_secret: 'secret', code: 'abc', redirect_uri: 'https://example.com/oauth' });
    const answer = await replay(base, { call: 'access_tokens.get', method: 'POST', path: '/access_token', headers: { 'Content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ access_token: expect.any(String), expires_in: expect.any(Number), refresh_token: expect.any(String) });
  });

  it('no token: 401 with an empty text/plain body and a tracking id, as captured', async () => {
    const answer = await replay(base, { call: 'rooms.list', method: 'GET', path: '/rooms' });
    expect([answer.status, answer.headers.get('content-type'), answer.text]).toEqual([401, 'text/plain; charset=utf-8', '']);
    expect(answer.headers.get('trackingid')).toMatch(/^ROUTER_/);
  });

  it.each([400, 403, 404, 409, 429, 500])('a forced %i answers Webex\'s error body', async (code) => {
    const answer = await replay(base, { call: 'rooms.get', method: 'GET', path: `/rooms/${ROOM}`, headers: { ...session, Prefer: `code=${code}` } });
    expect(answer.status).toBe(code);
    expect(answer.json).toMatchObject({ message: expect.any(String), errors: [{ description: expect.any(String) }], trackingId: expect.stringMatching(/^[A-Z]+_/) });
    expect((answer.json as { message: string }).message).not.toBe('string');
    if (code === 429) expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
