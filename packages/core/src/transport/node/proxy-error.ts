/**
 * Failures at a proxy: the undici sender throws a {@link ProxyFailure} when a proxied request failed before the
 * target answered, and the transport asks the sender to turn it into a {@link ProxyError}. Neither ever holds the
 * proxy's credentials: a proxy is named by `host:port`.
 */
import { ConnectionError } from '../../errors/request-errors.js';
import { type RequestSummary } from '../../errors/api-client-error.js';
import type { Redactor } from '../../redact/redact.js';
import { redactedCause } from '../send-failure.js';

/**
 * The proxy failed the request: it refused it (407: missing or wrong credentials in the proxy URL), reset the
 * connection, or did not answer the tunnel request in time. `proxy` names it as `host:port`, without credentials.
 */
export class ProxyError extends ConnectionError {
  override name = 'ProxyError';
  /** The proxy, as `host:port` (never its credentials). */
  readonly proxy: string;
  /** The status the proxy answered with, when it answered (407). */
  readonly status: number | undefined;

  constructor(message: string, request: RequestSummary, details: { proxy: string; status?: number | undefined; cause?: unknown }) {
    super(message, request, details.cause === undefined ? undefined : { cause: details.cause });
    this.proxy = details.proxy;
    this.status = details.status;
  }
}

/** What the undici sender throws when a proxied request failed at the proxy. */
export class ProxyFailure extends Error {
  override name = 'ProxyFailure';
  /** A proxy that refused our credentials (407) refuses them again: the transport does not retry. */
  readonly retryable: boolean;

  constructor(
    message: string,
    readonly proxy: string,
    readonly status: number | undefined,
    cause: unknown,
  ) {
    super(message, { cause });
    this.retryable = status !== 407;
  }
}

/** The {@link ProxyError} for a {@link ProxyFailure}; undefined for any other failure. */
export function proxyErrorFor(error: unknown, request: RequestSummary, redactor: Redactor): ProxyError | undefined {
  if (!(error instanceof ProxyFailure)) return undefined;
  const message = `Connection failed: ${request.method} ${request.url} ${redactor.text(error.message)}`;
  return new ProxyError(message, request, { proxy: error.proxy, status: error.status, cause: redactedCause(error.cause, redactor) });
}
