/**
 * Redirects (properties 1 and 3): the transport follows them itself. Within the origin the credential is kept;
 * to another origin (a second fault server) the request is followed without it: the other host never records an
 * Authorization header, a `token` query parameter, or any secret anywhere in what it receives. A redirect
 * loop or a bad Location ends in a typed error, never a hang.
 */
import { describe, expect, it } from 'vitest';
import { ApiClientError, PaginationError } from '@apiclients/core';
import { reply, type RecordedRequest } from './support/fault-server.js';
import { outcomeOf, useFaultServer } from './support/use-fault-server.js';
import { callsWithBodies, VENDORS, type VendorSetup } from './support/vendors.js';

const server = useFaultServer();
const otherHost = useFaultServer();

/** Whatever the other host received, nothing of the client's credential is in it. */
function expectNoCredential(requests: RecordedRequest[], vendor: VendorSetup): void {
  for (const request of requests) {
    expect(request.headers.authorization).toBeUndefined();
    expect(new URL(request.url, 'http://x').searchParams.has('token')).toBe(false);
    const seen = `${request.url}\n${JSON.stringify(request.headers)}\n${request.body.toString('latin1')}`;
    for (const secret of vendor.secrets) {
      expect(seen).not.toContain(secret);
      expect(seen).not.toContain(encodeURIComponent(secret));
    }
  }
}

describe.each(VENDORS)('$name', (vendor) => {
  it.each([
    ['relative', 302, () => '/moved/here'],
    ['absolute', 301, () => `${server().url}/moved/there`],
    ['303 See Other', 303, () => '/see/other'],
    ['307', 307, () => '/temporary'],
    ['308', 308, () => '/permanent'],
  ])('a %s redirect within the origin is followed with the credential', async (_, status, location) => {
    server().enqueue(reply.redirect(location(), status), vendor.get.ok);
    expect(await outcomeOf(vendor.get.run(server().url))).not.toBeInstanceOf(Error);
    expect(server().requests).toHaveLength(2);
    expect(server().requests.every((r) => vendor.carriesCredential(r))).toBe(true);
  });

  it('a redirect to another origin is followed without the credential', async () => {
    server().enqueue(reply.redirect(`${otherHost().url}/elsewhere`));
    otherHost().fallback = () => vendor.get.ok;
    expect(await outcomeOf(vendor.get.run(server().url))).not.toBeInstanceOf(Error);
    expect(otherHost().requests).toHaveLength(1);
    expectNoCredential(otherHost().requests, vendor);
  });

  it('even when the Location repeats the request URL, query (and ?token=) included', async () => {
    server().fallback = (request) => reply.redirect(`${otherHost().url}${request.url}`, 307);
    otherHost().fallback = () => vendor.get.ok;
    await outcomeOf(vendor.get.run(server().url));
    expect(otherHost().requests.length).toBeGreaterThan(0);
    expectNoCredential(otherHost().requests, vendor);
  });

  it('a redirect that comes back from another origin does not pick the credential up again on the way', async () => {
    server().enqueue(reply.redirect(`${otherHost().url}/hop`), vendor.get.ok);
    otherHost().fallback = () => reply.redirect(`${otherHost().url}/hop2`);
    otherHost().enqueue(reply.redirect(`${otherHost().url}/hop2`), reply.redirect(`${server().url}/back`));
    await outcomeOf(vendor.get.run(server().url));
    expect(otherHost().requests.length).toBeGreaterThan(0);
    expectNoCredential(otherHost().requests, vendor);
  });

  it.each([
    ['a loop', () => '/loop'],
    ['a Location that is not a URL', () => 'http://[bad host/'],
    ['another scheme', () => 'ftp://127.0.0.1/x'],
  ])('%s ends in a typed error, never a hang', async (_, location) => {
    server().fallback = () => reply.redirect(location());
    const outcome = await outcomeOf(vendor.get.run(server().url, { maxRetries: 0 }));
    // A redirect the client will not follow is handed back as the 3xx it is: an ApiError.
    expect(outcome).toBeInstanceOf(ApiClientError);
    expect(server().requests.length).toBeLessThanOrEqual(21);
  });
});

describe.each(VENDORS.filter((v) => v.list.page))('$name: a list whose first page moved to another origin', (vendor) => {
  it('sends no credential there, on any page', async () => {
    server().enqueue(reply.redirect(`${otherHost().url}/list`));
    let n = 0;
    otherHost().fallback = () => vendor.list.page!([{ id: ++n }, { id: ++n }], n < 6 ? `${otherHost().url}/list?page=${n}` : null);
    // The first page is fetched there (without the credential); its next link is refused as another origin's.
    expect(await outcomeOf(vendor.list.run(server().url, {}, { maxPages: 5 }))).toBeInstanceOf(PaginationError);
    expect(otherHost().requests).toHaveLength(1);
    expectNoCredential(otherHost().requests, vendor);
  });
});

describe.each(callsWithBodies())('$vendor.name $call.name: redirects of a request with a body', ({ vendor, call }) => {
  it('a 307 within the origin re-sends the same bytes with the credential', async () => {
    server().enqueue(reply.redirect('/again', 307), call.ok);
    await call.run(server().url);
    const [first, second] = server().requests;
    expect(second?.body.equals(first!.body)).toBe(true);
    expect(second?.headers['content-type']).toBe(first?.headers['content-type']);
    if (!call.name.startsWith('accessTokens')) expect(vendor.carriesCredential(second!)).toBe(true);
  });

  it('a 307 to another origin re-sends the body but no credential', async () => {
    server().enqueue(reply.redirect(`${otherHost().url}/again`, 307));
    otherHost().enqueue(call.ok);
    await call.run(server().url);
    expect(otherHost().requests[0]?.body.equals(server().requests[0]!.body)).toBe(true);
    expectNoCredential(otherHost().requests, vendor);
  });
});
