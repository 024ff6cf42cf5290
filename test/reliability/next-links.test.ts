/**
 * Hostile next links (properties 2 and 3): relative links are followed on the same origin; malformed, repeating
 * and endless ones end the list with a PaginationError (never a hang or a bare exception); a next link to another
 * origin is refused, so the other host (a second fault server) never sees a request, let alone a credential.
 */
import { describe, expect, it } from 'vitest';
import { ApiClientError, PaginationError } from '@apiclients/core';
import { reply } from './support/fault-server.js';
import { outcomeOf, useFaultServer } from './support/use-fault-server.js';
import { VENDORS } from './support/vendors.js';

const server = useFaultServer();
const otherHost = useFaultServer();
const two = (n: number) => [{ id: `i${n}a` }, { id: `i${n}b` }];
const withPages = VENDORS.filter((v) => v.list.page);

describe.each(withPages.filter((v) => v.list.serverLinks))('$name: next links the server chooses', (vendor) => {
  const page = vendor.list.page!;

  it('a relative next link is followed on the same origin, with the credential', async () => {
    server().enqueue(page(two(1), '?cursor=2&max=2'), page(two(2), null));
    expect(await vendor.list.run(server().url)).toHaveLength(4);
    expect(server().requests).toHaveLength(2);
    expect(server().requests[1]?.url).toContain('cursor=2');
    expect(server().requests.every((r) => vendor.carriesCredential(r))).toBe(true);
  });

  it.each([
    ['not a URL', 'http://[bad host/'],
    ['another scheme', 'javascript:alert(1)'],
  ])('a malformed next link (%s) ends the list with a PaginationError', async (_, next) => {
    server().enqueue(page(two(1), next));
    expect(await outcomeOf(vendor.list.run(server().url))).toBeInstanceOf(PaginationError);
    expect(server().requests).toHaveLength(1);
  });

  it('a next link to another origin is refused: the other host sees nothing', async () => {
    for (const next of [`${otherHost().url}/people?cursor=2`, `${otherHost().url.replace('127.0.0.1', 'localhost')}/x`, `//evil.invalid/x`]) {
      server().reset();
      server().enqueue(page(two(1), next));
      expect(await outcomeOf(vendor.list.run(server().url))).toBeInstanceOf(PaginationError);
      expect(server().requests).toHaveLength(1);
    }
    expect(otherHost().requests).toHaveLength(0);
  });

  it('a next link repeating an earlier page ends the list with a PaginationError', async () => {
    server().enqueue(page(two(1), `${server().url}/page2`), page(two(2), `${server().url}/page2`));
    expect(await outcomeOf(vendor.list.run(server().url))).toBeInstanceOf(PaginationError);
    expect(server().requests).toHaveLength(2);
  });
});

describe.each(withPages)('$name: a list that never ends', (vendor) => {
  it('stops at maxPages with a PaginationError', async () => {
    let n = 0;
    server().fallback = () => vendor.list.page!(two(++n), `${server().url}/page?n=${n + 1}`);
    expect(await outcomeOf(vendor.list.run(server().url, {}, { maxPages: 5 }))).toBeInstanceOf(PaginationError);
    expect(server().requests).toHaveLength(5);
  });
});

describe.each(withPages.filter((v) => v.list.serverLinks))('$name: Link headers and bodies of any shape', (vendor) => {
  it.each([
    ['an empty Link header', ''],
    ['junk', 'rel=next; <<<>>>,,,;;'],
    ['an unterminated link', '<https://a.test/x; rel="next"'],
  ])('%s ends the list or fails typed, never throwing anything else', async (_, header) => {
    server().enqueue(reply.json({ items: two(1), data: two(1), meta: { pages: { next_url: header } } }, 200, { link: header }));
    const outcome = await outcomeOf(vendor.list.run(server().url));
    if (outcome instanceof Error) expect(outcome).toBeInstanceOf(ApiClientError);
    else expect(outcome).toHaveLength(2);
  });
});
