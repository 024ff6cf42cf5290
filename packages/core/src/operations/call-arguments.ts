/**
 * A bound call's arguments in the calling convention of every client, checked and sorted into wire parts:
 * `resource.method(...pathParams, { query and body fields }, callOptions)`. Path parameters come first, in the
 * order the path names them (those the client already knows, such as Statuspage's page id, are not among them);
 * then one flat object whose keys are spelt as the API spells them, each sent as a query parameter or a body
 * field as the operation table says; then the per-call options. Every check runs before any request, and each
 * failure is a {@link ConfigurationError} that names the argument.
 */
import type { CallOptions, ParseAs } from './call-options.js';
import { checkArgumentText, checkBodyText, checkPathSegment } from './argument-text.js';
import { checkLimit, checkMaxResponseBytes } from '../values/limits.js';
import { ConfigurationError } from '../errors/api-client-error.js';
import type { ResolvedOperation, ResolvedParam } from './operation-table.js';

/** The key under which a call passes a whole request body that is not an object of fields (FormData, text, bytes). */
export const RAW_BODY = 'rawBody';

/** What one call sends: parameters by where they go, and the body (undefined: none). */
export interface WireArguments {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, string>;
  body: unknown;
  callOptions: CallOptions;
}

/** How an operation's arguments are laid out: computed once per operation, at bind time. */
export interface ArgumentLayout {
  /** `resource.method`, for messages. */
  name: string;
  /** The path parameters the caller passes, in order. */
  positional: readonly ResolvedParam[];
  /** The flat object's parameters (query and header), by wire name. */
  flat: ReadonlyMap<string, ResolvedParam>;
  /** Whether the call has a flat object at all (parameters or a body); without one, options follow the path. */
  hasFlat: boolean;
  /** Values the client fills in itself (Statuspage's `page_id`), by wire name. */
  defaults: Readonly<Record<string, string | number>>;
}

/** The layout of `entry`'s arguments, given the parameters the client fills in. */
export function argumentLayout(entry: ResolvedOperation, defaults: Readonly<Record<string, string | number>> = {}): ArgumentLayout {
  const positional = entry.params.filter((p) => p.in === 'path' && defaults[p.name] === undefined);
  const flat = new Map(entry.params.filter((p) => p.in !== 'path').map((p) => [p.name, p]));
  const hasFlat = flat.size > 0 || entry.requestBody.length > 0;
  return { name: `${entry.resource}.${entry.method}`, positional, flat, hasFlat, defaults };
}

/** Splits a call's arguments into wire parts, refusing what the operation does not take. */
export function wireArguments(entry: ResolvedOperation, layout: ArgumentLayout, args: readonly unknown[]): WireArguments {
  const { name, positional, hasFlat } = layout;
  const given = positional.length + (hasFlat ? 2 : 1);
  if (args.length > given) {
    throw new ConfigurationError(`${name}: takes at most ${given} arguments (${signatureOf(layout)}), got ${args.length}`);
  }
  const wire: WireArguments = { path: {}, query: {}, header: {}, body: undefined, callOptions: {} };
  positional.forEach((param, index) => {
    wire.path[param.name] = pathValue(layout, param, args[index]);
  });
  for (const param of entry.params) {
    const value = layout.defaults[param.name];
    if (param.in === 'path' && value !== undefined) wire.path[param.name] = value;
  }
  const flat = hasFlat ? objectArgument(layout, 'params', args[positional.length]) : {};
  wire.callOptions = objectArgument(layout, 'options', args[positional.length + (hasFlat ? 1 : 0)]) as CallOptions;
  for (const key of ['timeoutMs', 'maxRetries'] as const) checkLimit(key, wire.callOptions[key], `${layout.name}: `);
  checkMaxResponseBytes(wire.callOptions.maxResponseBytes);
  checkParseAs(layout.name, wire.callOptions.parseAs);
  for (const [key, value] of Object.entries(wire.callOptions.extraParams ?? {})) checkArgumentText(layout.name, key, value);
  sortFlat(entry, layout, flat, wire);
  checkBodyText(layout.name, wire.body);
  return wire;
}

/** `roomId, params?, options?`: how a message shows the call's parameters. */
function signatureOf({ positional, hasFlat }: ArgumentLayout): string {
  return [...positional.map((p) => p.name), ...(hasFlat ? ['params?'] : []), 'options?'].join(', ');
}

function pathValue(layout: ArgumentLayout, param: ResolvedParam, value: unknown): string | number {
  if (value === undefined) throw new ConfigurationError(`${layout.name}: missing required argument "${param.name}" (${signatureOf(layout)})`);
  if (value === '' || (typeof value !== 'string' && typeof value !== 'number')) {
    // A caller of the argument-object convention (`rooms.get({ roomId })`) is told where the value now goes.
    const hint = value !== null && typeof value === 'object' ? `; pass it first: ${layout.name}(${signatureOf(layout)})` : '';
    throw new ConfigurationError(`${layout.name}: "${param.name}" must be a non-empty string or number, got ${shown(value)}${hint}`);
  }
  checkParam(layout.name, param, value);
  checkPathSegment(layout.name, param.name, value);
  return value;
}

function objectArgument(layout: ArgumentLayout, what: string, value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigurationError(`${layout.name}: ${what} must be an object (${signatureOf(layout)}), got ${shown(value)}`);
  }
  return value as Record<string, unknown>;
}

/** Each key of the flat object to its parameter or body field; unknown keys and missing required ones refused. */
function sortFlat(entry: ResolvedOperation, layout: ArgumentLayout, flat: Record<string, unknown>, wire: WireArguments): void {
  const fields: Record<string, unknown> = {};
  let hasFields = false;
  for (const key of Object.keys(flat)) {
    const value = flat[key];
    const param = layout.flat.get(key);
    if (param) {
      if (value === undefined) continue;
      checkParam(layout.name, param, value);
      checkArgumentText(layout.name, param.name, value);
      if (param.in === 'header') wire.header[param.name] = String(value);
      else wire.query[param.name] = value;
      const accept = param.accept?.[String(value)];
      if (accept) wire.header.accept = accept;
    } else if (key === RAW_BODY && entry.requestBody.length > 0) {
      wire.body = value;
    } else if (key === entry.bodyParam) {
      if (value === undefined) continue;
      if (value === null || typeof value !== 'object') throw new ConfigurationError(`${layout.name}: "${key}" must be an object, got ${shown(value)}`);
      Object.assign(fields, value);
      hasFields = true;
    } else if (entry.bodyOpen || entry.bodyFields.includes(key)) {
      fields[key] = value;
      hasFields = true;
    } else {
      throw new ConfigurationError(`${layout.name}: unknown argument "${key}" (it takes ${knownKeys(entry, layout)})`);
    }
  }
  for (const param of layout.flat.values()) {
    if (param.required && flat[param.name] === undefined) throw new ConfigurationError(`${layout.name}: missing required argument "${param.name}"`);
  }
  if (wire.body !== undefined) {
    if (hasFields) throw new ConfigurationError(`${layout.name}: pass either "${RAW_BODY}" or body fields, not both`);
    return;
  }
  for (const field of entry.bodyRequired) {
    if (fields[field] === undefined) throw new ConfigurationError(`${layout.name}: missing required argument "${field}"`);
  }
  // x-apiclients-envelope: callers pass the attributes; the API wants them under one key.
  if (hasFields) wire.body = entry.envelope ? { [entry.envelope]: fields } : fields;
}

function knownKeys(entry: ResolvedOperation, layout: ArgumentLayout): string {
  const keys = [...layout.flat.keys(), ...entry.bodyFields, ...(entry.bodyParam ? [entry.bodyParam] : [])];
  return keys.length ? keys.map((k) => `"${k}"`).join(', ') : `no parameters beyond ${signatureOf(layout)}`;
}

// What a plain-JS caller may pass for each schema type (query values are sent as text).
const ACCEPTS: Record<string, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string' || typeof v === 'number',
  integer: (v) => (typeof v === 'number' ? Number.isInteger(v) : typeof v === 'string' && /^-?\d+$/.test(v)),
  number: (v) => (typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))),
  boolean: (v) => typeof v === 'boolean' || v === 'true' || v === 'false',
};

/** A bad value as an error message shows it: JSON where possible (a plain-JS caller's BigInt or cycle is not). */
function shown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value === 'bigint' ? `${value}n` : `a ${typeof value} that JSON cannot show`;
  }
}

/** Refuses a value of the wrong type or outside the parameter's enum, naming the argument. */
function checkParam(name: string, param: ResolvedParam, value: unknown): void {
  if (param.type && ACCEPTS[param.type] && !ACCEPTS[param.type]?.(value)) {
    throw new ConfigurationError(`${name}: "${param.name}" must be ${param.type === 'integer' ? 'an integer' : `a ${param.type}`}, got ${shown(value)}`);
  }
  if (param.enum && !param.enum.some((allowed) => allowed === value || String(allowed) === String(value))) {
    throw new ConfigurationError(`${name}: "${param.name}" must be one of ${param.enum.map((v) => JSON.stringify(v)).join(', ')}; got ${shown(value)}`);
  }
}

const PARSE_AS: readonly ParseAs[] = ['json', 'text', 'bytes'];

/** Refuses a `parseAs` that is not one of the forms a body can be read in. */
function checkParseAs(name: string, value: unknown): void {
  if (value !== undefined && !PARSE_AS.includes(value as ParseAs)) {
    throw new ConfigurationError(`${name}: parseAs must be ${PARSE_AS.map((f) => `'${f}'`).join(', ')}, got ${shown(value)}`);
  }
}
