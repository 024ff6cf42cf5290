import type { Credential } from '../transport/credential.js';

/** The forms a success body can be read in (see {@link CallOptions.parseAs}). */
export type ParseAs = 'json' | 'text' | 'bytes';

/** Options of a single call, after its arguments. */
export interface CallOptions {
  /** Aborts the call (and any wait between retries). */
  signal?: AbortSignal;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /**
   * Query parameters the spec does not know yet (the API added them later). Named explicitly so that a
   * misspelt known parameter still fails to compile.
   */
  extraParams?: Record<string, string | number | boolean>;
  /** This call's longest attempt, in ms, body included, instead of the client's `timeoutMs` (`0` or `Infinity`: none). */
  timeoutMs?: number;
  /** This call's retries after the first attempt, instead of the client's `maxRetries` (`0`: no retry). */
  maxRetries?: number;
  /** Largest response body read for this call, in bytes, after decompression (default: the client's). */
  maxResponseBytes?: number;
  /**
   * How to read this call's success body, instead of by the operation's media types: `'bytes'` (a `Uint8Array`,
   * exactly as served: V-Spark's CSV kept byte for byte), `'text'`, or `'json'`. The call's result type stays the
   * operation's: cast it (`as unknown as Uint8Array`) when you ask for another form.
   */
  parseAs?: ParseAs;
  /** A credential for this call only (V-Spark's per-company tokens). */
  credential?: Credential;
  /**
   * Lists only: pages fetched at once once the first page has told how many there are (default 1).
   * Items are still yielded in order.
   */
  concurrency?: number;
  /** Lists only: stop after this many items in all (the page size is the API's own parameter, such as `max`). */
  limit?: number;
  /** Lists only: most pages to fetch before failing with a PaginationError (default 10 000). */
  maxPages?: number;
}
