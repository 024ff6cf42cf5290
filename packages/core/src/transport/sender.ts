/**
 * The sender: what puts one request on the wire and hands back its answer, status and headers first, the body
 * still to read. The transport (redirects, timeouts, retries, errors) sits above it and is the same for every
 * sender. {@link fetchSender} is the portable one (browsers, Deno, edge, or a caller's own `fetch`); the Node
 * entry adds one on undici (node/undici-sender.ts).
 */
import { readBoundedBody } from './bounded-body.js';
import type { ConnectionError } from '../errors/request-errors.js';
import type { RequestSummary } from '../errors/api-client-error.js';
import type { Redactor } from '../redact/redact.js';

/** The status line and headers of a response (its body is read, or discarded, apart from them). */
export interface ResponseHead {
  /** HTTP status code. */
  readonly status: number;
  /** The status text (empty over HTTP/2). */
  readonly statusText: string;
  /** Whether the status is 2xx. */
  readonly ok: boolean;
  /** The response headers. */
  readonly headers: Headers;
}

/**
 * An abort signal as an EventEmitter (what undici also accepts): Node's AbortSignal costs some 8 µs for each
 * listener added to it (`npm run bench -- loopback-instructions`), more than the rest of a loopback request's timeout.
 */
export interface AbortEmitter {
  readonly aborted: boolean;
  readonly reason: unknown;
  once(event: 'abort', listener: () => void): unknown;
  removeListener(event: 'abort', listener: () => void): unknown;
}

/** What cancels one attempt: `signal` goes to the sender, `abort(reason)` fires it. */
export interface AttemptController {
  readonly signal: AbortSignal | AbortEmitter;
  abort(reason: unknown): void;
}

/** One request as a sender puts it on the wire; redirects are the transport's, never the sender's. */
export interface SendInit {
  method: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string | Uint8Array | null;
  /**
   * Aborts the request, body included: the caller's AbortSignal, or the attempt's controller's signal (an
   * AbortSignal unless the sender makes its own {@link Sender.attemptController}).
   */
  signal: AbortSignal | AbortEmitter | undefined;
  /** `manual` (the transport follows redirects itself), or the caller's `error`. */
  redirect: RequestRedirect;
}

/** A sender's answer: the head now, the body on demand. */
export interface SentResponse {
  head: ResponseHead;
  /** The URL that answered: the request's own unless the platform followed a redirect itself. */
  url: string;
  /**
   * Reads the whole body, decoded, failing with `BodyTooLarge` (bounded-body.ts) as soon as it passes `limit` bytes
   * (`Infinity`: no limit).
   */
  read(limit: number): Promise<Uint8Array<ArrayBuffer>>;
  /** Drops the body unread (a redirect's), releasing the connection. */
  discard(): Promise<void>;
}

/** Puts requests on the wire. */
export interface Sender {
  /**
   * Sends one request; rejects when no response came (connection refused, reset, aborted). A rejection with
   * `retryable: false` is final: the retry policy is not asked.
   */
  send(url: string, init: SendInit): Promise<SentResponse>;
  /** The controller of a timed attempt, when the sender has a cheaper one than an AbortController. */
  attemptController?(): AttemptController;
  /** The typed error for a failure of the sender's own kind (a proxy's), or undefined for a ConnectionError. */
  errorFor?(error: unknown, request: RequestSummary, redactor: Redactor): ConnectionError | undefined;
  /** Releases what the sender holds (sockets); requests sent afterwards fail. */
  close(): Promise<void>;
}

/** A fetch-compatible function, called as `fetch(url, init)`: the platform's fetch, undici's, a test double. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

function sentOver(response: Response, url: string): SentResponse {
  return {
    head: response,
    url,
    read: (limit) => readBoundedBody(response, limit),
    discard: async () => {
      await response.body?.cancel();
    },
  };
}

/** The sender over a fetch (default: the platform's, looked up at each call so a test may replace it). */
export function fetchSender(fetch?: FetchLike): Sender {
  const fetchOnce: FetchLike = fetch ?? ((url, init) => globalThis.fetch(url, init));
  return {
    async send(url, init) {
      // No attemptController here: every signal is an AbortSignal.
      const signal = (init.signal ?? null) as AbortSignal | null;
      const request: RequestInit = { method: init.method, headers: init.headers, body: init.body as BodyInit | null, signal, redirect: init.redirect };
      const response = await fetchOnce(url, request);
      // A browser answers `manual` with an opaque redirect whose Location it hides: let it follow by its own
      // rules, which drop Authorization on the way to another origin (Fetch standard, "HTTP-redirect fetch" 13).
      if (response.type === 'opaqueredirect') {
        const followed = await fetchOnce(url, { ...request, redirect: 'follow' });
        return sentOver(followed, followed.url || url);
      }
      // The URL that answered is `url`. (Reading `response.url` makes Node's fetch serialise the URL: some
      // 0.1–0.2 M of a loopback GET's ~2 M instructions, by valgrind's count.)
      return sentOver(response, url);
    },
    close: async () => {},
  };
}
