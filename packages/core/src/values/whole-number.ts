/** The rule for counts and sizes given as options: a whole number, at least some least value. */
import { ConfigurationError } from '../errors/api-client-error.js';

/** Whether `value` is a whole number ≥ `least`. */
export function isWholeNumber(value: unknown, least: number): value is number {
  return Number.isInteger(value) && (value as number) >= least;
}

/** `value` when it is a whole number ≥ `least`; otherwise a ConfigurationError naming the option `name`. */
export function wholeNumber(name: string, value: number, least: number): number {
  if (!isWholeNumber(value, least)) throw new ConfigurationError(`${name} must be a whole number ≥ ${least}, got ${value}`);
  return value;
}
