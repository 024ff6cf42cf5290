/**
 * Requests stay on their path (issue 22): a path argument of `.` or `..` (which URL parsing would remove, sending
 * `DELETE /v1/` for `rooms.delete('..')`) or holding a lone surrogate is a ConfigurationError naming the argument,
 * before any request, on the clients' methods and on `.raw`; separators and delimiters travel encoded inside their
 * one segment. The `vspark-status` CLI, given server-chosen names `..`/`..`/`config`, fetches nothing off
 * `/status/` and writes no company token to a file.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '@apiclients/core';
import { SparkClient } from '@apiclients/spark';
import { StatuspageClient } from '@apiclients/statuspage';
import { VSparkClient } from '@apiclients/vspark';
import { VssClient } from '@apiclients/vss';
import { reply } from './support/fault-server.js';
import { outcomeOf, useFaultServer } from './support/use-fault-server.js';

const server = useFaultServer();

/** Per vendor: a method and a `.raw` call that put `value` in a path parameter named `argument`. */
const PATH_CALLS: { vendor: string; argument: string; rawArgument: string; method?: (url: string, value: string) => Promise<unknown>; raw: (url: string, value: string) => Promise<unknown> }[] = [
  {
    vendor: 'spark',
    argument: 'roomId',
    rawArgument: 'roomId',
    method: (url, value) => new SparkClient({ accessToken: 'spark-token-123456', baseUrl: url }).rooms.delete(value),
    raw: (url, value) => new SparkClient({ accessToken: 'spark-token-123456', baseUrl: url }).raw.DELETE('/rooms/{roomId}', { params: { path: { roomId: value } } }),
  },
  {
    vendor: 'statuspage',
    argument: 'component_id',
    rawArgument: 'component_id',
    method: (url, value) => new StatuspageClient({ apiKey: 'sp-key-123456', pageId: 'page1', organizationId: 'org1', baseUrl: url }).components.delete(value),
    raw: (url, value) =>
      new StatuspageClient({ apiKey: 'sp-key-123456', pageId: 'page1', organizationId: 'org1', baseUrl: url }).raw.DELETE('/pages/{page_id}/components/{component_id}', {
        params: { path: { page_id: 'page1', component_id: value } },
      }),
  },
  {
    // VSS's path parameters are an enum and an integer, refused by type already; `.raw` takes any text.
    vendor: 'vss',
    argument: 'type',
    rawArgument: 'type',
    raw: (url, value) => new VssClient({ token: 'vss-token-123456', baseUrl: `${url}/v2` }).raw.GET('/request/{type}/{id}', { params: { path: { type: value as never, id: 1 } } }),
  },
  {
    vendor: 'vspark',
    argument: 'org',
    rawArgument: 'org',
    method: (url, value) => new VSparkClient({ token: 'vspark-token-123456', baseUrl: url }).status.folder('co', value, 'f'),
    raw: (url, value) =>
      new VSparkClient({ token: 'vspark-token-123456', baseUrl: url }).raw.GET('/status/{company}/{org}/{folder}', { params: { path: { company: 'co', org: value, folder: 'f' } } }),
  },
];

describe.each(PATH_CALLS)('$vendor: a path argument', (row) => {
  const doors = [...(row.method ? [['method', row.argument, row.method] as const] : []), ['.raw', row.rawArgument, row.raw] as const];

  it.each(['.', '..', '\ud800', 'a\udfffb'])('%j is a ConfigurationError naming it, before any request', async (value) => {
    for (const [door, argument, call] of doors) {
      const error = await outcomeOf(call(server().url, value));
      expect(error, door).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message, door).toContain(`"${argument}"`);
    }
    expect(server().requests).toHaveLength(0);
  });

  it('with separators and delimiters is sent inside its one segment', async () => {
    if (row.vendor === 'vss') return; // an enum: such text is refused by type before this rule
    server().fallback = () => reply.json({});
    for (const value of ['../config', 'a/b', '?token=x', '#f', '%2e%2e', 'new\nline', '\u202egnp.exe']) {
      server().reset();
      server().fallback = () => reply.json({});
      for (const [door, , call] of doors) {
        await outcomeOf(call(server().url, value));
        const sent = server().requests.at(-1);
        expect(sent, door).toBeDefined();
        const path = new URL(sent!.url, 'http://x').pathname;
        expect(path.split('/').map(decodeURIComponent), door).toContain(value);
      }
    }
  });
});

describe('vspark-status CLI with server-chosen names that would leave /status/', () => {
  const CLI = fileURLToPath(new URL('../../packages/vspark/dist/cli.js', import.meta.url));
  const ROOT = 'root-token-0a1b2c3d4e5f';
  const TOKENS = { '..': 'dotdot-company-token-9a8b7c', co: 'plain-company-token-1a2b3c' };

  it('fetches nothing but /config and /status/…, and writes no token to any file', async () => {
    server().fallback = ({ url }) =>
      url.startsWith('/config/folders') ? reply.json({ '..': { '..': { config: {} } }, '.': { org: { '..': {} } }, co: { org: { f: {} } } })
      : url.startsWith('/config') ? reply.json({ '..': { uuid: TOKENS['..'] }, co: { uuid: TOKENS.co } })
      : reply.json({ ok: true });
    const out = await mkdtemp(join(tmpdir(), 'vspark-paths-'));
    try {
      const code = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [CLI, server().url, ROOT, 'json', '--out', out], { stdio: 'ignore' });
        child.on('close', resolve);
      });
      expect(code).toBe(1); // the two unsafe folders failed; the plain one was written
      const paths = server().requests.map((r) => new URL(r.url, 'http://x').pathname);
      expect(paths.filter((p) => p.startsWith('/config'))).toEqual(expect.arrayContaining(['/config', '/config/folders']));
      expect(paths.filter((p) => p.startsWith('/config'))).toHaveLength(2);
      expect(paths.filter((p) => p.startsWith('/status/'))).toEqual(['/status/co/org/f']);
      for (const name of await readdir(out)) {
        const text = await readFile(join(out, name), 'utf8');
        for (const secret of [ROOT, ...Object.values(TOKENS)]) expect(text).not.toContain(secret);
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
