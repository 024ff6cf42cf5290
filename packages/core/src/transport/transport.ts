/**
 * The transport beneath every client: credentials, default headers, a timeout per attempt, the caller's
 * AbortSignal, redirects by the redirect policy, retries by the retry policy (the same body bytes on every attempt),
 * and a typed, redacted error for every failure. Beneath it a sender puts each request on the wire (sender.ts):
 * fetch, or undici in the Node entry (node/undici-sender.ts); everything here is the same over either.
 *
 * Two doors lead in. Bound operations call {@link Transport.exchange} with a request already in wire form and get
 * the answer's bytes back: no Request or Response object is built on our side, which is most of what a call
 * would otherwise cost over a bare fetch (bench/client-overhead.mjs). The transport itself is also a fetch taking
 * a Request, for openapi-fetch (`.raw`): that door reads the Request and answers with a rebuilt Response.
 */
import { apiErrorFromResponse, DEFAULT_ERROR_SHAPE, requestIdOf, type ErrorShape } from '../errors/api-error-from-response.js';
import { attemptLog, type AttemptRecord, type LogLevel } from '../log/attempt-log.js';
import { BodyTooLarge, DEFAULT_MAX_RESPONSE_BYTES } from './bounded-body.js';
import type { ConnectionOptions } from './connection-options.js';
import { ApiClientError, ConfigurationError, ConnectionError, RequestAbortedError, ResponseTooLargeError, TimeoutError, type RequestSummary } from '../errors/errors.js';
import type { Logger } from '../log/logger.js';
import { redactedCredential, runMiddleware, type Middleware } from '../middleware/middleware.js';
import type { OperationBudget, RateLimiter } from '../rate-limit/limiter.js';
import { Redactor } from '../redact/redact.js';
import { MAX_REDIRECTS, nextHop, redirectTarget, sameOrigin, withoutSecrets, type Hop } from './redirects.js';
import { decideRetry, DEFAULT_RETRY_OPTIONS, type FailedAttempt, type RetryOptions } from './retry-policy.js';
import { fetchSender, type FetchLike, type ResponseHead, type Sender, type SendInit } from './sender.js';
import { registerWireBodySecrets } from '../redact/secret-fields.js';
import { sleep as defaultSleep } from './sleep.js';

export type { FetchLike } from './sender.js';

/** A credential the transport adds to every request that does not carry one already. */
export type Credential =
  | { in: 'header'; name: string; value: string }
  | { in: 'query'; name: string; value: string };

/** The `Authorization: <scheme> <credentials>` header credential (RFC 9110 §11.6.2): Bearer, OAuth, Basic. */
export function authorization(scheme: string, credentials: string): Credential {
  return { in: 'header', name: 'authorization', value: `${scheme} ${credentials}` };
}

/** Per-request policy, from the operation table or the caller. */
export interface RequestPolicy {
  /** Whether the request may be replayed after the server may have acted (default: by HTTP method). */
  idempotent?: boolean;
  /** A credential for this request only (V-Spark's per-company tokens); `null` sends none. */
  credential?: Credential | null;
  /** This request's longest attempt, in ms, instead of the client's `timeoutMs` (`0` or `Infinity`: none). */
  timeoutMs?: number;
  /** This request's retries after the first attempt, instead of the client's `maxRetries`. */
  maxRetries?: number;
  /** The operation's own rate limit (`x-apiclients-rate-limit` on it), on top of the credential's. */
  rateLimit?: OperationBudget;
  /** The operation's id in the spec, for middleware and log lines (bound operations set it). */
  operation?: string | undefined;
}

/** A request in wire form: what {@link Transport.exchange} sends. */
export interface OutgoingRequest {
  /** HTTP method. */
  method: string;
  /** Absolute URL, without the credential (the transport adds it). */
  url: string;
  /** Header names in lower case. */
  headers?: Record<string, string>;
  /** The body, sent unchanged on every attempt. */
  body?: string | Uint8Array | null;
  /** The caller's signal: aborts the request, its waits and its retries. */
  signal?: AbortSignal | undefined;
  /** `follow` (default): by the redirect policy; `manual` or `error`: left to fetch. */
  redirect?: RequestRedirect;
  /** Largest body to read for this request, in bytes (default: the transport's `maxResponseBytes`). */
  maxResponseBytes?: number | undefined;
}

/** An answered request: the final response (its body already read) and the body. */
export interface Exchange {
  /** Status and headers of the response that ended the exchange; its body has been read into `bytes`. */
  response: ResponseHead;
  /** The body, read within the attempt (so under its timeout). */
  bytes: Uint8Array<ArrayBuffer>;
  /** The URL that answered, after redirects (next links resolve against it). */
  url: string;
}

/** The transport: a fetch (with a second, optional policy argument) and the wire-form door. */
export interface Transport {
  (request: Request, policy?: RequestPolicy): Promise<Response>;
  /** Sends a request in wire form; answers with the buffered exchange or throws the typed error. */
  exchange(request: OutgoingRequest, policy?: RequestPolicy): Promise<Exchange>;
  /** Releases the sender's connections (a no-op over fetch); requests sent afterwards fail. */
  close(): Promise<void>;
  /** Adds a middleware after those already there: it runs around every later attempt. */
  use(middleware: Middleware): void;
  /** The vendor's request id in a response's headers (by the error shape's `requestIdHeaders`). */
  requestIdOf(headers: Headers): string | undefined;
}

/** Options of {@link createTransport}; vendors set defaults, users override. */
export interface TransportOptions extends Partial<RetryOptions>, ConnectionOptions {
  /**
   * The fetch to call (default: globalThis.fetch, or undici in Node's entry); it is called as `fetch(url, init)`,
   * like the platform's. Given, it is used alone: nothing of the Node transport (pool, proxy, TLS options) applies.
   */
  fetch?: FetchLike;
  /** What puts requests on the wire (default: a sender over `fetch`); the Node entry passes one on undici. */
  sender?: Sender;
  /**
   * Longest time one attempt may take, redirects and body included, in ms (default 60 000). `0` (as for Node's
   * http and undici) or `Infinity` sets no timeout: no timer, and no signal of ours goes to fetch.
   */
  timeoutMs?: number;
  /**
   * Largest response body read, in bytes, counted after decompression (default 32 MiB); a larger one is a
   * {@link ResponseTooLargeError}, stopped while it is read. `Infinity` sets no limit.
   */
  maxResponseBytes?: number;
  /** Headers added to every request unless it sets them. */
  headers?: Record<string, string>;
  /** The `User-Agent` header. */
  userAgent?: string;
  /** The client's credential. */
  credential?: Credential;
  /** Functions around every attempt, first outermost (more with {@link Transport.use}). */
  middleware?: readonly Middleware[];
  /** Receives redacted debug and retry lines; off by default. */
  logger?: Logger;
  /** Paces each attempt by its credential's budget and pauses them all on a rate-limit answer; none by default. */
  rateLimiter?: RateLimiter | undefined;
  /** What reaches the logger (default `debug`: everything, bodies included; `off` when there is no logger). */
  logLevel?: LogLevel;
  /** Redacts errors and log lines; the transport registers its credential with it. */
  redactor?: Redactor;
  /** How the vendor's error responses look. */
  errorShape?: Partial<ErrorShape>;
  /** Injected for tests: waiting, randomness and the clock. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

// RFC 9110 §9.2.2.
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
// Fetch forbids a body on these statuses (Fetch standard, "null body status").
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const TIMED_OUT = Symbol('timed out');
const UTF8 = new TextDecoder();

/** A body's text, as `Response.text()` would give it. */
export function textOf(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}

/** A header record with lower-case names. */
export function lowerCaseHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers) for (const name of Object.keys(headers)) out[name.toLowerCase()] = headers[name] as string;
  return out;
}

function withQueryCredential(url: string, credential: Credential): string {
  const parsed = new URL(url);
  if (parsed.searchParams.has(credential.name)) return url;
  // Append rather than re-serialise: next links are followed verbatim (Webex sends valueless `&before&after=`).
  const [head = url, ...fragment] = url.split('#');
  const separator = parsed.search ? '&' : head.endsWith('?') ? '' : '?';
  const pair = `${encodeURIComponent(credential.name)}=${encodeURIComponent(credential.value)}`;
  return `${head}${separator}${pair}${fragment.length ? `#${fragment.join('#')}` : ''}`;
}

/** The error code of a failed send: fetch puts it on the cause (`TypeError('fetch failed')`), undici on the error. */
function codeOf(error: unknown): unknown {
  const failed = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  return failed?.cause?.code ?? failed?.code;
}

function failureOf(error: unknown): 'connection-refused' | 'connection' {
  return codeOf(error) === 'ECONNREFUSED' ? 'connection-refused' : 'connection';
}

/** Builds the transport a client sends every request through. */
export function createTransport(options: TransportOptions = {}): Transport {
  if (!options.sender) refuseConnectionOptions(options);
  const sender: Sender = options.sender ?? fetchSender(options.fetch);
  const retry: RetryOptions = { ...DEFAULT_RETRY_OPTIONS, ...definedOnly(options) };
  const timeoutMs = options.timeoutMs ?? 60_000;
  const timed = timeoutMs > 0 && timeoutMs !== Infinity;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const redactor = options.redactor ?? new Redactor();
  redactor.add(options.credential?.value);
  const shape: ErrorShape = { ...DEFAULT_ERROR_SHAPE, ...options.errorShape };
  const wait = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const log = attemptLog(options.logger, options.logLevel ?? 'debug', redactor);
  const chain: Middleware[] = [...(options.middleware ?? [])];
  const limiter = options.rateLimiter;
  const defaultHeaders = lowerCaseHeaders({ ...options.headers, ...(options.userAgent ? { 'user-agent': options.userAgent } : {}) });

  /** One attempt: the request, then each redirect by the redirect policy, then the body. */
  async function attemptOnce(outgoing: OutgoingRequest, method: string, credential: Credential | null | undefined, signal: SendInit['signal']): Promise<Exchange> {
    const follow = (outgoing.redirect ?? 'follow') === 'follow';
    let hop: Hop<string | Uint8Array> = { method, headers: { ...defaultHeaders, ...outgoing.headers }, body: outgoing.body ?? null };
    let url = outgoing.url;
    let trusted = true;
    for (let redirects = 0; ; redirects++) {
      // Each hop's headers are its own copy: the credential joins them unless the request carries its own.
      if (trusted && credential?.in === 'header') hop.headers[credential.name.toLowerCase()] ??= credential.value;
      const target: string = trusted && credential?.in === 'query' ? withQueryCredential(url, credential) : url;
      const sent = await sender.send(target, { method: hop.method, headers: hop.headers, body: hop.body, signal, redirect: follow ? 'manual' : (outgoing.redirect as RequestRedirect) });
      const location: string | null = follow ? redirectTarget(sent.head, sent.url) : null;
      if (location === null) return { response: sent.head, bytes: await sent.read(outgoing.maxResponseBytes ?? maxResponseBytes), url: sent.url };
      if (redirects === MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
      await sent.discard();
      const leavesOrigin: boolean = trusted && !sameOrigin(location, outgoing.url);
      hop = nextHop(hop, sent.head.status, leavesOrigin, credential?.in === 'header' ? credential.name : undefined);
      trusted &&= !leavesOrigin;
      // Whatever the credential travels in, no URL sent to another origin carries it (the server may echo it).
      url = trusted ? location : withoutSecrets(location, (text) => redactor.holds(text));
    }
  }

  async function exchange(outgoing: OutgoingRequest, policy: RequestPolicy = {}): Promise<Exchange> {
    const method = outgoing.method.toUpperCase();
    const credential = policy.credential === undefined ? options.credential : policy.credential;
    if (credential && credential !== options.credential) redactor.add(credential.value);
    const idempotent = policy.idempotent ?? IDEMPOTENT_METHODS.has(method);
    // A call's own limits win over the client's.
    const attemptMs = policy.timeoutMs ?? timeoutMs;
    const timedAttempt = policy.timeoutMs === undefined ? timed : attemptMs > 0 && attemptMs !== Infinity;
    const retries = policy.maxRetries === undefined ? retry : { ...retry, maxRetries: policy.maxRetries };
    const callerSignal = outgoing.signal;
    // The URL as sent, redacted, is built only when an error or a log line needs it.
    const sentUrl = () => (credential?.in === 'query' ? withQueryCredential(outgoing.url, credential) : outgoing.url);
    let redactedUrl: string | undefined;
    const summary = (): RequestSummary => ({ method, url: (redactedUrl ??= redactor.url(sentUrl())) });
    let retryReason: string | undefined;

    for (let retriesSoFar = 0; ; retriesSoFar++) {
      if (callerSignal?.aborted) throw new RequestAbortedError(summary(), callerSignal.reason);
      await limiter?.acquire(credential, policy.rateLimit, { signal: callerSignal, timeoutMs: policy.timeoutMs, summary });
      // A timed attempt has its own controller, aborted by the timer or the caller's signal. An untimed one hands
      // fetch the caller's signal, or none: Node's fetch pays for every signal it is given (undici's Request adds
      // a listener and a finalizer), the "raw fetch + a signal" row of bench/loopback-instructions.mjs.
      const controller = timedAttempt ? (sender.attemptController?.() ?? new AbortController()) : undefined;
      const onCallerAbort = () => controller?.abort(callerSignal?.reason);
      if (controller) callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
      let timedOut = false;
      const timer =
        controller &&
        setTimeout(() => {
          timedOut = true;
          controller.abort(TIMED_OUT);
        }, attemptMs);
      const started = log ? now() : 0;
      // Built only when there is a log; `logAttempt?.(…)` then evaluates nothing without one.
      const logAttempt = log && ((outcome: number | string, more: Partial<AttemptRecord>) =>
        log.attempted({ method, url: summary().url, attempt: retriesSoFar + 1, retryReason, ms: now() - started, outcome, ...more }));
      let attempt: FailedAttempt;
      let answered: Exchange;
      try {
        if (log) log.sending(method, summary().url, outgoing.body);
        const signal = controller ? controller.signal : callerSignal;
        answered = chain.length
          ? await runMiddleware(chain, {
              request: { method, url: outgoing.url, headers: { ...defaultHeaders, ...outgoing.headers }, body: outgoing.body ?? null },
              context: { operationId: policy.operation, attempt: retriesSoFar + 1, retryReason, credential: redactedCredential(credential), signal: callerSignal },
              // The credential goes only where the client meant to send it, as on a redirect to another origin.
              send: (request) => attemptOnce({ ...outgoing, ...request }, request.method.toUpperCase(), sameOrigin(request.url, outgoing.url) ? credential : null, signal),
              summary, redactor, timeoutMs: attemptMs, timedOut: () => timedOut,
            })
          : await attemptOnce(outgoing, method, credential, signal);
        if (answered.response.ok) {
          logAttempt?.(answered.response.status, { requestId: requestIdOf(answered.response.headers, shape), body: answered.bytes });
          return answered;
        }
        attempt = { retriesSoFar, idempotent, response: answered.response };
      } catch (error) {
        if (callerSignal?.aborted) throw new RequestAbortedError(summary(), callerSignal.reason);
        // A body past the limit would be as large again on a retry.
        if (error instanceof BodyTooLarge) throw new ResponseTooLargeError(summary(), error.status, error.limit);
        // Raised by a middleware (never by the attempt itself): thrown as it is, not retried.
        if (error instanceof ApiClientError) throw error;
        attempt = { retriesSoFar, idempotent, failure: timedOut ? 'timeout' : failureOf(error) };
        // A failure the sender marks final (a proxy refusing our credentials) is not retried.
        const final = (error as { retryable?: unknown } | null)?.retryable === false;
        const decision = final ? { retry: false as const } : decideRetry(attempt, retries, now(), random);
        logAttempt?.(timedOut ? 'timed out' : messageOf(error), { retryInMs: decision.retry ? decision.delayMs : undefined });
        if (!decision.retry) {
          if (timedOut) throw new TimeoutError(summary(), attemptMs);
          throw sender.errorFor?.(error, summary(), redactor) ?? new ConnectionError(`Connection failed: ${method} ${summary().url}: ${redactor.text(messageOf(error))}`, summary(), {
            cause: redactedCause(error, redactor),
          });
        }
        await pause(decision.delayMs, timedOut ? 'timeout' : 'connection error');
        continue;
      } finally {
        if (controller) {
          clearTimeout(timer);
          callerSignal?.removeEventListener('abort', onCallerAbort);
        }
      }
      limiter?.observe(credential, answered.response);
      const decision = decideRetry(attempt, retries, now(), random);
      const { status, headers } = answered.response;
      logAttempt?.(status, { requestId: requestIdOf(headers, shape), body: answered.bytes, retryInMs: decision.retry ? decision.delayMs : undefined });
      if (!decision.retry) {
        throw apiErrorFromResponse(answered.response, textOf(answered.bytes), { method, url: sentUrl() }, redactor, shape, decision.retryAfterMs);
      }
      await pause(decision.delayMs, String(answered.response.status));
    }

    async function pause(delayMs: number, why: string) {
      retryReason = why;
      try {
        await wait(delayMs, callerSignal);
      } catch {
        throw new RequestAbortedError(summary(), callerSignal?.reason);
      }
    }
  }

  const transport = async (request: Request, policy?: RequestPolicy): Promise<Response> => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    // Read the body once; every attempt sends the same bytes (a multipart boundary included).
    const body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
    registerWireBodySecrets(body, headers['content-type'], redactor);
    const answered = await exchange({ method: request.method, url: request.url, headers, body, signal: request.signal, redirect: request.redirect }, policy);
    return rebuild(answered, redactor);
  };
  const use = (middleware: Middleware) => void chain.push(middleware);
  return Object.assign(transport, { exchange, use, requestIdOf: (headers: Headers) => requestIdOf(headers, shape), close: () => sender.close() });
}

// The text of each body the fetch door answered with, redacted when asked for: openapi-fetch parses JSON itself,
// and when that fails (see fetch-client.ts) the error carries what came instead.
const answeredBodies = new WeakMap<Response, () => string>();

/** The redacted text of a body the transport's fetch door answered with (undefined for any other Response). */
export function answeredBodyText(response: Response): string | undefined {
  return answeredBodies.get(response)?.();
}

function rebuild({ response, bytes, url }: Exchange, redactor: Redactor): Response {
  const copy = new Response(NULL_BODY_STATUSES.has(response.status) ? null : bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // Pagination resolves relative next links against the URL that answered (after redirects).
  Object.defineProperty(copy, 'url', { value: url });
  answeredBodies.set(copy, () => redactor.text(textOf(bytes)));
  return copy;
}

// What only the Node transport does: over a fetch, a proxy, CA or pool size would be silently ignored.
const NODE_ONLY: readonly (keyof ConnectionOptions)[] = ['proxy', 'ca', 'cert', 'key', 'connections', 'connectTimeoutMs'];

function refuseConnectionOptions(options: TransportOptions): void {
  const given = NODE_ONLY.filter((key) => options[key] !== undefined && !(key === 'proxy' && options.proxy === false));
  if (given.length === 0) return;
  const where = options.fetch ? 'with your own fetch, configure it instead' : 'they need Node (the node entry of the package)';
  throw new ConfigurationError(`${given.join(', ')}: options of the Node transport; ${where}`);
}

/** A failure's message, with its cause's when that says more. */
export function messageOf(error: unknown): string {
  const cause = (error as { cause?: { message?: unknown } })?.cause?.message;
  const own = error instanceof Error ? error.message : String(error);
  return typeof cause === 'string' && cause !== own ? `${own} (${cause})` : own;
}

/** A cause safe to keep: the failure's message redacted, and its code. */
export function redactedCause(error: unknown, redactor: Redactor): Error {
  const cause = new Error(redactor.text(messageOf(error)));
  const code = codeOf(error);
  if (typeof code === 'string') Object.assign(cause, { code });
  return cause;
}

function definedOnly(options: Partial<RetryOptions>): Partial<RetryOptions> {
  const out: Partial<RetryOptions> = {};
  for (const key of Object.keys(DEFAULT_RETRY_OPTIONS) as (keyof RetryOptions)[]) {
    if (options[key] !== undefined) Object.assign(out, { [key]: options[key] });
  }
  return out;
}
