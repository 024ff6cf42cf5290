/**
 * A local fake Webex API (node:http on 127.0.0.1) for what Prism cannot do: cursor pages with Link headers
 * (an empty middle page, a next link that drops `mentionedPeople` and carries `max=null`, valueless parameters),
 * scripted answers (429 with any Retry-After, an empty 401), a record of every request's raw body, and state:
 * the messages of `messages` (a thread, edits), the attachment actions of `actions` and the webhooks of
 * `webhooks`, served and changed as Webex would (replies newest first, two a page).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TOKEN = 'spark-token-ZmFrZS10b2tlbi1mb3ItdGVzdHM';

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A message the fake holds. */
export interface StoredMessage {
  id: string;
  roomId: string;
  parentId?: string;
  text?: string;
  markdown?: string;
  attachments?: unknown[];
  personId?: string;
  created: string;
  updated?: string;
}

/** The thread every fake starts with: `parent1` in `room1`, and three replies posted after it. */
export const THREAD = {
  roomId: 'room1',
  parent: { id: 'parent1', roomId: 'room1', text: 'Release 2.0?', personId: 'person1', created: '2026-03-02T10:00:00.000Z' },
  replies: ['reply1', 'reply2', 'reply3'].map((id, i) => ({ id, roomId: 'room1', parentId: 'parent1', text: `answer ${i + 1}`, personId: 'person2', created: `2026-03-02T10:0${i + 1}:00.000Z` })),
};

export interface FakeSpark {
  url: string;
  requests: Recorded[];
  /** Messages by ID (the thread above, then what is posted). */
  messages: Map<string, StoredMessage>;
  /** Attachment actions by ID. */
  actions: Map<string, Record<string, unknown>>;
  /** Webhooks, in creation order. */
  webhooks: Record<string, unknown>[];
  /** Answers for the next requests, in order, before normal serving. */
  script: ((res: ServerResponse) => void)[];
  /** Overrides the next link of `/messages` page 1 (to test a cross-origin link). */
  foreignNext?: string;
  close(): Promise<void>;
}

export const answer = (status: number, body = '', headers: Record<string, string> = {}) => (res: ServerResponse) => {
  res.writeHead(status, headers);
  res.end(body);
};

export async function startFakeSpark(): Promise<FakeSpark> {
  const state: Pick<FakeSpark, 'requests' | 'script' | 'messages' | 'actions' | 'webhooks' | 'foreignNext'> = {
    requests: [],
    script: [],
    messages: new Map([THREAD.parent, ...THREAD.replies].map((m) => [m.id, { ...m }])),
    actions: new Map(),
    webhooks: [],
  };
  let sequence = 0;
  const newId = (kind: string) => `${kind}${++sequence}`;
  let base = '';
  const json = (res: ServerResponse, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', trackingid: 'ROUTER_FAKE', ...headers });
    res.end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    state.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
    const scripted = state.script.shift();
    if (scripted) return scripted(res);
    const url = new URL(req.url ?? '/', base);
    if (url.pathname === '/v1/access_token') {
      return json(res, { access_token: 'new-access', expires_in: 1209600, refresh_token: 'new-refresh', refresh_token_expires_in: 7776000 });
    }
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return answer(401, '', { 'content-type': 'text/plain' })(res);
    if (url.pathname === '/v1/rooms') {
      // Cursor pages: 2 + 0 (empty, still linking on) + 2 + 1; the next links use Webex's valueless parameters.
      const pages: Record<string, { ids: number[]; next?: string }> = {
        '': { ids: [1, 2], next: 'c2' },
        c2: { ids: [], next: 'c3' },
        c3: { ids: [3, 4], next: 'c4' },
        c4: { ids: [5] },
      };
      const page = pages[url.searchParams.get('cursor') ?? ''] ?? { ids: [] };
      const link = page.next ? { link: `<${base}/v1/rooms?max=2&before&cursor=${page.next}>; rel="next"` } : {};
      return json(res, { items: page.ids.map((id) => ({ id: `room${id}`, title: `Room ${id}`, type: 'group' })) }, link);
    }
    const body = () => JSON.parse(state.requests.at(-1)!.body.toString('utf8') || '{}') as Record<string, unknown>;
    const one = /^\/v1\/(messages|attachment\/actions|webhooks)\/([^/]+)$/.exec(url.pathname);
    if (url.pathname === '/v1/messages' && req.method === 'GET' && url.searchParams.has('parentId')) {
      // A thread's replies, newest first, two a page, linked by cursor.
      const parentId = url.searchParams.get('parentId');
      const replies = [...state.messages.values()].filter((m) => m.parentId === parentId && m.roomId === url.searchParams.get('roomId')).reverse();
      const from = Number(url.searchParams.get('cursor') ?? 0);
      const next = from + 2 < replies.length ? { link: `<${base}/v1/messages?roomId=${url.searchParams.get('roomId')}&parentId=${parentId}&cursor=${from + 2}>; rel="next"` } : {};
      return json(res, { items: replies.slice(from, from + 2) }, next);
    }
    if (one?.[1] === 'messages' && req.method === 'GET') {
      const message = state.messages.get(decodeURIComponent(one[2]!));
      if (message) return json(res, message);
    }
    if (one?.[1] === 'messages' && req.method === 'PUT') {
      const message = state.messages.get(decodeURIComponent(one[2]!));
      if (message) {
        const { roomId: _roomId, ...edit } = body();
        Object.assign(message, edit, { updated: new Date().toISOString() });
        return json(res, message);
      }
    }
    if (one?.[1] === 'attachment/actions' && req.method === 'GET') {
      const action = state.actions.get(decodeURIComponent(one[2]!));
      if (action) return json(res, action);
    }
    if (url.pathname === '/v1/webhooks' && req.method === 'GET') return json(res, { items: state.webhooks });
    if (url.pathname === '/v1/webhooks' && req.method === 'POST') {
      const webhook = { id: newId('webhook'), ...body(), status: 'active', created: new Date().toISOString() };
      state.webhooks.push(webhook);
      return json(res, webhook);
    }
    if (one?.[1] === 'webhooks') {
      const index = state.webhooks.findIndex((w) => w.id === decodeURIComponent(one[2]!));
      if (index >= 0 && req.method === 'PUT') return json(res, Object.assign(state.webhooks[index]!, body()));
      if (index >= 0 && req.method === 'DELETE') {
        state.webhooks.splice(index, 1);
        return answer(204)(res);
      }
    }
    if (url.pathname === '/v1/messages' && req.method === 'POST' && /json/.test(String(req.headers['content-type']))) {
      const message = { id: newId('message'), personId: 'bot1', created: new Date().toISOString(), ...body() } as StoredMessage;
      state.messages.set(message.id, message);
      return json(res, message);
    }
    if (url.pathname === '/v1/messages' && req.method === 'GET') {
      // Page 1's next link drops mentionedPeople and carries max=null (the known Webex defects).
      const second = url.searchParams.get('cursor') === '2';
      const next = state.foreignNext ?? `${base}/v1/messages?roomId=${url.searchParams.get('roomId')}&max=null&cursor=2`;
      return json(res, { items: [{ id: second ? 'm2' : 'm1', roomId: url.searchParams.get('roomId'), text: 'hi' }] }, second ? {} : { link: `<${next}>; rel="next"` });
    }
    if (url.pathname === '/v1/messages' && req.method === 'POST') {
      return json(res, { id: 'm-new', roomId: 'r1', text: 'uploaded', files: ['https://webexapis.com/v1/contents/abc'] });
    }
    answer(404, JSON.stringify({ message: 'The requested resource could not be found.', errors: [{ description: 'not found' }], trackingId: 'ROUTER_404' }), {
      'content-type': 'application/json',
    })(res);
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, { url: `${base}/v1`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}
