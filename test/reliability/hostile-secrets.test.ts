/**
 * Hostile servers (issue 22, class "secrets leave"): a server that echoes the credential where text redaction
 * alone misses it — in the reason phrase, in JSON with other legal escapes, in keys and deep strings — and an SSO
 * front end on another host that embeds the original URL (V-Spark's `?token=` included) in its own query. No
 * secret reaches an error, and the other host sees none, in any encoding.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@apiclients/core';
import type { RecordedRequest, Reply } from './support/fault-server.js';
import { outcomeOf, useFaultServer } from './support/use-fault-server.js';
import { VENDORS } from './support/vendors.js';

const server = useFaultServer();
const otherHost = useFaultServer();

/** Every way an error is printed or serialised, its cause chain included. */
function printed(error: unknown): string {
  const views = [String(error), JSON.stringify(error), inspect(error, { depth: 30, showHidden: true })];
  for (let cause = (error as Error).cause; cause !== undefined; cause = (cause as Error).cause) views.push(inspect(cause, { depth: 30, showHidden: true }));
  return views.join('\n');
}

/** What a request sent: the credential as it travelled (bearer value or `?token=`). */
function credentialsOf(request: RecordedRequest): string[] {
  const bearer = String(request.headers.authorization ?? '').replace(/^\S+\s+/, '');
  const token = new URL(request.url, 'http://x').searchParams.get('token') ?? '';
  return [bearer, token].filter((v) => v.length > 0);
}

// Every character as `\uXXXX`: legal JSON that no text search for the secret finds.
const jsonEscaped = (text: string) => [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

/** A 401 that puts what it was sent in its reason phrase, escaped JSON keys and deep strings, and a header. */
const echoEverywhere: Reply = (response, request) => {
  const sent = credentialsOf(request).join(' ');
  const escaped = jsonEscaped(sent);
  const body = `{"message":"${escaped}","${escaped}":{"deep":[["${escaped}"]]},"errors":[{"description":"Bearer ${escaped}"}]}`;
  response.writeHead(401, `Invalid credential Bearer ${sent}`, { 'content-type': 'application/json', 'x-echo': sent, 'content-length': Buffer.byteLength(body) });
  response.end(body);
};

describe.each(VENDORS)('$name: a server that echoes the credential', (vendor) => {
  it('in the reason phrase, escaped JSON, keys and deep strings: no secret in the error', async () => {
    server().fallback = () => echoEverywhere;
    const error = await outcomeOf(vendor.get.run(server().url, { maxRetries: 0 }));
    expect(error).toBeInstanceOf(ApiError);
    const sent = server().requests.flatMap(credentialsOf);
    expect(sent.length).toBeGreaterThan(0);
    const shown = printed(error);
    for (const secret of [...vendor.secrets, ...sent]) expect(shown).not.toContain(secret);
  });
});

describe.each(VENDORS)('$name: an SSO front end on another host', (vendor) => {
  it('that embeds the original URL in its query (raw, encoded, twice encoded) gets no secret', async () => {
    const forms = [(url: string) => encodeURIComponent(url), (url: string) => encodeURIComponent(encodeURIComponent(url)), (url: string) => url];
    for (const form of forms) {
      server().reset();
      otherHost().reset();
      server().fallback = (request) => (response) => {
        response.writeHead(302, { location: `${otherHost().url}/login?keep=1&rd=${form(`${server().url}${request.url}`)}`, 'content-length': 0 });
        response.end();
      };
      otherHost().fallback = () => vendor.get.ok;
      await outcomeOf(vendor.get.run(server().url, { maxRetries: 0 }));
      expect(otherHost().requests.length).toBeGreaterThan(0);
      const sent = server().requests.flatMap(credentialsOf);
      for (const request of otherHost().requests) {
        const seen = `${request.url}\n${JSON.stringify(request.headers)}`;
        for (const secret of [...vendor.secrets, ...sent]) {
          for (const encoded of [secret, encodeURIComponent(secret), encodeURIComponent(encodeURIComponent(secret))]) expect(seen).not.toContain(encoded);
        }
        expect(request.url).toContain('keep=1');
      }
    }
  });
});
