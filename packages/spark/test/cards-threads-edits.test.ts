/**
 * Cards, threads, edits and `webhooks.ensure` against the fake Webex of fake-spark.ts (a real node:http server).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, SparkClient } from '../src/node.js';
import { startFakeSpark, THREAD, TOKEN, type FakeSpark } from './fake-spark.js';

let fake: FakeSpark;
beforeEach(async () => {
  fake = await startFakeSpark();
});
afterEach(() => fake.close());
const spark = () => new SparkClient({ accessToken: TOKEN, baseUrl: fake.url });
const card = (text: string) => ({
  contentType: 'application/vnd.microsoft.card.adaptive' as const,
  content: { type: 'AdaptiveCard' as const, version: '1.2', body: [{ type: 'TextBlock', text }] },
});

describe('cards', () => {
  it('sends one Adaptive Card as JSON, reply to a thread included', async () => {
    const sent = await spark().messages.create({ roomId: 'room1', parentId: 'parent1', markdown: 'Ship it?', attachments: [card('Ship it?')] });
    const body = JSON.parse(fake.requests[0]!.body.toString());
    expect(fake.requests[0]!.headers['content-type']).toMatch(/^application\/json/);
    expect(body).toEqual({ roomId: 'room1', parentId: 'parent1', markdown: 'Ship it?', attachments: [card('Ship it?')] });
    expect(fake.messages.get(sent.id!)?.attachments).toEqual([card('Ship it?')]);
  });

  it('refuses a second card, and a card beside a local file, before any request', async () => {
    const two = spark().messages.create({ roomId: 'room1', attachments: [card('a'), card('b')] as never });
    await expect(two).rejects.toBeInstanceOf(ConfigurationError);
    await expect(two).rejects.toThrow(/one card .* got 2/);
    const withFile = spark().messages.create({ roomId: 'room1', attachments: [card('a')], files: { data: new Uint8Array([1]), filename: 'a.bin' } });
    await expect(withFile).rejects.toThrow(/a card cannot go with a local file/);
    expect(fake.requests).toEqual([]);
  });

  it('sends a card beside a file given by URL (both JSON)', async () => {
    await spark().messages.create({ roomId: 'room1', attachments: [card('a')], files: 'https://example.test/a.png' });
    expect(JSON.parse(fake.requests[0]!.body.toString()).files).toEqual(['https://example.test/a.png']);
  });
});

describe('threads', () => {
  it('yields the parent, then the replies in the order they were posted, across pages of newest-first replies', async () => {
    const thread = await spark().messages.thread('parent1').toArray();
    expect(thread.map((m) => m.id)).toEqual(['parent1', 'reply1', 'reply2', 'reply3']);
    expect(fake.requests.map((r) => r.url)).toEqual([
      '/v1/messages/parent1',
      '/v1/messages?roomId=room1&parentId=parent1',
      '/v1/messages?roomId=room1&parentId=parent1&cursor=2',
    ]);
  });

  it('starts from the parent when given a reply, and stops at take(n)', async () => {
    expect((await spark().messages.thread('reply2').toArray()).map((m) => m.id)).toEqual(['parent1', ...THREAD.replies.map((r) => r.id)]);
    expect((await spark().messages.thread('reply2').take(2).toArray()).map((m) => m.id)).toEqual(['parent1', 'reply1']);
    const requests = fake.requests.length;
    expect((await spark().messages.thread('parent1').take(1).toArray()).map((m) => m.id)).toEqual(['parent1']);
    expect(fake.requests.length).toBe(requests + 1);
    // The call's `limit` counts from the parent too (not the newest replies, which Webex lists first).
    expect((await spark().messages.thread('parent1', { limit: 3 }).toArray()).map((m) => m.id)).toEqual(['parent1', 'reply1', 'reply2']);
  });

  it('reads Webex again on each iteration', async () => {
    const thread = spark().messages.thread('parent1');
    expect(await thread.toArray()).toHaveLength(4);
    fake.messages.set('reply4', { id: 'reply4', roomId: 'room1', parentId: 'parent1', text: 'late', created: '2026-03-02T10:09:00.000Z' });
    expect((await thread.toArray()).at(-1)?.id).toBe('reply4');
  });
});

describe('edits', () => {
  it('messages.update(messageId, { roomId, markdown }) PUTs the new content', async () => {
    const edited = await spark().messages.update('reply1', { roomId: 'room1', markdown: '**edited**' });
    expect(fake.requests[0]).toMatchObject({ method: 'PUT', url: '/v1/messages/reply1' });
    expect(JSON.parse(fake.requests[0]!.body.toString())).toEqual({ roomId: 'room1', markdown: '**edited**' });
    expect(edited.markdown).toBe('**edited**');
  });

  it('refuses an edit without roomId before any request (Webex requires it)', async () => {
    await expect(spark().messages.update('reply1', { markdown: 'x' } as never)).rejects.toBeInstanceOf(ConfigurationError);
    expect(fake.requests).toEqual([]);
  });
});

describe('webhooks.ensure', () => {
  const wanted = { name: 'card bot', targetUrl: 'https://bot.example.test/hook', resource: 'messages', event: 'created', secret: 's1' } as const;

  it('creates the webhook once, then updates the one with the same name and target', async () => {
    const first = await spark().webhooks.ensure(wanted);
    expect(first).toMatchObject({ action: 'created', duplicatesDeleted: 0 });
    const second = await spark().webhooks.ensure({ ...wanted, secret: 's2' });
    expect(second).toMatchObject({ action: 'updated', webhook: { id: first.webhook.id, secret: 's2', status: 'active' } });
    expect(fake.webhooks).toHaveLength(1);
    expect(fake.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'PUT']);
  });

  it('replaces one whose event differs (Webex cannot update it), and leaves other webhooks alone', async () => {
    await spark().webhooks.ensure({ ...wanted, name: 'other' });
    await spark().webhooks.ensure(wanted);
    const replaced = await spark().webhooks.ensure({ ...wanted, event: 'deleted' });
    expect(replaced.action).toBe('replaced');
    expect(fake.webhooks.map((w) => [w.name, w.event])).toEqual([
      ['other', 'created'],
      ['card bot', 'deleted'],
    ]);
  });

  it('keeps one of several webhooks with the same name and target (each delivered every event) and deletes the others', async () => {
    await spark().webhooks.create({ ...wanted, event: 'deleted' });
    const kept = await spark().webhooks.create(wanted);
    await spark().webhooks.create(wanted);
    await spark().webhooks.create({ ...wanted, name: 'other' });
    const ensured = await spark().webhooks.ensure({ ...wanted, secret: 's2' });
    expect(ensured).toMatchObject({ action: 'updated', duplicatesDeleted: 2, webhook: { id: kept.id, secret: 's2' } });
    expect(fake.webhooks.map((w) => [w.id, w.name])).toEqual([
      [kept.id, 'card bot'],
      [expect.any(String), 'other'],
    ]);
  });
});
