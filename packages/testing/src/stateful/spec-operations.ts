/**
 * The operations of a vendor's packaged spec, as the stateful mock routes them: verb, path pattern, the
 * `x-apiclients-*` resource, method, envelope and pagination, a validator of the request and the spec's own example
 * answer (for the operations no state is kept for).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { requestValidators, type RequestCheck } from './request-validation.js';
import { deref, type Json } from './spec-ref.js';

/** How one list pages, as `x-apiclients-pagination` says. */
export interface PagingStyle {
  style: string;
  [key: string]: unknown;
}

/** One operation of the spec. */
export interface SpecOperation {
  operationId: string;
  verb: string;
  path: string;
  pathParams: string[];
  resource?: string | undefined;
  method?: string | undefined;
  envelope?: string | undefined;
  pagination?: PagingStyle | undefined;
  /** The `default` of each query parameter whose schema gives one (a list's page size: Webex's `max`). */
  queryDefaults: Record<string, unknown>;
  /** The first success status the spec gives, and its example body (when it has one). */
  example: { status: number; body: unknown; mediaType?: string | undefined };
  /** The spec's example body of each error status the operation documents (`4XX`/`5XX` under 400 and 500). */
  errors: Record<number, unknown>;
  /** Checks a request's query and body against the spec; returns the problems, empty when it is valid. */
  check: RequestCheck;
}

/** A spec's operations, and a router from a request's method and path to one of them. */
export interface SpecRoutes {
  operations: SpecOperation[];
  match(verb: string, path: string): { operation: SpecOperation; params: Record<string, string> } | undefined;
}

const VERBS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const loaded = new Map<string, SpecRoutes>();

/**
 * Reads `specFile` (YAML) into routes, once per file and process (they hold no state, so servers share them).
 * Literal segments win over parameters (`/people/me` before `/people/{id}`).
 */
export function loadSpecRoutes(specFile: string): SpecRoutes {
  let routes = loaded.get(specFile);
  if (!routes) loaded.set(specFile, (routes = readSpecRoutes(specFile)));
  return routes;
}

function readSpecRoutes(specFile: string): SpecRoutes {
  const doc = parse(readFileSync(specFile, 'utf8')) as Json;
  const checks = requestValidators(doc);
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    for (const verb of VERBS) {
      const op = item[verb] as Json | undefined;
      if (!op) continue;
      const operationId = String(op.operationId);
      operations.push({
        operationId,
        verb,
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
        ...operationName(op),
        envelope: op['x-apiclients-envelope'] as string | undefined,
        pagination: op['x-apiclients-pagination'] as PagingStyle | undefined,
        queryDefaults: queryDefaults(doc, [...((item.parameters ?? []) as Json[]), ...((op.parameters ?? []) as Json[])]),
        example: successExample(doc, op),
        errors: errorExamples(doc, op),
        check: checks([...((item.parameters ?? []) as Json[]), ...((op.parameters ?? []) as Json[])], op.requestBody as Json | undefined),
      });
    }
  }
  const patterns = operations
    .map((operation) => ({ operation, regex: new RegExp(`^${operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '([^/]+)')}$`), literal: operation.path.replace(/\{[^}]+\}/g, '').length }))
    .sort((a, b) => b.literal - a.literal);
  return {
    operations,
    match(verb, path) {
      for (const { operation, regex } of patterns) {
        if (operation.verb !== verb.toLowerCase()) continue;
        const found = regex.exec(path);
        if (!found) continue;
        const params: Record<string, string> = {};
        operation.pathParams.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1]!)));
        return { operation, params };
      }
      return undefined;
    },
  };
}

/**
 * The resource and method of an operation, as the generator names them (scripts/lib/operation-table.mjs;
 * test/stateful-routes.test.ts holds the two to the same answers): the extensions, else `rooms_list_direct` read
 * as `rooms.listDirect`.
 */
function operationName(op: Json): { resource?: string; method?: string } {
  const resource = op['x-apiclients-resource'] as string | undefined;
  const method = op['x-apiclients-method'] as string | undefined;
  if (resource && method) return { resource, method };
  const match = /^([A-Za-z0-9]+)_([A-Za-z0-9_]+)$/.exec(String(op.operationId ?? ''));
  return match ? { resource: camelCase(match[1]!), method: camelCase(match[2]!) } : {};
}

const camelCase = (text: string) => text.replace(/[-_.]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());

function queryDefaults(doc: Json, parameters: Json[]): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const parameter of parameters.map((p) => deref(doc, p))) {
    const schema = deref(doc, parameter?.schema);
    if (parameter?.in === 'query' && schema?.default !== undefined) defaults[String(parameter.name)] = schema.default;
  }
  return defaults;
}

function errorExamples(doc: Json, op: Json): Record<number, unknown> {
  const errors: Record<number, unknown> = {};
  for (const [code, response] of Object.entries((op.responses ?? {}) as Json)) {
    const status = Number(code.replace(/XX$/i, '00'));
    if (!(status >= 400)) continue;
    const media = Object.values((deref(doc, response)?.content ?? {}) as Record<string, Json>)[0];
    const named = media?.examples ? Object.values(media.examples as Json)[0] : undefined;
    const body = media?.example ?? deref(doc, named)?.value;
    if (body !== undefined) errors[status] = body;
  }
  return errors;
}

function successExample(doc: Json, op: Json): SpecOperation['example'] {
  const responses = (op.responses ?? {}) as Json;
  const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code)) ?? '200';
  const content = (deref(doc, responses[status])?.content ?? {}) as Record<string, Json>;
  const [mediaType, media] = Object.entries(content)[0] ?? [];
  if (!media) return { status: Number(status), body: undefined };
  const named = media.examples ? Object.values(media.examples as Json)[0] : undefined;
  const body = media.example ?? deref(doc, named)?.value;
  return { status: Number(status), body, mediaType };
}
