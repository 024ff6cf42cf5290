/** encodeBody: the wire form of a bound operation's body, by the media types its spec accepts. */
import { describe, expect, it } from 'vitest';
import { encodeBody } from '../src/transport/request-body.js';

const FORM = 'application/x-www-form-urlencoded';

describe('encodeBody, URL-encoded form', () => {
  it('repeats the key of a list once per item (OpenAPI form style, explode), and leaves out undefined fields', async () => {
    const headers: Record<string, string> = {};
    const body = await encodeBody({ page_access_user_ids: ['j8l065dx1jhl', 'x9q1'], note: 'a b&c', skip: undefined, count: 2 }, [FORM], headers);
    expect(body).toBe('page_access_user_ids=j8l065dx1jhl&page_access_user_ids=x9q1&note=a+b%26c&count=2');
    expect(new URLSearchParams(body as string).getAll('page_access_user_ids')).toEqual(['j8l065dx1jhl', 'x9q1']);
    expect(headers['content-type']).toBe(FORM);
  });

  it('sends JSON when the operation also takes JSON', async () => {
    const headers: Record<string, string> = {};
    expect(await encodeBody({ ids: ['a'] }, ['application/json', FORM], headers)).toBe('{"ids":["a"]}');
    expect(headers['content-type']).toBe('application/json');
  });
});
