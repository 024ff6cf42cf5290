/**
 * A local fake Webex API (node:http on 127.0.0.1) for what Prism cannot do: cursor pages with Link headers
 * (an empty middle page, a next link that drops `mentionedPeople` and carries `max=null`, valueless parameters),
 * scripted answers (429 with any Retry-After, an empty 401), and a record of every request's raw body.
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

export interface FakeSpark {
  url: string;
  requests: Recorded[];
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
  const state: { requests: Recorded[]; script: ((res: ServerResponse) => void)[]; foreignNext?: string } = { requests: [], script: [] };
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
