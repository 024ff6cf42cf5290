/**
 * No memory or time without bound (issue 22): for every vendor client, a body past `maxResponseBytes` (endless
 * and chunked with no timeout, or a gzip bomb) ends in a ResponseTooLargeError while it is read, not retried; a
 * VSS first page announcing a billion pages fetches no more than `maxPages`; and a process that leaves a
 * concurrent list early (take, break) exits at once, its page requests aborted.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PaginationError, ResponseTooLargeError } from '@apiclients/core';
import { VssClient } from '@apiclients/vss';
import { reply, type Reply } from './support/fault-server.js';
import { outcomeOf, useFaultServer } from './support/use-fault-server.js';
import { VENDORS } from './support/vendors.js';

const server = useFaultServer();
const MB = 1024 * 1024;

/** A 200 whose JSON body never ends (chunked), written as fast as the client reads. */
const endless: Reply = (response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write('[');
  const chunk = `${JSON.stringify('x'.repeat(64 * 1024))},`;
  const pump = () => {
    while (!response.destroyed && response.write(chunk));
    if (!response.destroyed) response.once('drain', pump);
  };
  pump();
};

const BOMB = gzipSync(Buffer.from(`[${'0,'.repeat(48 * MB)}0]`)); // about 50 kB inflating to 96 MB
const bomb: Reply = (response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': BOMB.length });
  response.end(BOMB);
};

describe.each(VENDORS)('$name: a body past maxResponseBytes', (vendor) => {
  it.each([
    ['endless and chunked, with no timeout', endless],
    ['a gzip bomb', bomb],
  ])('%s ends in a ResponseTooLargeError, not retried', async (_, answer) => {
    server().fallback = () => answer;
    const before = process.memoryUsage().rss;
    const error = await outcomeOf(vendor.get.run(server().url, { timeoutMs: 0, maxResponseBytes: 4 * MB }));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).maxResponseBytes).toBe(4 * MB);
    expect(server().requests).toHaveLength(1);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MB);
  });

  it('a call may set its own limit', async () => {
    server().fallback = () => reply.huge(2 * MB);
    const error = await outcomeOf(vendor.get.run(server().url, {}, { maxResponseBytes: MB }));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
  });
});

/** A VSS page of two items that says the list has `pages` pages (and links on). */
const vssPage = (pages: number): Reply => (response, request) => {
  const page = Number(new URL(request.url, 'http://x').searchParams.get('page') ?? 1);
  reply.json({ data: [`${page}a`, `${page}b`], meta: { pages: { page, pages, per_page: 2, total: pages * 2, next_url: `/v2/request/change?page=${page + 1}&per_page=2` } } })(response, request);
};

describe('vss: a first page announcing a billion pages', () => {
  it.each([1, 8])('at concurrency %i fetches maxPages pages at most, then a PaginationError', async (concurrency) => {
    server().fallback = () => vssPage(1e9);
    const started = performance.now();
    const client = new VssClient({ token: 'vss-token-billion-123', baseUrl: `${server().url}/v2` });
    const error = await outcomeOf(client.requests.list('change', { per_page: 2 }, { concurrency, maxPages: 5 }).toArray());
    expect(error).toBeInstanceOf(PaginationError);
    expect(server().requests).toHaveLength(5);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('vss: leaving a concurrent list early', () => {
  it('(take, break) aborts its page requests: the process exits at once', async () => {
    // Pages 1 and 2 answer; every later one stalls, as a server that never answers would.
    server().fallback = (request) => (Number(new URL(request.url, 'http://x').searchParams.get('page') ?? 1) <= 2 ? vssPage(50) : reply.stallBeforeHeaders());
    const SCRIPT = fileURLToPath(new URL('./support/leave-list-early.mjs', import.meta.url));
    const started = performance.now();
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [SCRIPT, server().url], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.on('exit', (exitCode) => {
        clearTimeout(killer);
        resolve({ code: exitCode, stdout: out });
      });
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ taken: 3, seen: 3 });
    // Stalled page requests with a 10-minute timeout would keep it alive for 10 minutes.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(server().requests.length).toBeGreaterThan(2);
  });
});
