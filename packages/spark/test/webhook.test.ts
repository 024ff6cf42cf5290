import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseWebhookEvent, verifyWebhookSignature } from '../src/index.js';

const secret = 'webhook-secret-42';
const raw = '{"id":"Y2lz","name":"My webhook","resource":"messages","event":"created","data":{"id":"m1","roomId":"r1"}}';
const signature = createHmac('sha1', secret).update(raw).digest('hex');

describe('verifyWebhookSignature', () => {
  it('accepts the hex HMAC-SHA1 of the raw body, as a string or bytes, any hex case', async () => {
    expect(await verifyWebhookSignature(raw, signature, secret)).toBe(true);
    expect(await verifyWebhookSignature(new TextEncoder().encode(raw), signature.toUpperCase(), secret)).toBe(true);
  });

  it('refuses a tampered body, a wrong secret, re-serialised JSON, and a missing signature', async () => {
    expect(await verifyWebhookSignature(raw.replace('created', 'deleted'), signature, secret)).toBe(false);
    expect(await verifyWebhookSignature(raw, signature, 'other-secret')).toBe(false);
    expect(await verifyWebhookSignature(JSON.stringify(JSON.parse(raw), null, 1), signature, secret)).toBe(false);
    expect(await verifyWebhookSignature(raw, undefined, secret)).toBe(false);
    expect(await verifyWebhookSignature(raw, signature.slice(0, -1), secret)).toBe(false);
  });

  it('refuses, never throws on, arguments of the wrong type from plain JS (a header array, a parsed body)', async () => {
    const wrong: [unknown, unknown, unknown][] = [
      [raw, [signature], secret],
      [raw, 42, secret],
      [JSON.parse(raw), signature, secret],
      [null, signature, secret],
      [raw, signature, 42],
      [raw, signature, undefined],
    ];
    for (const [body, sig, key] of wrong) expect(await verifyWebhookSignature(body as string, sig as string, key as string)).toBe(false);
  });

  it('parses a delivery', () => {
    expect(parseWebhookEvent(raw)).toMatchObject({ resource: 'messages', event: 'created', data: { roomId: 'r1' } });
  });
});
