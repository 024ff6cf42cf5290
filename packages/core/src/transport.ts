/**
 * The fetch beneath openapi-fetch: credentials, default headers, a timeout per attempt, the caller's
 * AbortSignal, retries by the retry policy with a fresh Request per attempt (so JSON, form and multipart
 * bodies are re-sent intact), and a typed, redacted error for every failure.
 */
import { apiErrorFromResponse, DEFAULT_ERROR_SHAPE, type ErrorShape } from './api-error-from-response.js';
import { ConnectionError, RequestAbortedError, TimeoutError } from './errors.js';
import type { Logger } from './logger.js';
import { Redactor } from './redact.js';
import { decideRetry, DEFAULT_RETRY_OPTIONS, type FailedAttempt, type RetryOptions } from './retry-policy.js';
import { sleep as defaultSleep } from './sleep.js';

/** A credential the transport adds to every request that does not carry one already. */
export type Credential =
  | { in: 'header'; name: string; value: string }
  | { in: 'query'; name: string; value: string };

/** Per-request policy, from the operation table or the caller. */
export interface RequestPolicy {
  /** Whether the request may be replayed after the server may have acted (default: by HTTP method). */
  idempotent?: boolean;
  /** A credential for this request only (V-Spark's per-company tokens); `null` sends none. */
  credential?: Credential | null;
}

/** The transport: a fetch with a second, optional policy argument. */
export type Transport = (request: Request, policy?: RequestPolicy) => Promise<Response>;

/** Options of {@link createTransport}; vendors set defaults, users override. */
export interface TransportOptions extends Partial<RetryOptions> {
  /** The fetch to call (default: globalThis.fetch). */
  fetch?: (request: Request) => Promise<Response>;
  /** Longest time one attempt may take, body included, in ms (default 60 000). */
  timeoutMs?: number;
  /** Headers added to every request unless it sets them. */
  headers?: Record<string, string>;
  /** The `User-Agent` header. */
  userAgent?: string;
  /** The client's credential. */
  credential?: Credential;
  /** Receives redacted debug and retry lines; off by default. */
  logger?: Logger;
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

function withCredential(url: string, headers: Headers, credential: Credential | null | undefined): string {
  if (!credential) return url;
  if (credential.in === 'header') {
    if (!headers.has(credential.name)) headers.set(credential.name, credential.value);
    return url;
  }
  const parsed = new URL(url);
  if (parsed.searchParams.has(credential.name)) return url;
  // Append rather than re-serialise: next links are followed verbatim (Webex sends valueless `&before&after=`).
  const [head = url, ...fragment] = url.split('#');
  const separator = parsed.search ? '&' : head.endsWith('?') ? '' : '?';
  const pair = `${encodeURIComponent(credential.name)}=${encodeURIComponent(credential.value)}`;
  return `${head}${separator}${pair}${fragment.length ? `#${fragment.join('#')}` : ''}`;
}

function failureOf(error: unknown): 'connection-refused' | 'connection' {
  const code = (error as { cause?: { code?: unknown } })?.cause?.code;
  return code === 'ECONNREFUSED' ? 'connection-refused' : 'connection';
}

/** Builds the transport a client passes to openapi-fetch. */
export function createTransport(options: TransportOptions = {}): Transport {
  const fetchImpl = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const retry: RetryOptions = { ...DEFAULT_RETRY_OPTIONS, ...definedOnly(options) };
  const timeoutMs = options.timeoutMs ?? 60_000;
  const redactor = options.redactor ?? new Redactor();
  redactor.add(options.credential?.value);
  const shape: ErrorShape = { ...DEFAULT_ERROR_SHAPE, ...options.errorShape };
  const wait = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const logger = options.logger;
  const defaultHeaders = { ...options.headers, ...(options.userAgent ? { 'user-agent': options.userAgent } : {}) };
  // Node's fetch follows a Request's signal only while that Request object is reachable (nodejs/undici#4068,
  // nodejs/node#55428): fetch() copies the Request, and once nothing holds ours a garbage collection silently
  // cuts the copy off from the timeout and the caller's abort. Each attempt's Request is held here until it settles.
  const inFlight = new Set<Request>();

  return async function transport(request, policy = {}) {
    const headers = new Headers(request.headers);
    for (const [name, value] of Object.entries(defaultHeaders)) if (!headers.has(name)) headers.set(name, value);
    const credential = policy.credential === undefined ? options.credential : policy.credential;
    if (credential) redactor.add(credential.value);
    const url = withCredential(request.url, headers, credential);
    const method = request.method.toUpperCase();
    const summary = { method, url: redactor.url(url) };
    const idempotent = policy.idempotent ?? IDEMPOTENT_METHODS.has(method);
    // Read the body once; every attempt sends a fresh Request built from the same bytes.
    const body = request.body === null ? null : await request.arrayBuffer();
    const callerSignal = request.signal;

    for (let retriesSoFar = 0; ; retriesSoFar++) {
      if (callerSignal.aborted) throw new RequestAbortedError(summary, callerSignal.reason);
      const controller = new AbortController();
      const attemptRequest = new Request(url, { method, headers, body, signal: controller.signal, redirect: request.redirect });
      inFlight.add(attemptRequest);
      const onCallerAbort = () => controller.abort(callerSignal.reason);
      callerSignal.addEventListener('abort', onCallerAbort, { once: true });
      const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
      const started = now();
      let attempt: FailedAttempt;
      try {
        logger?.debug(`→ ${method} ${summary.url}`);
        const response = await fetchImpl(attemptRequest);
        // Reading the body inside the attempt puts it under the timeout and makes a reset mid-body retryable.
        const bytes = await response.arrayBuffer();
        logger?.debug(`← ${response.status} ${method} ${summary.url} (${now() - started} ms)`);
        if (response.ok) return rebuild(response, bytes);
        attempt = { retriesSoFar, idempotent, response: rebuild(response, bytes) };
      } catch (error) {
        if (callerSignal.aborted) throw new RequestAbortedError(summary, callerSignal.reason);
        const timedOut = controller.signal.reason === TIMED_OUT;
        logger?.debug(`✗ ${method} ${summary.url}: ${timedOut ? 'timed out' : redactor.text(String(error))}`);
        attempt = { retriesSoFar, idempotent, failure: timedOut ? 'timeout' : failureOf(error) };
        const decision = decideRetry(attempt, retry, now(), random);
        if (!decision.retry) {
          if (timedOut) throw new TimeoutError(summary, timeoutMs);
          throw new ConnectionError(`Connection failed: ${method} ${summary.url}: ${redactor.text(messageOf(error))}`, summary, {
            cause: redactedCause(error, redactor),
          });
        }
        await pause(decision.delayMs, `${timedOut ? 'timeout' : 'connection error'}`);
        continue;
      } finally {
        inFlight.delete(attemptRequest);
        clearTimeout(timer);
        callerSignal.removeEventListener('abort', onCallerAbort);
      }
      const response = attempt.response as Response;
      const decision = decideRetry(attempt, retry, now(), random);
      if (!decision.retry) {
        const text = await response.text();
        throw apiErrorFromResponse(response, text, { method, url }, redactor, shape, decision.retryAfterMs);
      }
      await pause(decision.delayMs, String(response.status));
    }

    async function pause(delayMs: number, why: string) {
      logger?.warn(`${why} on ${method} ${summary.url}; retrying in ${delayMs} ms`);
      try {
        await wait(delayMs, callerSignal);
      } catch {
        throw new RequestAbortedError(summary, callerSignal.reason);
      }
    }
  };
}

function rebuild(response: Response, bytes: ArrayBuffer): Response {
  const copy = new Response(NULL_BODY_STATUSES.has(response.status) ? null : bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // Pagination resolves relative next links against the URL that answered (after redirects).
  Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}

function messageOf(error: unknown): string {
  const cause = (error as { cause?: { message?: unknown } })?.cause?.message;
  const own = error instanceof Error ? error.message : String(error);
  return typeof cause === 'string' && cause !== own ? `${own} (${cause})` : own;
}

function redactedCause(error: unknown, redactor: Redactor): Error {
  const cause = new Error(redactor.text(messageOf(error)));
  const code = (error as { cause?: { code?: unknown } })?.cause?.code;
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
