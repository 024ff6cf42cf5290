/**
 * A local fake VSS (node:http on 127.0.0.1) holding a few hundred change requests: pages by `page`/`per_page`,
 * URLs or (with `expand=1`) objects, `meta.pages` with next_url, filter and sort echoed and recorded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TOKEN = 'vss-token-4f9a8b7c6d';
export const USER = { username: 'jdoe', password: 'p@ss wörd' };
const STATUSES = ['PENDING', 'IN_PROGRESS', 'PROCESSED', 'SCHEDULED', 'ERROR', 'ERROR_RETRY'] as const;

export function changeRequest(id: number) {
  return {
    id,
    attribute: 'name',
    created_on: `2016-07-${String((id % 28) + 1).padStart(2, '0')} 10:00:00 EDT`,
    updated_on: `2016-07-${String((id % 28) + 1).padStart(2, '0')} 10:05:00 EDT`,
    message: { errors: [], warnings: [] },
    scheduled: false,
    scheduled_datetime: null,
    status: STATUSES[id % STATUSES.length],
    task_id: `task-${id}`,
    user: { _links: { self: `https://vss-api.eis.utoronto.ca/v2/user/${id}` }, username: 'jdoe' },
    user_id: 1,
    value: `vm-${id}`,
    vm_name: `vm-${id}`,
    vm_uuid: `5012abcd-0000-0000-0000-${String(id).padStart(12, '0')}`,
  };
}

export interface FakeVss {
  url: string;
  /** Query strings of the list requests, in arrival order. */
  queries: URLSearchParams[];
  /** How many times each request was asked for (GET /request/change/{id}). */
  polls: Map<number, number>;
  maxInFlight: number;
  close(): Promise<void>;
}

export interface FakeVssOptions {
  total?: number;
  delayMs?: number;
  /** Omit `meta` from every page (the live Python client loops forever on this). */
  noMeta?: boolean;
  /** Make page 2's next_url point at another host. */
  foreignNext?: boolean;
  /**
   * Hold each list answer until this many list requests are in flight (or 500 ms pass), so the most requests
   * in flight is a property of the client, not of how busy the machine is.
   */
  holdUntilInFlight?: number;
  /** Requests whose status moves on: each GET of the id answers the next status of its list, then the last again. */
  progress?: Record<number, string[]>;
}

export async function startFakeVss(options: FakeVssOptions = {}): Promise<FakeVss> {
  const total = options.total ?? 250;
  const state = { queries: [] as URLSearchParams[], maxInFlight: 0, polls: new Map<number, number>() };
  let inFlight = 0;
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  let base = '';
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    if (url.pathname === '/auth/request-token' && req.method === 'POST') {
      const expected = `Basic ${Buffer.from(`${USER.username}:${USER.password}`).toString('base64')}`;
      return req.headers.authorization === expected
        ? json(res, 200, { token: TOKEN })
        : json(res, 401, { status: 401, error: 'unauthorized', message: 'Invalid credentials' });
    }
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      return json(res, 401, { status: 401, error: 'unauthorized', message: 'Token is invalid or expired' });
    }
    const match = /^\/v2\/request\/(\w+)(?:\/(\d+))?$/.exec(url.pathname);
    if (url.pathname === '/v2/request') {
      return json(res, 200, { _links: { change: `${base}/v2/request/change` }, data: { change: total }, meta: { count: 1, time: '0.01s', user: { username: 'jdoe' } } });
    }
    if (!match || match[1] !== 'change') return json(res, 404, { status: 404, error: 'not found', message: 'Not found' });
    if (match[2]) {
      const id = Number(match[2]);
      if (id < 1 || id > total) return json(res, 404, { status: 404, error: 'not found', message: `Request ${id} not found` });
      const asked = (state.polls.get(id) ?? 0) + 1;
      state.polls.set(id, asked);
      const statuses = options.progress?.[id];
      const status = statuses ? statuses[Math.min(asked, statuses.length) - 1] : undefined;
      const data = { ...changeRequest(id), ...(status ? { status } : {}) };
      return json(res, 200, { _links: { self: url.href }, data, meta: { time: '0.01s', user: { username: 'jdoe' } } });
    }
    state.queries.push(url.searchParams);
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, options.delayMs ?? 0));
    if (options.holdUntilInFlight) {
      const until = Date.now() + 500;
      while (inFlight < options.holdUntilInFlight && state.maxInFlight < options.holdUntilInFlight && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 2));
      }
    }
    inFlight--;
    const page = Number(url.searchParams.get('page') ?? '1');
    const perPage = Number(url.searchParams.get('per_page') ?? '10');
    if (perPage > 100) return json(res, 400, { status: 400, error: 'bad request', message: 'per_page must be at most 100' });
    const pages = Math.max(1, Math.ceil(total / perPage));
    const ids = Array.from({ length: total }, (_, i) => i + 1).slice((page - 1) * perPage, page * perPage);
    const expand = url.searchParams.get('expand') === '1';
    const pageUrl = (p: number) => {
      const next = new URL(url.href);
      next.searchParams.set('page', String(p));
      next.searchParams.set('per_page', String(perPage));
      return next.href;
    };
    let nextUrl: string | null = page < pages ? pageUrl(page + 1) : null;
    if (options.foreignNext && page === 2 && nextUrl) nextUrl = nextUrl.replace(/^http:\/\/127\.0\.0\.1:\d+/, 'https://evil.example.test');
    const data = ids.map((id) => (expand ? changeRequest(id) : `${base}/v2/request/change/${id}`));
    if (options.noMeta) return json(res, 200, { data });
    return json(res, 200, {
      data,
      meta: {
        _link: { self: url.href },
        count: data.length,
        ...(url.searchParams.has('filter') ? { filter: url.searchParams.get('filter') } : {}),
        ...(url.searchParams.has('sort') ? { sort: url.searchParams.get('sort') } : {}),
        pages: { first_url: pageUrl(1), last_url: pageUrl(pages), next_url: nextUrl, prev_url: page > 1 ? pageUrl(page - 1) : null, page, pages, per_page: perPage, total },
        time: '0.01s',
        user: { username: 'jdoe' },
      },
    });
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return Object.assign(state, { url: base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}
