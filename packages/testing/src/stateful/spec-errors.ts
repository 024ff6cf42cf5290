/**
 * Error answers in the shape the spec documents for a status: the example of the operation's own response for
 * that status (or of the first operation that has one), so a vendor's profile only adds what varies (the problems).
 */
import type { MockCall, MockReply } from './vendor-profile.js';

/** The spec's example error body for `status`, with `fields` written over it (an object body) and `headers`. */
export function specError(call: MockCall, status: number, fields: Record<string, unknown> = {}, headers: Record<string, string> = {}): MockReply {
  const example = call.operation.errors[status] ?? call.operation.errors[status - (status % 100)] ?? { message: `HTTP ${status}` };
  const body = typeof example === 'object' && example !== null && !Array.isArray(example) ? { ...example, ...fields } : example;
  return { status, headers, body };
}
