// The contenders of the loopback benchmarks (bench/loopback.mjs by the clock, bench/loopback-instructions.mjs by
// valgrind's instruction count): one GET /rooms/{roomId} each, checked, against a room server at `baseUrl`.
import axios from 'axios';
import createClient from 'openapi-fetch';
import { Agent, request } from 'undici';
import { SparkClient } from '@apiclients/spark';
import { ROOM } from './fixtures.mjs';

const TOKEN = 'bench-access-token';
const UTF8 = new TextDecoder();

/** `[{ key, name, op }]`: `op()` sends one GET and checks the room that comes back. */
export function loopbackContenders(baseUrl) {
  const roomUrl = `${baseUrl}/rooms/${encodeURIComponent(ROOM.id)}`;
  const headers = { authorization: `Bearer ${TOKEN}` };
  const spark = new SparkClient({ accessToken: TOKEN, baseUrl });
  const untimedSpark = new SparkClient({ accessToken: TOKEN, baseUrl, timeoutMs: 0 });
  const fetchSpark = new SparkClient({ accessToken: TOKEN, baseUrl, fetch: globalThis.fetch });
  // Bare undici with a dispatcher of its own, as our Node transport has (the limit of what we can reach).
  const dispatcher = new Agent();
  const openapiFetch = createClient({ baseUrl, headers });
  const axiosClient = axios.create({ baseURL: baseUrl, headers });
  const check = (room) => {
    if (room?.id !== ROOM.id) throw new Error(`unexpected answer: ${JSON.stringify(room)}`);
  };
  /** A raw fetch of the room with `init`, refusing an error status. */
  const rawGet = async (init = {}) => {
    const response = await fetch(roomUrl, { headers, ...init });
    if (!response.ok) throw new Error(String(response.status));
    return response;
  };
  const rawFetch = async () => check(await (await rawGet()).json());
  return [
    { key: 'raw', name: 'raw fetch (+ response.json())', op: rawFetch },
    // Reading the body as bytes and parsing it, as our transport does (measured no cheaper than response.json()).
    { key: 'raw-bytes', name: 'raw fetch (+ arrayBuffer(), TextDecoder, JSON.parse)', op: async () => check(JSON.parse(UTF8.decode(await (await rawGet()).arrayBuffer()))) },
    // Identical code under a second name: how far apart two runs of the same thing land (the method's resolution).
    { key: 'raw-again', name: 'raw fetch again (the same code: the resolution)', op: async () => rawFetch() },
    // What a signal alone costs: Node's fetch (undici's Request) adds a listener and a finalizer for every signal.
    { key: 'raw-signal', name: 'raw fetch + a signal (AbortController, no timer)', op: async () => check(await (await rawGet({ signal: new AbortController().signal })).json()) },
    // What any client with a per-request timeout pays on top: an AbortController, a timer, a signal fetch follows.
    { key: 'raw-timeout', name: 'raw fetch with a timeout (AbortController + timer)', op: async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 60_000);
      try {
        check(await (await rawGet({ signal: controller.signal })).json());
      } finally {
        clearTimeout(timer);
      }
    } },
    { key: 'openapi-fetch', name: 'openapi-fetch 0.17 (plain createClient)', op: async () => {
      const { data, error } = await openapiFetch.GET('/rooms/{roomId}', { params: { path: { roomId: ROOM.id } } });
      if (error) throw new Error('error');
      check(data);
    } },
    { key: 'undici-request', name: 'bare `undici.request` (+ body.json(), no timeout)', op: async () => {
      const { statusCode, body } = await request(roomUrl, { headers, dispatcher });
      if (statusCode !== 200) throw new Error(String(statusCode));
      check(await body.json());
    } },
    { key: 'ours', name: '**@apiclients/spark** `rooms.get`, Node transport on undici (default: 60 s timeout)', op: async () => check(await spark.rooms.get(ROOM.id)) },
    { key: 'ours-untimed', name: '**@apiclients/spark** `rooms.get`, on undici, `timeoutMs: 0` (no timeout)', op: async () => check(await untimedSpark.rooms.get(ROOM.id)) },
    { key: 'ours-fetch', name: '**@apiclients/spark** `rooms.get`, on fetch (`fetch: globalThis.fetch`, 60 s timeout)', op: async () => check(await fetchSpark.rooms.get(ROOM.id)) },
    { key: 'axios', name: `axios ${axios.VERSION} (http adapter)`, op: async () => check((await axiosClient.get(`/rooms/${encodeURIComponent(ROOM.id)}`)).data) },
  ];
}
