/**
 * A local fake V-Spark (node:http on 127.0.0.1): several companies, orgs and folders, per-company tokens,
 * one folder that always fails. Records which token read each folder and how many requests ran at once.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ROOT_TOKEN = 'root-token-7f3a9c2e51';
export const COMPANY_TOKENS: Record<string, string> = {
  Acme: 'acme-token-0b8d4e6f12',
  Beta: 'beta-token-93c1a7d5e4',
};
export const TREE: Record<string, Record<string, string[]>> = {
  Acme: { 'Acme-Sales': ['Inbound', 'Outbound'], 'Acme-Support': ['Tier1'] },
  Beta: { 'Beta-Ops': ['Calls', 'Broken'] },
};
export const BROKEN = '/status/Beta/Beta-Ops/Broken';
/** CSV as served, with a byte-order mark and CRLF line ends, to prove it is written byte for byte. */
export const csvFor = (folder: string) => `\uFEFFmode,server,count\r\nactive,srvr1,${folder.length}\r\n`;
export const statusFor = (folder: string) => ({
  queued: { lastactive: '2019-06-24T18:36:15.000Z', count: folder.length },
  mode: 'active',
  servers: { srvr1: 'OK' },
});

export interface FakeVSpark {
  host: string;
  url: string;
  /** Token used for each folder-status request, by path. */
  tokensUsed: Map<string, string>;
  /** Most requests in flight at once. */
  maxInFlight: number;
  requests: string[];
  close(): Promise<void>;
}

/**
 * Starts the fake on a free loopback port; `delayMs` holds each status answer that long, and `holdUntilInFlight`
 * holds it until that many status requests run at once (or 500 ms pass), so concurrency is measured, not raced.
 * `tree` replaces {@link TREE} (its companies among {@link COMPANY_TOKENS}).
 */
export async function startFakeVSpark(options: { delayMs?: number; holdUntilInFlight?: number; tree?: typeof TREE } = {}): Promise<FakeVSpark> {
  const folderTree = options.tree ?? TREE;
  let inFlight = 0;
  const state = { tokensUsed: new Map<string, string>(), maxInFlight: 0, requests: [] as string[] };
  const send = (res: ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    state.requests.push(url.pathname);
    const token = url.searchParams.get('token') ?? '';
    const isRoot = token === ROOT_TOKEN;
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (url.pathname === '/config' || url.pathname === '/config/folders') {
      if (!isRoot) return send(res, 401, 'text/plain', 'Unauthorized');
      if (url.pathname === '/config') {
        const companies = Object.fromEntries(
          Object.entries(COMPANY_TOKENS).map(([co, uuid]) => [co, { uuid, name: `${co} Inc`, status: 'OK' }]),
        );
        return send(res, 200, 'application/json', JSON.stringify(companies));
      }
      const tree = Object.fromEntries(
        Object.entries(folderTree).map(([co, orgs]) => [
          co,
          Object.fromEntries(Object.entries(orgs).map(([org, fs]) => [org, Object.fromEntries(fs.map((f) => [f, { mode: 'active' }]))])),
        ]),
      );
      return send(res, 200, 'application/json', JSON.stringify(tree));
    }
    if (parts[0] === 'status' && parts.length === 4) {
      const [, co = '', org = '', folder = ''] = parts;
      if (!isRoot && COMPANY_TOKENS[co] !== token) return send(res, 401, 'text/plain', 'Unauthorized');
      state.tokensUsed.set(url.pathname, token);
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, options.delayMs ?? 0));
      const until = Date.now() + 500;
      while (options.holdUntilInFlight && state.maxInFlight < options.holdUntilInFlight && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 2));
      }
      inFlight--;
      if (url.pathname === BROKEN) return send(res, 404, 'text/html', '<html><body>No such folder</body></html>');
      if (!folderTree[co]?.[org]?.includes(folder)) return send(res, 404, 'text/plain', 'Not Found');
      return url.searchParams.get('format') === 'csv'
        ? send(res, 200, 'text/csv', csvFor(folder))
        : send(res, 200, 'application/json', JSON.stringify(statusFor(folder)));
    }
    send(res, 404, 'text/plain', 'Not Found');
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
