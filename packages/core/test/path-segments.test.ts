/**
 * Path parameters are always exactly one segment: whatever a caller passes (a dot segment, a separator, a query
 * or fragment delimiter, a percent sign, a control character, a lone surrogate), the request stays on its path
 * or is refused with a ConfigurationError naming the argument, before anything is sent: on bound operations and
 * on `.raw` alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bindOperations, ConfigurationError, createFetchClient, createTransport, type OperationTable } from '../src/internal.js';
import { fakeFetch, rejectionOf, reply } from './support/fake-fetch.js';

const BASE = 'https://api.test/v1';
const table = {
  rooms_delete: {
    resource: 'rooms', method: 'delete', verb: 'delete', path: '/pages/{page_id}/rooms/{roomId}',
    params: [
      { name: 'page_id', in: 'path', required: true },
      { name: 'roomId', in: 'path', required: true },
      { name: 'q', in: 'query', required: false },
    ],
    requestBody: [], responses: [], pagination: null, idempotent: true,
  },
} as const satisfies OperationTable;
type Remove = (...args: unknown[]) => Promise<unknown>;

function bound() {
  const fake = fakeFetch(reply(204));
  const api = bindOperations<{ rooms_delete: never }, typeof table>(BASE, table, createTransport({ fetch: fake.fetch }));
  return { fake, remove: (api as unknown as { rooms: { delete: Remove } }).rooms.delete };
}

function raw() {
  const fake = fakeFetch(reply(204));
  const client = createFetchClient<{ '/pages/{page_id}/rooms/{roomId}': { delete: { parameters: { path: { page_id: string; roomId: string } }; responses: { 204: { content?: never } } } } }>(
    BASE,
    createTransport({ fetch: fake.fetch }),
  );
  return { fake, remove: (pageId: unknown, roomId: unknown) => client.DELETE('/pages/{page_id}/rooms/{roomId}', { params: { path: { page_id: pageId as string, roomId: roomId as string } } }) };
}

const PREFIX = `${BASE}/pages/p1/rooms/`;

describe('a path parameter is exactly one segment', () => {
  for (const dots of ['.', '..']) {
    it(`"${dots}" is refused naming the argument, by bound operations and .raw, before any request`, async () => {
      const b = bound();
      const error = await rejectionOf(b.remove('p1', dots));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toContain('"roomId"');
      expect(b.fake.sent).toHaveLength(0);
      const first = await rejectionOf(b.remove(dots, 'r1'));
      expect((first as Error).message).toContain('"page_id"');

      const r = raw();
      const rawError = await rejectionOf(r.remove('p1', dots));
      expect(rawError).toBeInstanceOf(ConfigurationError);
      expect((rawError as Error).message).toContain('"roomId"');
      expect(r.fake.sent).toHaveLength(0);
    });
  }

  it('a lone surrogate in a path or query argument is a ConfigurationError naming it, not a URIError', async () => {
    for (const bad of ['\ud800', 'a\udc00b', 'x\ud83d']) {
      const b = bound();
      expect(((await rejectionOf(b.remove('p1', bad))) as Error).message).toContain('"roomId"');
      const inQuery = await rejectionOf(b.remove('p1', 'r', { q: bad }));
      expect(inQuery).toBeInstanceOf(ConfigurationError);
      expect((inQuery as Error).message).toContain('"q"');
      const extra = await rejectionOf(b.remove('p1', 'r', {}, { extraParams: { since: bad } }));
      expect((extra as Error).message).toContain('"since"');
      expect(b.fake.sent).toHaveLength(0);
      const r = raw();
      expect(await rejectionOf(r.remove('p1', bad))).toBeInstanceOf(ConfigurationError);
      expect(r.fake.sent).toHaveLength(0);
    }
  });

  it('any other text (separators, ?, #, %, %2e, control and bidi characters, emoji) is sent as one encoded segment', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'grapheme', minLength: 1 }),
          fc.constantFrom('/', '../x', './', '?a=1', '#f', '%', '%2e', '%2e%2e', '.%2e', '\u0000', '\r\n', '\u202e', 'a/../b', '...', ' '),
        ).filter((s) => s !== '.' && s !== '..'),
        async (roomId) => {
          const b = bound();
          const r = raw();
          const sides = [
            { fake: b.fake, send: () => b.remove('p1', roomId) },
            { fake: r.fake, send: () => r.remove('p1', roomId) },
          ];
          for (const side of sides) {
            await side.send();
            const sent = new URL(side.fake.sent[0]?.url ?? '');
            expect(sent.href.startsWith(PREFIX)).toBe(true);
            expect(sent.search).toBe('');
            expect(sent.hash).toBe('');
            const segment = sent.pathname.slice('/v1/pages/p1/rooms/'.length);
            expect(segment).not.toContain('/');
            expect(decodeURIComponent(segment)).toBe(roomId);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a lone surrogate in a body field is a ConfigurationError naming the field; well-formed text of any kind passes', async () => {
    const bodyTable = {
      things_create: { resource: 'things', method: 'create', verb: 'post', path: '/things', params: [], requestBody: ['application/json'], bodyOpen: true, responses: ['application/json'], pagination: null, idempotent: false },
    } as const satisfies OperationTable;
    const fake = fakeFetch(reply(200, {}));
    const api = bindOperations<{ things_create: never }, typeof bodyTable>(BASE, bodyTable, createTransport({ fetch: fake.fetch }));
    const create = (api as unknown as { things: { create: Remove } }).things.create;
    const error = await rejectionOf(create({ title: 'ok', tags: ['a', 'b\udc00'] }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('"tags[1]"');
    expect(fake.sent).toHaveLength(0);
    await create({ title: 'Ops • 3 a.m. ☕ 😀', nested: { deep: ['\u202e'] } });
    expect(fake.sent).toHaveLength(1);
  });
});
