/**
 * examples/spark-card-bot.mjs, as `npm start` runs it: against a stateful Webex mock of its own, started with the
 * options its second line asks for. Every step prints its line, in order, from what the mock kept and delivered;
 * the mock's state and request log show the same flow, and the example exits 0.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { startStatefulMock } from '@apiclients/testing';
import { statefulOptionsOf } from '../../scripts/lib/example-mock.mjs';
import { repoRoot } from '../lib/spec-validator.js';

const file = join(repoRoot, 'examples', 'spark-card-bot.mjs');

it('registers its webhooks, answers a mention with a card in the thread, reads the answer and answers it in the thread', async () => {
  const server = await startStatefulMock('spark', statefulOptionsOf(file));
  try {
    // Asynchronous: the mock runs in this process and must go on answering while the example runs.
    const run = await promisify(execFile)(process.execPath, [file, server.url], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000, env: { ...process.env, WEBEX_ACCESS_TOKEN: 'card-bot-test-token' } });
    expect(run.stderr).toBe('');
    const lines = run.stdout.trim().split('\n');
    expect(lines.map((line) => line.split('.')[0])).toEqual(['1', '2', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(lines[0]).toBe('1. the bot is Card Bot <cardbot@webex.bot> (after 429 and a wait: the client retried)');
    expect(lines[4]).toBe('4. received a signed messages.created from alice@example.com: "Card Bot can we ship on Friday?"');
    expect(lines[7]).toBe('7. received a signed attachmentActions.created; inputs {"choice":"yes","comment":"Ship it"}');
    expect(lines[8]).toBe('8. answered in the thread: "Shipping release 2.0 on Friday: **yes**"');
    // What the mock kept: the user's question, the bot's card reply and its answer in the question's thread (the
    // card's message unedited: Webex does not edit one), two webhooks.
    const state = server.state();
    const [question, reply, answer] = state.messages!;
    expect(reply).toMatchObject({ parentId: question!.id, markdown: 'Ship release 2.0 on Friday?', personEmail: 'cardbot@webex.bot' });
    expect(reply).not.toHaveProperty('updated');
    expect(answer).toMatchObject({ parentId: question!.id, markdown: 'Shipping release 2.0 on Friday: **yes**', personEmail: 'cardbot@webex.bot' });
    expect(state.webhooks!.map((w) => `${w.resource}.${w.event}`).sort()).toEqual(['attachmentActions.created', 'messages.created']);
    // The first request met the queued 429 and was sent again; no token is in the log.
    expect(server.requests.slice(0, 2).map((r) => [r.operationId, r.status])).toEqual([['people_me', 429], ['people_me', 200]]);
    expect(JSON.stringify(server.requests)).not.toContain('card-bot-test-token');
  } finally {
    await server.stop();
  }
}, 90_000);
