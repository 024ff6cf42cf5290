/**
 * The limits a client or a single call may set (timeouts, retries, waits, the largest body), refused with a
 * ConfigurationError naming the option when they are not numbers the transport can use.
 */
import { ConfigurationError } from '../errors/api-client-error.js';
import { isWholeNumber } from './whole-number.js';

/** Refuses a bad `timeoutMs`, `maxRetries` or `maxRetryDelayMs`, a client's or a call's, naming it. */
export function checkLimit(key: 'timeoutMs' | 'maxRetries' | 'maxRetryDelayMs' | 'connectTimeoutMs', value: unknown, where = ''): void {
  // Only the timeout may be endless (`Infinity`: no timeout); an endless retry count or wait is a mistake.
  const endless = key === 'timeoutMs' && value === Infinity;
  if (value !== undefined && !endless && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
    throw new ConfigurationError(`${where}${key} must be a finite number ≥ 0, got ${String(value)}`);
  }
}

/** Refuses a `maxResponseBytes` that is not a whole number ≥ 1 or `Infinity`. */
export function checkMaxResponseBytes(value: number | undefined): void {
  if (value !== undefined && value !== Infinity && !isWholeNumber(value, 1)) {
    throw new ConfigurationError(`maxResponseBytes must be a whole number ≥ 1 or Infinity, got ${value}`);
  }
}
