/**
 * A local fake Statuspage (node:http on 127.0.0.1): 250 components paged by `page`/`per_page`, subscribers
 * paged from page 0, envelopes recorded, and scripted failures (420/429 then success, 422, 500, HTML).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const API_KEY = 'sp-key-0a1b2c3d4e5f';
export const PAGE_ID = 'pg9x8y7z';
export const ORG_ID = 'org5q4w3';
export const COMPONENTS = 250;

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization: string | undefined;
}

export interface FakeStatuspage {
  url: string;
  requests: Recorded[];
  /** Answers to give to the next requests, in order, before serving normally. */
  script: ((res: ServerResponse) => void)[];
  close(): Promise<void>;
}

const component = (n: number) => ({ id: `c${n}`, page_id: PAGE_ID, name: `Component ${n}`, status: 'operational', position: n });

export async function startFakeStatuspage(): Promise<FakeStatuspage> {
  const state = { requests: [] as Recorded[], script: [] as ((res: ServerResponse) => void)[] };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    let raw = '';
    for await (const chunk of req) raw += chunk;
    state.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      body: raw ? JSON.parse(raw) : undefined,
      authorization: req.headers.authorization,
    });
    const scripted = state.script.shift();
    if (scripted) return scripted(res);
    if (req.headers.authorization !== `OAuth ${API_KEY}`) return json(res, 401, { message: 'Could not authenticate' });
    const page = Number(url.searchParams.get('page') ?? '1');
    const perPage = Number(url.searchParams.get('per_page') ?? url.searchParams.get('limit') ?? '100');
    if (req.method === 'GET' && url.pathname === `/v1/pages/${PAGE_ID}/components`) {
      const all = Array.from({ length: COMPONENTS }, (_, i) => component(i + 1));
      return json(res, 200, all.slice((page - 1) * perPage, page * perPage));
    }
    if (req.method === 'GET' && url.pathname === `/v1/pages/${PAGE_ID}/subscribers`) {
      // Subscribers' pages start at 0 (reference/statuspage README).
      const page = Number(url.searchParams.get('page') ?? '0');
      const all = Array.from({ length: 130 }, (_, i) => ({ id: `s${i}`, email: `s${i}@example.test` }));
      return json(res, 200, all.slice(page * perPage, (page + 1) * perPage));
    }
    if (req.method === 'POST' && url.pathname === `/v1/pages/${PAGE_ID}/components`) {
      const body = JSON.parse(raw) as { component?: { name?: string } };
      if (!body.component?.name) return json(res, 422, { message: 'Validation failed', errors: ['name can\'t be blank'] });
      return json(res, 201, { ...component(999), ...body.component });
    }
    if (req.method === 'PATCH' && url.pathname.startsWith(`/v1/pages/${PAGE_ID}/components/`)) {
      const body = JSON.parse(raw) as { component: Record<string, unknown> };
      return json(res, 200, { ...component(1), ...body.component });
    }
    if (req.method === 'POST' && url.pathname === `/v1/pages/${PAGE_ID}/incidents`) {
      const body = JSON.parse(raw) as { incident: Record<string, unknown> };
      return json(res, 201, { id: 'inc1', page_id: PAGE_ID, status: 'investigating', impact: 'none', ...body.incident });
    }
    if (req.method === 'GET' && url.pathname === `/v1/organizations/${ORG_ID}/users`) {
      return json(res, 200, page === 1 ? [{ id: 'u1', email: 'a@example.test', organization_id: ORG_ID }] : []);
    }
    json(res, 404, { message: 'Not found' });
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** A scripted answer. */
export const answer = (status: number, body: string, headers: Record<string, string> = {}) => (res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
};
