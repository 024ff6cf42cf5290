/**
 * The transport's log: one line per attempt (method, redacted URL, status or failure, duration, attempt number,
 * why it was a retry, the request id, and the retry to come), at `info` for a success and `warn` for a failure;
 * at `debug` also a line as each attempt leaves, and both bodies, redacted and truncated. Every line goes through
 * the redactor, and a body's secret-named fields (`password`, `access_token`, …) are replaced before that.
 */
import { textOf } from '../values/body-text.js';
import type { Logger } from './logger.js';
import type { Redactor } from '../redact/redact.js';
import { withoutSecretFields } from '../redact/secret-fields.js';

/** How much a client logs: `debug` (every attempt, with bodies), `info` (one line per attempt), `warn` (failures and retries), `off`. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'off';

/** The levels, least first. */
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'off'];

/** Longest body shown in a debug line, in characters. */
const BODY_LIMIT = 1_000;

/** One attempt as its log line tells it. */
export interface AttemptRecord {
  method: string;
  /** Redacted URL. */
  url: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Why this attempt is a retry. */
  retryReason: string | undefined;
  ms: number;
  /** The response's status, or the failure (`timed out`, `connection refused (…)`). */
  outcome: number | string;
  requestId?: string | undefined;
  /** The response body (debug only). */
  body?: Uint8Array | undefined;
  /** The delay before the next attempt, when there will be one. */
  retryInMs?: number | undefined;
}

/** Writes the transport's lines at a level; built only when the level is not `off`. */
export interface AttemptLog {
  /** A request leaving (debug only). */
  sending(method: string, url: string, body: string | Uint8Array | null | undefined): void;
  /** What one attempt came to, with the retry to come. */
  attempted(record: AttemptRecord): void;
}

/** The log of a transport, or undefined when nothing would be written (no logger, or level `off`). */
export function attemptLog(logger: Logger | undefined, level: LogLevel, redactor: Redactor): AttemptLog | undefined {
  if (!logger || level === 'off') return undefined;
  const debug = level === 'debug';
  const info = level === 'debug' || level === 'info';
  const body = (bytes: string | Uint8Array) => ` ${typeof bytes === 'string' ? redactedBody(bytes, redactor) : bytesShown(bytes, redactor)}`;
  return {
    sending(method, url, sent) {
      if (debug) logger.debug(`→ ${method} ${url}${sent ? body(sent) : ''}`);
    },
    attempted(record) {
      const ok = typeof record.outcome === 'number' && record.outcome < 400;
      if (ok && !info) return;
      const facts = [`${record.ms} ms`, `attempt ${record.attempt}`];
      if (record.retryReason) facts.push(`after ${record.retryReason}`);
      if (record.requestId) facts.push(`request id ${record.requestId}`);
      const head = typeof record.outcome === 'number' ? `← ${record.outcome} ${record.method} ${record.url}` : `✗ ${record.method} ${record.url}: ${record.outcome}`;
      const retry = record.retryInMs === undefined ? '' : `; retrying in ${record.retryInMs} ms`;
      const shown = debug && record.body?.byteLength ? body(record.body) : '';
      const line = redactor.text(`${head} (${facts.join(', ')})${retry}${shown}`);
      if (!ok) logger.warn(line);
      else if (debug) logger.debug(line);
      else (logger.info ?? logger.debug).call(logger, line);
    },
  };
}

// Bytes that are not text (an uploaded file, a gzip body) are shown by their size only.
function bytesShown(bytes: Uint8Array, redactor: Redactor): string {
  const text = textOf(bytes);
  return /[\uFFFD\u0000]/.test(text) ? `<${bytes.byteLength} bytes>` : redactedBody(text, redactor);
}
/**
 * A body as a debug line shows it: secret-named fields of JSON or a form replaced, then known secrets and
 * credential shapes, then cut to {@link BODY_LIMIT} characters.
 */
export function redactedBody(text: string, redactor: Redactor): string {
  let out = text;
  try {
    out = JSON.stringify(withoutSecretFields(JSON.parse(text)));
  } catch {
    // A form (`a=1&client_secret=…`): the pattern of secret parameters needs a separator before the first one.
    if (/^[\w.%-]+=/.test(text)) out = redactor.text(`&${text}`).slice(1);
  }
  out = redactor.text(out);
  return out.length > BODY_LIMIT ? `${out.slice(0, BODY_LIMIT)}… (${out.length - BODY_LIMIT} more characters)` : out;
}
