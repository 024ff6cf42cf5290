/** Property-based tests of the webhook signature check: only the exact HMAC of the exact bytes passes. */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../src/index.js';

describe('verifyWebhookSignature', () => {
  it('accepts the right signature and refuses any other body, secret or signature, never throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.string({ minLength: 1, maxLength: 40 }), fc.string({ maxLength: 60 }), async (body, secret, junk) => {
        const signature = createHmac('sha1', secret).update(body).digest('hex');
        expect(await verifyWebhookSignature(body, signature, secret)).toBe(true);
        expect(await verifyWebhookSignature(`${body}x`, signature, secret)).toBe(false);
        expect(await verifyWebhookSignature(body, signature, `${secret}x`)).toBe(false);
        if (junk.toLowerCase() !== signature) expect(await verifyWebhookSignature(body, junk, secret)).toBe(false);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
