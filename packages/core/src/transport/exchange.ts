/**
 * What goes through the transport's wire-form door (`transport.exchange`): a request already in wire form,
 * the policy it is sent under, and the answered exchange, its body already read.
 */
import type { OperationBudget } from '../rate-limit/limiter.js';
import type { Redactor } from '../redact/redact.js';
import type { Credential } from './credential.js';
import type { ResponseHead } from './sender.js';

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
  /**
   * Secrets this request carries in its body (a password, an OAuth `refresh_token`), redacted from whatever is said
   * of it, for this request only; those of its credential and credential headers are found by the transport.
   */
  secrets?: readonly string[] | undefined;
}

/** An answered request: the final response (its body already read) and the body. */
export interface Exchange {
  /** Status and headers of the response that ended the exchange; its body has been read into `bytes`. */
  response: ResponseHead;
  /** The body, read within the attempt (so under its timeout). */
  bytes: Uint8Array<ArrayBuffer>;
  /** The URL that answered, after redirects, without the query credential the transport adds (next links resolve against it). */
  url: string;
  /** The redactor of this request: the client's, with the request's own secrets besides (set by the transport). */
  redactor?: Redactor;
}
