/**
 * An injected `fetch` for transport tests: it records every request it receives (body bytes included) and
 * answers from a script of replies, so retry timing is tested without a server or real sleeps.
 */

/** One request as the fake fetch received it. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  /** The bytes of the body (empty when there was none). */
  body: Uint8Array<ArrayBuffer>;
  /** Whether the request carried a body at all. */
  hasBody: boolean;
  signal: AbortSignal;
}

/** Produces the answer to one request (or throws, like a fetch that failed). */
export type Reply = (request: SentRequest) => Response | Promise<Response>;

/** A fake fetch and what it received. */
export interface FakeFetch {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  sent: SentRequest[];
}

/**
 * A fetch that answers the n-th request with `replies[n]`, repeating the last reply once the script runs out.
 */
export function fakeFetch(...replies: Reply[]): FakeFetch {
  if (replies.length === 0) throw new Error('fakeFetch needs at least one reply');
  const sent: SentRequest[] = [];
  const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const request = new Request(url, init);
    const hasBody = request.body !== null;
    const body = new Uint8Array(await request.arrayBuffer());
    const recorded: SentRequest = {
      method: request.method,
      url: request.url,
      headers: new Headers(request.headers),
      body,
      hasBody,
      // The caller's own signal: a Request follows it only weakly in Node, so a GC could cut the link (and hang()
      // would then never settle).
      signal: init?.signal ?? request.signal,
    };
    sent.push(recorded);
    const replyFor = replies[Math.min(sent.length - 1, replies.length - 1)] as Reply;
    return replyFor(recorded);
  };
  return { fetch, sent };
}

/** A reply with `status`; an object body is sent as JSON, a string as is. */
export function reply(status: number, body?: unknown, headers: Record<string, string> = {}): Reply {
  return () => {
    if (body === undefined) return new Response(null, { status, headers });
    if (typeof body === 'string') return new Response(body, { status, headers });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  };
}

/** A fetch failure the way undici reports one: `TypeError('fetch failed')` whose cause has a `code`. */
export function fail(code: string, causeMessage = `connect ${code} 192.0.2.1:443`): Reply {
  const failing: Reply = () => {
    throw new TypeError('fetch failed', { cause: Object.assign(new Error(causeMessage), { code }) });
  };
  return Object.assign(failing, { failureCode: code });
}

/** A fetch that never answers until the request's signal aborts, then rejects with the signal's reason. */
export function hang(): Reply {
  return (request) =>
    new Promise<Response>((_resolve, reject) => {
      if (request.signal.aborted) return reject(request.signal.reason);
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
    });
}

/** A `sleep` that returns at once and records every delay it was asked for. */
export function recordedSleep(): { delays: number[]; sleep: (ms: number, signal?: AbortSignal) => Promise<void> } {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms: number) => {
      delays.push(ms);
    },
  };
}

/** A logger that keeps every line it receives. */
export function recordedLogger(): { lines: string[]; logger: { debug(message: string): void; warn(message: string): void } } {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      debug: (message: string) => void lines.push(message),
      warn: (message: string) => void lines.push(message),
    },
  };
}

/** The rejection of a promise, failing the test when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** The bytes of a string, UTF-8. */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** A string from UTF-8 bytes. */
export const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
