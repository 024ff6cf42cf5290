/**
 * The transport beneath every client: credentials, default headers, a timeout per attempt, the caller's
 * AbortSignal, redirects by the redirect policy, retries by the retry policy (the same body bytes on every attempt),
 * and a typed, redacted error for every failure. Beneath it a sender puts each request on the wire (sender.ts):
 * fetch, or undici in the Node entry (node/undici-sender.ts); everything here is the same over either.
 *
 * Two doors lead in. Bound operations call {@link Transport.exchange} with a request already in wire form and get
 * the answer's bytes back: no Request or Response object is built on our side, which is most of what a call
 * would otherwise cost over a bare fetch (bench/client-overhead.mjs). The transport itself is also a fetch taking
 * a Request, for openapi-fetch (`.raw`): that door (fetch-door.ts) reads the Request and answers with a rebuilt
 * Response. Here is the attempt loop both doors share; one attempt and its redirects are attempt-once.ts.
 */
import { apiErrorFromResponse, DEFAULT_ERROR_SHAPE, requestIdOf, type ErrorShape } from '../errors/api-error-from-response.js';
import { ApiClientError, type RequestSummary } from '../errors/api-client-error.js';
import { ConnectionError, RequestAbortedError, ResponseTooLargeError, TimeoutError } from '../errors/request-errors.js';
import { attemptLog, type AttemptRecord } from '../log/attempt-log.js';
import { redactedCredential, runMiddleware, type Middleware } from '../middleware/middleware.js';
import { Redactor } from '../redact/redact.js';
import { headerSecrets } from '../redact/secret-fields.js';
import { textOf } from '../values/body-text.js';
import { definedFields } from '../values/defined-fields.js';
import { attemptOnce, type AttemptSetup } from './attempt-once.js';
import { BodyTooLarge, DEFAULT_MAX_RESPONSE_BYTES } from './bounded-body.js';
import { refuseConnectionOptions } from './connection-options.js';
import { withQueryCredential } from './credential.js';
import type { Exchange, OutgoingRequest, RequestPolicy } from './exchange.js';
import { fetchDoor } from './fetch-door.js';
import { IDEMPOTENT_METHODS } from './idempotent-methods.js';
import { lowerCaseHeaders } from './lower-case-headers.js';
import { sameOrigin } from './redirects.js';
import { decideRetry, DEFAULT_RETRY_OPTIONS, type FailedAttempt, type RetryOptions } from './retry-policy.js';
import { failureOf, messageOf, redactedCause } from './send-failure.js';
import { fetchSender, type Sender } from './sender.js';
import { sleep as defaultSleep } from './sleep.js';
import { timerDelay } from './timer-delay.js';
import type { TransportOptions } from './transport-options.js';

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

const TIMED_OUT = Symbol('timed out');

/** Builds the transport a client sends every request through. */
export function createTransport(options: TransportOptions = {}): Transport {
  if (!options.sender) refuseConnectionOptions(options);
  const sender: Sender = options.sender ?? fetchSender(options.fetch);
  const retry: RetryOptions = { ...DEFAULT_RETRY_OPTIONS, ...definedFields(options, Object.keys(DEFAULT_RETRY_OPTIONS) as (keyof RetryOptions)[]) };
  const timeoutMs = options.timeoutMs ?? 60_000;
  const timed = timeoutMs > 0 && timeoutMs !== Infinity;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const clientRedactor = options.redactor ?? new Redactor();
  clientRedactor.add(options.credential?.value);
  const shape: ErrorShape = { ...DEFAULT_ERROR_SHAPE, ...options.errorShape };
  const wait = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const logLevel = options.logLevel ?? 'debug';
  const clientLog = attemptLog(options.logger, logLevel, clientRedactor);
  const chain: Middleware[] = [...(options.middleware ?? [])];
  const limiter = options.rateLimiter;
  const defaultHeaders = lowerCaseHeaders({ ...options.headers, ...(options.userAgent ? { 'user-agent': options.userAgent } : {}) });
  for (const secret of headerSecrets(defaultHeaders)) clientRedactor.add(secret);
  const clientSetup: AttemptSetup = { sender, defaultHeaders, maxResponseBytes, redactor: clientRedactor };

  async function exchange(outgoing: OutgoingRequest, policy: RequestPolicy = {}): Promise<Exchange> {
    const method = outgoing.method.toUpperCase();
    const credential = policy.credential === undefined ? options.credential : policy.credential;
    // This request's own secrets are redacted from what is said of it, and forgotten after it.
    const callSecrets = [...headerSecrets(outgoing.headers), ...(outgoing.secrets ?? [])];
    if (credential && credential !== options.credential) callSecrets.push(credential.value);
    const redactor = callSecrets.length ? clientRedactor.with(callSecrets) : clientRedactor;
    const log = redactor === clientRedactor ? clientLog : attemptLog(options.logger, logLevel, redactor);
    const setup = redactor === clientRedactor ? clientSetup : { ...clientSetup, redactor };
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
        }, timerDelay(attemptMs));
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
              send: (request) => attemptOnce(setup, { ...outgoing, ...request }, request.method.toUpperCase(), sameOrigin(request.url, outgoing.url) ? credential : null, signal),
              summary, redactor, timeoutMs: attemptMs, timedOut: () => timedOut,
            })
          : await attemptOnce(setup, outgoing, method, credential, signal);
        if (answered.response.ok) {
          logAttempt?.(answered.response.status, { requestId: requestIdOf(answered.response.headers, shape), body: answered.bytes });
          return { ...answered, redactor };
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

  const transport = fetchDoor(exchange, clientRedactor);
  const use = (middleware: Middleware) => void chain.push(middleware);
  return Object.assign(transport, { exchange, use, requestIdOf: (headers: Headers) => requestIdOf(headers, shape), close: () => sender.close() });
}
