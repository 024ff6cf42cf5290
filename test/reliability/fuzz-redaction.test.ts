/**
 * Property 6, the URL redactor fuzzed (fast-check): for any token of printable characters, redaction removes it in
 * every form (raw, percent-encoded, form-encoded) from URLs (any query name, path, user-info, fragment), free text
 * and headers; and a client whose token is arbitrary never shows it in an error, even from a server echoing it.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '@apiclients/core';
import { SparkClient } from '@apiclients/spark';
import { VSparkClient } from '@apiclients/vspark';
import { reply } from './support/fault-server.js';
import { outcomeOf, useFaultServer } from './support/use-fault-server.js';

const server = useFaultServer();
const PRINTABLE = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i));
// The marker's own brackets are left out: a token made of them could be "found" inside `[REDACTED]` itself.
const token = fc.string({ unit: fc.constantFrom(...PRINTABLE.filter((c) => c !== '[' && c !== ']')), minLength: 6, maxLength: 40 })
  .filter((t) => !REDACTED.includes(t));
const password = fc.string({ unit: fc.oneof(fc.constantFrom(...PRINTABLE, ' '), fc.constantFrom('é', 'ß', '中', '😀')), minLength: 6, maxLength: 30 })
  .filter((t) => !/[[\]]/.test(t) && !REDACTED.includes(t));

const formsOf = (secret: string) => [secret, encodeURIComponent(secret), new URLSearchParams([['', secret]]).toString().slice(1)];
const decoded = (text: string) => {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
};

describe('Redactor', () => {
  it('removes a registered secret from any URL that carries it, in every encoding', () => {
    fc.assert(
      fc.property(fc.oneof(token, password), fc.constantFrom('token', 'x', 'q', 'access_token'), (secret, name) => {
        const redactor = new Redactor([secret]);
        const e = encodeURIComponent(secret);
        const urls = [
          `https://h.test/p?${name}=${e}&max=10`,
          `https://h.test/p?max=10&${name}=${new URLSearchParams([['', secret]]).toString().slice(1)}`,
          `https://h.test/a/${e}/b`,
          `https://user:${e}@h.test/p`,
          `https://h.test/p#${e}`,
        ];
        for (const url of urls) {
          const out = redactor.url(url);
          for (const form of formsOf(secret)) expect(out).not.toContain(form);
          expect(decoded(out)).not.toContain(secret);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('removes it from free text and headers around any other text', () => {
    fc.assert(
      fc.property(token, fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (secret, before, after) => {
        const redactor = new Redactor([secret]);
        const texts = [
          redactor.text(`${before}${secret}${after}`),
          redactor.text(`${before}${encodeURIComponent(secret)}${after}`),
          ...Object.values(redactor.headers({ authorization: `Bearer ${secret}`, 'x-echo': `${before}${secret}${after}`, location: `https://h.test/?token=${encodeURIComponent(secret)}` })),
        ];
        for (const text of texts) expect(text).not.toContain(secret);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('clients with arbitrary tokens, against a server that echoes them', () => {
  const clients = [
    { name: 'spark (Bearer header)', call: (t: string) => new SparkClient({ accessToken: t, baseUrl: server().url, maxRetries: 0 }).people.get('p1') },
    { name: 'vspark (?token= query)', call: (t: string) => new VSparkClient({ token: t, baseUrl: server().url, maxRetries: 0 }).config.companies() },
  ];
  it.each(clients)('$name: no error rendering holds the token', async ({ call }) => {
    await fc.assert(
      fc.asyncProperty(token, fc.constantFrom(401, 403, 500, 200), async (secret, status) => {
        server().reset();
        server().fallback = () => reply.echo(status, status === 200 ? 'text/html' : 'application/json');
        const render = (error: unknown) => [String(error), JSON.stringify(error), inspect(error, { depth: 10 }), (error as Error).stack ?? ''].join('\n');
        // A token that is an everyday word ("length", "Error:") is in any such error whatever the token: the same
        // call made with an unrelated token shows what is there anyway, and such tokens are not evidence of a leak.
        const baseline = render(await outcomeOf(call('unrelated-baseline-token-0123456789')));
        fc.pre(formsOf(secret).every((form) => !baseline.includes(form)));
        const error = await outcomeOf(call(secret));
        expect(error).toBeInstanceOf(Error);
        const shown = render(error);
        for (const form of formsOf(secret)) expect(shown).not.toContain(form);
      }),
      { numRuns: 150 },
    );
  });
});
