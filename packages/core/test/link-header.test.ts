/** RFC 8288 Link header parsing, including the shapes Webex actually sends. */
import { describe, expect, it } from 'vitest';
import { nextLink, parseLinkHeader } from '../src/internal.js';

const WEBEX_NEXT = 'https://webexapis.com/v1/people?displayName=Harold&max=10&before&after=Y2lz';

describe('parseLinkHeader', () => {
  it('reads several links with their relations', () => {
    const header =
      '<https://api.example.test/items?page=3>; rel="next", <https://api.example.test/items?page=1>; rel="prev", ' +
      '<https://api.example.test/items?page=1>; rel="first"';
    expect(parseLinkHeader(header)).toEqual([
      { url: 'https://api.example.test/items?page=3', rel: ['next'], params: { rel: 'next' } },
      { url: 'https://api.example.test/items?page=1', rel: ['prev'], params: { rel: 'prev' } },
      { url: 'https://api.example.test/items?page=1', rel: ['first'], params: { rel: 'first' } },
    ]);
  });

  it('keeps commas and semicolons inside quoted parameters', () => {
    const header = '<https://a.test/1>; rel="next"; title="Page 2, of 5; roughly", <https://a.test/0>; rel="prev"';
    const links = parseLinkHeader(header);
    expect(links).toHaveLength(2);
    expect(links[0]).toEqual({ url: 'https://a.test/1', rel: ['next'], params: { rel: 'next', title: 'Page 2, of 5; roughly' } });
    expect(links[1]?.url).toBe('https://a.test/0');
  });

  it('unescapes quoted-pairs in quoted values', () => {
    const links = parseLinkHeader('<https://a.test/1>; rel=next; title="say \\"hi\\", ok"');
    expect(links[0]?.params.title).toBe('say "hi", ok');
  });

  it('splits a rel naming several relations, in lower case', () => {
    const links = parseLinkHeader('<https://a.test/2>; rel="next  prev"; REL="ignored", <https://a.test/3>; Rel="Last"');
    expect(links[0]?.rel).toEqual(['next', 'prev']);
    expect(links[1]?.rel).toEqual(['last']);
  });

  it('only counts the first occurrence of a parameter', () => {
    expect(parseLinkHeader('<https://a.test/2>; rel="prev"; rel="next"')[0]?.rel).toEqual(['prev']);
  });

  it('reads unquoted values, lower-cases parameter names, and accepts valueless parameters', () => {
    const links = parseLinkHeader('<https://a.test/2> ;REL=next ; Type=application/json; crossorigin');
    expect(links[0]).toEqual({
      url: 'https://a.test/2',
      rel: ['next'],
      params: { rel: 'next', type: 'application/json', crossorigin: '' },
    });
  });

  it('keeps URLs exactly as sent: valueless query parameters, commas and semicolons inside <>', () => {
    const header = `<${WEBEX_NEXT}>; rel="next", <https://a.test/list;v=1?ids=1,2,3>; rel="alternate"`;
    const links = parseLinkHeader(header);
    expect(links.map((l) => l.url)).toEqual([WEBEX_NEXT, 'https://a.test/list;v=1?ids=1,2,3']);
  });

  it('accepts tabs, and no spaces at all', () => {
    expect(parseLinkHeader('<https://a.test/1>;rel=next,<https://a.test/2>;rel=prev').map((l) => l.rel[0])).toEqual(['next', 'prev']);
    expect(parseLinkHeader('<https://a.test/1>\t;\trel="next"')[0]?.rel).toEqual(['next']);
  });

  it('a link without rel has no relations', () => {
    expect(parseLinkHeader('<https://a.test/1>; title="x"')).toEqual([{ url: 'https://a.test/1', rel: [], params: { title: 'x' } }]);
  });

  it('keeps relative targets as written', () => {
    expect(parseLinkHeader('</v1/people?cursor=abc>; rel="next"')[0]?.url).toBe('/v1/people?cursor=abc');
  });

  it.each([null, undefined, ''])('%j → no links', (value) => {
    expect(parseLinkHeader(value)).toEqual([]);
  });
});

describe('parseLinkHeader on malformed input', () => {
  it.each([
    'garbage',
    '<',
    '<https://a.test/1',
    'https://a.test/1>; rel=next',
    ';;;,,,',
    '<https://a.test/1>; rel="next',
    '<https://a.test/1>; rel="next\\',
    '<https://a.test/1>; =x; ;rel=next',
    '<https://a.test/1>; rel=',
    '<https://a.test/1> junk, <https://a.test/2>; rel=next',
    '<>; rel=next',
    '<<<>>>',
    '"<https://a.test/1>"; rel=next',
  ])('does not throw on %j', (value) => {
    expect(() => parseLinkHeader(value)).not.toThrow();
    expect(() => nextLink(value)).not.toThrow();
  });

  it('skips junk between links and still finds the good ones', () => {
    const links = parseLinkHeader('<https://a.test/1> junk, <https://a.test/2>; rel=next');
    expect(links.map((l) => l.url)).toEqual(['https://a.test/1', 'https://a.test/2']);
    expect(nextLink('<https://a.test/1> junk, <https://a.test/2>; rel=next')).toBe('https://a.test/2');
  });

  it('an unterminated quote takes the rest of the value, without throwing', () => {
    expect(parseLinkHeader('<https://a.test/1>; rel="next, <https://a.test/2>; rel=prev')).toHaveLength(1);
  });

  it('never throws or hangs on random input', () => {
    // A small deterministic PRNG (mulberry32), so that a failure reproduces.
    let seed = 0x2f6b_1d3c;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const alphabet = ['<', '>', ';', ',', '=', '"', '\\', ' ', '\t', 'rel', 'next', 'a', 'https://x.test/?a&b', '/'];
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(random() * 24);
      let value = '';
      for (let j = 0; j < length; j++) value += alphabet[Math.floor(random() * alphabet.length)];
      const links = parseLinkHeader(value);
      for (const link of links) {
        expect(typeof link.url).toBe('string');
        expect(Array.isArray(link.rel)).toBe(true);
      }
      const next = nextLink(value);
      expect(next === null || typeof next === 'string').toBe(true);
    }
  });
});

describe('nextLink', () => {
  it('is the target of the rel="next" link, wherever it is', () => {
    expect(nextLink('<https://a.test/0>; rel="prev", <https://a.test/2>; rel="next"')).toBe('https://a.test/2');
  });

  it('finds next inside a multi-valued rel', () => {
    expect(nextLink('<https://a.test/2>; rel="prev next"')).toBe('https://a.test/2');
  });

  it('keeps Webex’s valueless parameters verbatim', () => {
    expect(nextLink(`<${WEBEX_NEXT}>; rel="next"`)).toBe(WEBEX_NEXT);
  });

  it('is the first of several next links', () => {
    expect(nextLink('<https://a.test/2>; rel=next, <https://a.test/3>; rel=next')).toBe('https://a.test/2');
  });

  it.each([
    null,
    undefined,
    '',
    '<https://a.test/0>; rel="prev"',
    '<https://a.test/0>; rel="nextpage"',
    '<https://a.test/0>; title="next"',
    'rel="next"',
  ])('is null when there is no next link: %j', (value) => {
    expect(nextLink(value)).toBeNull();
  });
});
