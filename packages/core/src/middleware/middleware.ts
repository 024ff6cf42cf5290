/**
 * Middleware: the caller's functions around every attempt of every request (`client.use(fn)` or the `middleware`
 * option), in the order they were registered, the first outermost. Each sees the outgoing request before the
 * credential is added (so never the secret), may change it or answer in its place, and sees the attempt's
 * response or its typed, redacted error. Retries and the redirect policy stay the transport's: a middleware runs
 * once per attempt, and an attempt's redirects happen inside its `next`.
 */
import type { ResponseHead } from '../transport/sender.js';
import { ApiClientError, type RequestSummary } from '../errors/api-client-error.js';
import { ConnectionError, MiddlewareError, RequestAbortedError, TimeoutError } from '../errors/request-errors.js';
import { REDACTED, type Redactor } from '../redact/redact.js';

/** The outgoing request a middleware sees and may change: header names in lower case, no credential yet. */
export interface MiddlewareRequest {
  /** HTTP method, upper case. */
  method: string;
  /** Absolute URL, without the credential (the transport adds it after the middleware). */
  url: string;
  /** Header names in lower case; the client's default headers included. */
  headers: Record<string, string>;
  /** The body, sent as it is. */
  body: string | Uint8Array | null;
}

/** What a middleware knows about the attempt it wraps. */
export interface MiddlewareContext {
  /** The operation's id in the spec (`rooms_get`); undefined for `.raw` calls and requests of your own. */
  operationId: string | undefined;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  /** Why this attempt is a retry (`'503'`, `'429'`, `'timeout'`, `'connection error'`); undefined on the first. */
  retryReason: string | undefined;
  /** The credential as it will be sent, redacted (`authorization: Bearer [REDACTED]`); undefined when none. */
  credential: string | undefined;
  /** Aborts when the caller aborts or the attempt times out. */
  signal: AbortSignal | undefined;
}

/** Sends the request on: to the next middleware, or to the server. */
export type MiddlewareNext = (request: MiddlewareRequest) => Promise<Response>;

/**
 * A function around every attempt. Return `next(request)` (after changing `request`, or with another one), a
 * `Response` of your own to answer without a request, or throw. The Response `next` gives has its body in memory;
 * read it from `response.clone()` so the client can still read it. An error `next` rejects with is one of ours
 * (`ConnectionError`, `TimeoutError`, `RequestAbortedError`): rethrow it to let the client retry as it would.
 * Anything else thrown becomes a {@link MiddlewareError} and is never retried.
 */
export type Middleware = (request: MiddlewareRequest, next: MiddlewareNext, context: MiddlewareContext) => Promise<Response>;

/** An attempt in the transport's terms: the answer with its body read, the URL that answered. */
export interface AttemptAnswer {
  response: ResponseHead;
  bytes: Uint8Array<ArrayBuffer>;
  url: string;
}

/** What {@link runMiddleware} needs from the transport for one attempt. */
export interface MiddlewareAttempt {
  request: MiddlewareRequest;
  context: MiddlewareContext;
  summary: () => RequestSummary;
  redactor: Redactor;
  /** Whether the attempt's timer fired (then a failure is a timeout). */
  timedOut: () => boolean;
  /** The attempt's time limit, in ms, for the TimeoutError. */
  timeoutMs: number;
  /** The transport's own attempt: the credential, the redirect policy, the sender. */
  send: (request: MiddlewareRequest) => Promise<AttemptAnswer>;
}

// The raw failure behind each typed error `next` rejected with: when a middleware lets one through, the transport
// judges the raw failure as it would without middleware (refused, reset, timed out).
const rawFailures = new WeakMap<object, unknown>();
// The answer behind each Response `next` gave: handed back unchanged, it is used as it is (no second read).
const answers = new WeakMap<Response, AttemptAnswer>();

/**
 * One attempt through the chain. Resolves with the answer; rejects with the raw failure of the attempt when a
 * middleware passed our error through (the transport retries it as usual), or with a typed error that the
 * transport throws as it is (a {@link MiddlewareError}, or an error of ours a middleware raised).
 */
export async function runMiddleware(chain: readonly Middleware[], attempt: MiddlewareAttempt): Promise<AttemptAnswer> {
  const { context, summary, redactor } = attempt;
  const innermost: MiddlewareNext = async (request) => {
    let answer: AttemptAnswer;
    try {
      answer = await attempt.send(request);
    } catch (raw) {
      const typed = typedFailure(raw, attempt);
      rawFailures.set(typed, raw);
      throw typed;
    }
    const response = responseOf(answer);
    answers.set(response, answer);
    return response;
  };
  const step = (index: number): MiddlewareNext =>
    index === chain.length ? innermost : (request) => (chain[index] as Middleware)(request, step(index + 1), context);
  let response: Response;
  try {
    response = await step(0)(attempt.request);
  } catch (error) {
    if (error !== null && typeof error === 'object' && rawFailures.has(error)) throw rawFailures.get(error);
    if (error instanceof ApiClientError) throw error;
    const message = redactor.text(error instanceof Error ? error.message : String(error));
    throw new MiddlewareError(`A middleware failed on ${summary().method} ${summary().url}: ${message}`, summary(), {
      cause: new Error(message),
    });
  }
  if (!(response instanceof Response)) {
    throw new MiddlewareError(`A middleware answered ${summary().method} ${summary().url} with something other than a Response`, summary());
  }
  const own = answers.get(response);
  if (own && !response.bodyUsed) return own;
  if (response.bodyUsed) {
    throw new MiddlewareError(`A middleware read the body of ${summary().method} ${summary().url}: read it from response.clone()`, summary());
  }
  return { response, bytes: new Uint8Array(await response.arrayBuffer()), url: response.url || attempt.request.url };
}

/** The answer as a Response a middleware can read (its url set to the URL that answered). */
function responseOf({ response, bytes, url }: AttemptAnswer): Response {
  const copy = new Response(bytes.byteLength === 0 ? null : bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
  Object.defineProperty(copy, 'url', { value: url });
  return copy;
}

/** The credential as a middleware may see it: where it goes and its scheme, never its value. */
export function redactedCredential(credential: { in: 'header' | 'query'; name: string; value: string } | null | undefined): string | undefined {
  if (!credential) return undefined;
  if (credential.in === 'query') return `?${credential.name}=${REDACTED}`;
  const scheme = /^([A-Za-z]+)\s/.exec(credential.value)?.[1];
  return `${credential.name.toLowerCase()}: ${scheme ? `${scheme} ` : ''}${REDACTED}`;
}

/** The typed, redacted error a middleware sees for a failed attempt. */
function typedFailure(raw: unknown, attempt: MiddlewareAttempt): ApiClientError {
  const { summary, redactor, context } = attempt;
  if (context.signal?.aborted && !attempt.timedOut()) return new RequestAbortedError(summary(), context.signal.reason);
  if (attempt.timedOut()) return new TimeoutError(summary(), attempt.timeoutMs);
  const message = redactor.text(raw instanceof Error ? raw.message : String(raw));
  return new ConnectionError(`Connection failed: ${summary().method} ${summary().url}: ${message}`, summary(), { cause: new Error(message) });
}
