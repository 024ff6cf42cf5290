/**
 * Well-formed but unexpected answers (issue 22) are typed errors carrying the redacted text, never a bare
 * TypeError, URIError or RangeError: a next link with a malformed `%` escape (after the page's items are handed
 * over), VSS `get` answered 204, `null` or without `data`, V-Spark `/config` and `/config/folders` entries of
 * `null` or without a token.
 */
import { describe, expect, it } from 'vitest';
import { InvalidResponseError, PaginationError } from '@apiclients/core';
import { SparkClient } from '@apiclients/spark';
import { VSparkClient } from '@apiclients/vspark';
import { VssClient } from '@apiclients/vss';
import { reply, type Reply } from './support/fault-server.js';
import { outcomeOf, useFaultServer } from './support/use-fault-server.js';

const server = useFaultServer();
const TOKEN = 'hostile-answers-token-5ecr3t';

/** Every item a list yields before it ends, and how it ended. */
async function drain(list: AsyncIterable<unknown>): Promise<{ items: unknown[]; error: unknown }> {
  const items: unknown[] = [];
  try {
    for await (const item of list) items.push(item);
    return { items, error: undefined };
  } catch (error) {
    return { items, error };
  }
}

const LISTS: { name: string; list: (url: string) => AsyncIterable<unknown>; page: (items: string[], next: string) => Reply }[] = [
  {
    name: 'spark',
    list: (url) => new SparkClient({ accessToken: TOKEN, baseUrl: url }).people.list({ max: 2 }),
    page: (items, next) => reply.json({ items }, 200, { link: `<${next}>; rel="next"` }),
  },
  {
    name: 'vss',
    list: (url) => new VssClient({ token: TOKEN, baseUrl: `${url}/v2` }).requests.list('change', { per_page: 2 }),
    page: (items, next) => reply.json({ data: items, meta: { pages: { next_url: next } } }),
  },
];

describe.each(LISTS)('$name: a next link with a malformed percent-escape', ({ list, page }) => {
  it.each(['%', '%zz', '%4', 'x%g0'])('(%s) hands over the page, then a PaginationError with the link redacted', async (bad) => {
    server().enqueue(page(['a', 'b'], `${server().url}/v1/people?cursor=${bad}&token=${TOKEN}`));
    const { items, error } = await drain(list(server().url));
    expect(items).toEqual(['a', 'b']);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toContain('percent-escape');
    expect(String(error)).not.toContain(TOKEN);
    expect(server().requests).toHaveLength(1);
  });
});

describe('vss: get answered with something that is not a request', () => {
  it.each([
    ['204 No Content', reply.raw(204, '')],
    ['null', reply.json(null)],
    ['an object without data', reply.json({ meta: {} })],
    ['data of null', reply.json({ data: null })],
    ['a list', reply.json([1, 2])],
  ])('%s: an InvalidResponseError', async (_, answer) => {
    server().enqueue(answer);
    const error = await outcomeOf(new VssClient({ token: TOKEN, baseUrl: `${server().url}/v2` }).requests.get('change', 1));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain('/request/change/1');
  });
});

describe('vspark: /config and /config/folders entries that are not what they should be', () => {
  const folders = { co: { org: { f: {} } } };
  it.each([
    ['a company of null in /config', { co: null }, folders],
    ['a company without a uuid in /config', { co: { name: 'x' } }, folders],
    ['a uuid that is not a string', { co: { uuid: 42 } }, folders],
    ['/config itself null', null, folders],
    ['a company of null in /config/folders', { co: { uuid: TOKEN } }, { co: null }],
    ['an org of null in /config/folders', { co: { uuid: TOKEN } }, { co: { org: null } }],
    ['/config/folders a list', { co: { uuid: TOKEN } }, [1]],
  ])('%s: walk() fails with an InvalidResponseError, no TypeError', async (_, config, tree) => {
    server().fallback = ({ url }) => (url.startsWith('/config/folders') ? reply.json(tree) : reply.json(config));
    const walked = await drain(new VSparkClient({ token: 'root-token-123456', baseUrl: server().url }).walk());
    expect(walked.error).toBeInstanceOf(InvalidResponseError);
  });
});
