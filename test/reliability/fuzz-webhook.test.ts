/**
 * Property 6, the webhook signature check fuzzed (fast-check) with anything a plain-JS caller may pass: it always
 * resolves to a boolean, never throws, and is true only for the exact HMAC-SHA1 of the exact bytes.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { verifyWebhookSignature } from '@apiclients/spark';

it('resolves to a boolean for any arguments, true only for the exact signature', async () => {
  const body = fc.oneof(fc.string({ unit: 'binary', maxLength: 100 }), fc.uint8Array({ maxLength: 100 }), fc.anything({ maxDepth: 2 }));
  const secret = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), fc.anything({ maxDepth: 1 }));
  await fc.assert(
    fc.asyncProperty(body, fc.anything({ maxDepth: 2 }), secret, fc.boolean(), async (rawBody, junk, key, signCorrectly) => {
      const verifiable = (typeof rawBody === 'string' || rawBody instanceof Uint8Array) && typeof key === 'string' && key !== '';
      const signature = signCorrectly && verifiable ? createHmac('sha1', key as string).update(rawBody as string | Uint8Array).digest('hex') : junk;
      const result = await verifyWebhookSignature(rawBody as string, signature as string, key as string);
      expect(typeof result).toBe('boolean');
      if (signCorrectly && verifiable) expect(result).toBe(true);
      else if (typeof signature !== 'string' || !verifiable) expect(result).toBe(false);
    }),
    { numRuns: 1_000 },
  );
}, 60_000);
