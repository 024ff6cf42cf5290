/**
 * A bound call ready to send: where its requests go (the operation, the transport, the redactor) and what it sends
 * (parameters by where they go, the body, the call's options and the request's policy).
 */
import type { Redactor } from '../redact/redact.js';
import type { RequestPolicy } from '../transport/exchange.js';
import type { Transport } from '../transport/transport.js';
import type { WireArguments } from './call-arguments.js';
import type { CallOptions } from './call-options.js';
import type { ResolvedOperation } from './operation-table.js';

/** The parameters of one request, by where they go. */
export type Params = { path: Record<string, unknown>; query: Record<string, unknown>; header: Record<string, string> };

/** Where a bound operation's requests go. */
export interface Target {
  baseUrl: string;
  entry: ResolvedOperation;
  transport: Transport;
  redactor: Redactor;
  /** The operation answers only JSON: every body is parsed as JSON, whatever its label. */
  jsonOnly: boolean;
}

/** One call, checked and sorted, ready to send. */
export interface Prepared {
  params: Params;
  body: unknown;
  callOptions: CallOptions;
  policy: RequestPolicy;
}

/** Wire arguments → the request's parameters and its policy (idempotency, credential). */
export function prepare(entry: ResolvedOperation, operation: string, wire: WireArguments): Prepared {
  const { callOptions } = wire;
  const params: Params = { path: wire.path, query: { ...wire.query, ...callOptions.extraParams }, header: wire.header };
  const policy: RequestPolicy = { idempotent: entry.idempotent, operation };
  if (callOptions.timeoutMs !== undefined) policy.timeoutMs = callOptions.timeoutMs;
  if (callOptions.maxRetries !== undefined) policy.maxRetries = callOptions.maxRetries;
  if (entry.rateLimit) policy.rateLimit = { name: `${entry.resource}.${entry.method}`, rule: entry.rateLimit };
  if (entry.anonymous) policy.credential = null;
  else if (callOptions.credential) policy.credential = callOptions.credential;
  return { params, body: wire.body, callOptions, policy };
}
