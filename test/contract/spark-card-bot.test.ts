/**
 * examples/spark-card-bot.mjs, as `npm start` runs it, against Prism serving specs/spark.yaml: every step prints
 * its line, in order, from what the mock answered, and the example exits 0.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { repoRoot } from '../lib/spec-validator.js';

it('registers its webhooks, answers a message with a card in the thread, reads the card and edits its reply', () => {
  const run = spawnSync(process.execPath, [join(repoRoot, 'examples', 'spark-card-bot.mjs'), inject('prism').spark as string], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, WEBEX_ACCESS_TOKEN: 'card-bot-test-token' },
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines.map((line) => line.split('.')[0])).toEqual(['1', '1', '2', '3', '4', '5', '6', '7', '8']);
  expect(lines[0]).toMatch(/^1\. webhook for messages\.created: created; mock answered Y2lz\S+ "/);
  expect(lines[1]).toMatch(/^1\. webhook for attachmentActions\.created: created;/);
  expect(lines[3]).toMatch(/^3\. received messages\.created Y2lz\S+; fetched it: "PROJECT UPDATE/);
  expect(lines[4]).toMatch(/^4\. replied in the thread of Y2lz\S+ with a card: message Y2lz/);
  expect(lines[6]).toBe('6. received attachmentActions.created Y2lzY29zcGFyazovL3VzL0FUVEFDSE1FTlRfQUNUSU9OLzljMmI3ZmYwLTFiN2MtMTFmMS1hMWQ3LTMzZjg0Y2RiMmE5ZQ; inputs {"choice":"yes","comment":"Ship it on Friday"}');
  expect(lines[7]).toMatch(/^7\. edited the reply Y2lz\S+: mock answered message Y2lz/);
  expect(lines[8]).toBe('8. an unsigned delivery is refused: 401');
});
