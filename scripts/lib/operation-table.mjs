// Step 3 of generation: the per-operation table the runtime binds, read from each operation and its
// x-apiclients-* extensions (see ARCHITECTURE.md, "Spec extensions carry per-operation policy").
import { resolveRef } from './resolve-ref.mjs';
import { extensionProblems } from './extensions.mjs';

const VERBS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
// RFC 9110 §9.2.2: these methods are idempotent unless the spec says otherwise.
const IDEMPOTENT_VERBS = new Set(['get', 'put', 'delete', 'head', 'options']);

/** snake_case, kebab-case or dotted name → camelCase. */
export function camelCase(name) {
  return name.replace(/[-_.]+([a-zA-Z0-9])/g, (_, c) => c.toUpperCase());
}


function parametersOf(spec, path, pathItem, operation) {
  const byKey = new Map();
  for (const p of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((x) => resolveRef(spec, x))) {
    const param = { name: p.name, in: p.in, required: p.required === true };
    // The parameter's type and enum, so plain-JS callers get a clear error before any request.
    const schema = resolveRef(spec, p.schema) ?? {};
    const type = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null') : schema.type ? [schema.type] : [];
    if (type.length === 1 && ['string', 'integer', 'number', 'boolean'].includes(type[0])) param.type = type[0];
    if (Array.isArray(schema.enum)) param.enum = schema.enum;
    // x-apiclients-accept: { value: media type }: a parameter that picks the response's media type (V-Spark's
    // `format`), so the client sends the matching Accept header (Prism and proxies negotiate on it).
    if (p['x-apiclients-accept']) param.accept = p['x-apiclients-accept'];
    byKey.set(`${p.in}:${p.name}`, param);
  }
  // Path parameters are the call's positional arguments, in the order the path names them.
  const position = (param) => (param.in === 'path' ? path.indexOf(`{${param.name}}`) : Infinity);
  return [...byKey.values()].sort((a, b) => position(a) - position(b));
}

/** The schema's own properties, and those of each `allOf`/`oneOf`/`anyOf` member (a union's fields all count). */
function propertiesOf(spec, schema, seen = new Set()) {
  const node = resolveRef(spec, schema);
  if (!node || typeof node !== 'object' || seen.has(node)) return { fields: [], required: [], open: false };
  seen.add(node);
  const fields = new Set(Object.keys(node.properties ?? {}));
  const required = new Set(node.required ?? []);
  // additionalProperties: absent or false takes only the listed fields (a misspelt key is refused before sending).
  let open = node.additionalProperties !== undefined && node.additionalProperties !== false;
  for (const member of [...(node.allOf ?? []), ...(node.oneOf ?? []), ...(node.anyOf ?? [])]) {
    const inner = propertiesOf(spec, member, seen);
    inner.fields.forEach((f) => fields.add(f));
    // A field required by every allOf member is required; a oneOf member's requirements are not the union's.
    if (node.allOf?.includes(member)) inner.required.forEach((f) => required.add(f));
    open ||= inner.open;
  }
  return { fields: [...fields], required: [...required], open };
}

/**
 * The top-level fields a call's flat argument object may carry into the request body: those of the JSON (or
 * form) body schema, or of the object inside `x-apiclients-envelope`. Fails when a field shares its name with a
 * query or header parameter, naming the operation: the flat object could not tell them apart.
 */
function bodyFieldsOf(spec, operation, params, name) {
  const content = resolveRef(spec, operation.requestBody)?.content ?? {};
  const media = Object.keys(content).find((m) => /json/i.test(m)) ?? Object.keys(content).find((m) => m === 'application/x-www-form-urlencoded');
  if (!media) return null;
  let schema = resolveRef(spec, content[media].schema);
  const envelope = operation['x-apiclients-envelope'];
  if (envelope) schema = resolveRef(spec, schema?.properties?.[envelope]);
  const flat = new Set(params.filter((p) => p.in !== 'path').map((p) => p.name));
  // x-apiclients-body-param: NAME keeps a clashing body apart: the caller passes it whole under NAME.
  const bodyParam = operation['x-apiclients-body-param'];
  if (bodyParam !== undefined) {
    if (typeof bodyParam !== 'string' || flat.has(bodyParam) || bodyParam === RAW_BODY) {
      throw new Error(`${name}: x-apiclients-body-param must be a name no parameter has, got ${JSON.stringify(bodyParam)}`);
    }
    return { fields: [], required: [], open: false, param: bodyParam };
  }
  const body = propertiesOf(spec, schema);
  for (const field of [...body.fields, ...flat]) {
    if (field === RAW_BODY) throw new Error(`${name}: "${RAW_BODY}" is the name of a whole request body; rename the field or parameter`);
  }
  const clash = body.fields.filter((f) => flat.has(f));
  if (clash.length) {
    throw new Error(
      `${name}: body field(s) ${clash.map((c) => `"${c}"`).join(', ')} share a name with a parameter; a flat argument object ` +
        'cannot tell them apart (rename one, or pass the body whole under a name with x-apiclients-body-param)',
    );
  }
  return body;
}

/** The key under which a call passes a whole body that is not an object of fields (FormData, text, bytes). */
const RAW_BODY = 'rawBody';

function responseMediaTypes(spec, operation) {
  const types = new Set();
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    if (!/^2/.test(status)) continue;
    for (const media of Object.keys(resolveRef(spec, response)?.content ?? {})) types.add(media);
  }
  return [...types];
}

function requestMediaTypes(spec, operation) {
  return Object.keys(resolveRef(spec, operation.requestBody)?.content ?? {});
}

function operationName(operation, verb, path) {
  const resource = operation['x-apiclients-resource'];
  const method = operation['x-apiclients-method'];
  if (resource && method) return { resource, method };
  const match = /^([A-Za-z0-9]+)_([A-Za-z0-9_]+)$/.exec(operation.operationId ?? '');
  if (match) return { resource: camelCase(match[1]), method: camelCase(match[2]) };
  throw new Error(`${verb.toUpperCase()} ${path}: needs an operationId like "rooms_list" or x-apiclients-resource/method`);
}

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
const durationMs = (text) => {
  const [, amount, unit] = /^(\d+)(ms|s|m|h)$/.exec(text);
  return Number(amount) * UNIT_MS[unit];
};

/**
 * An `x-apiclients-rate-limit` (already checked against its schema) as the runtime reads it, in milliseconds:
 * `{ requests: 1, per: 1s, window: 60s, by: credential }` → `{ requests: 1, perMs: 1000, windowMs: 60000, by: 'credential' }`.
 */
export function rateLimitRule(extension) {
  if (!extension) return null;
  const perMs = durationMs(extension.per);
  return { requests: extension.requests, perMs, windowMs: extension.window ? durationMs(extension.window) : perMs, by: extension.by };
}

/** Every operation of a spec, in spec order, as plain data. */
export function buildOperationTable(spec) {
  const table = [];
  const problems = extensionProblems(spec, 'document', 'the document');
  for (const [path, pathItem] of Object.entries(spec.paths ?? {})) {
    for (const verb of VERBS) {
      const operation = pathItem[verb];
      if (!operation) continue;
      const label = operation.operationId ?? `${verb.toUpperCase()} ${path}`;
      problems.push(...extensionProblems(operation, 'operation', label));
      for (const p of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
        const parameter = resolveRef(spec, p);
        problems.push(...extensionProblems(parameter, 'parameter', `${label}, parameter ${parameter?.name}`));
      }
      if (problems.length) continue;
      const idempotent = operation['x-apiclients-idempotent'] ?? IDEMPOTENT_VERBS.has(verb);
      const params = parametersOf(spec, path, pathItem, operation);
      const body = bodyFieldsOf(spec, operation, params, label);
      table.push({
        operationId: operation.operationId,
        ...operationName(operation, verb, path),
        verb,
        path,
        params,
        bodyFields: body?.fields ?? [],
        bodyRequired: body?.required ?? [],
        bodyOpen: body?.open ?? false,
        bodyParam: body?.param ?? null,
        requestBody: requestMediaTypes(spec, operation),
        responses: responseMediaTypes(spec, operation),
        pagination: operation['x-apiclients-pagination'] ?? null,
        // x-apiclients-envelope: the key the request body is wrapped in (Statuspage's `{ component: {...} }`).
        envelope: operation['x-apiclients-envelope'] ?? null,
        idempotent,
        rateLimit: rateLimitRule(operation['x-apiclients-rate-limit']),
        // `security: []` on the operation: no credential may be sent (Webex's /access_token).
        anonymous: Array.isArray(operation.security) && operation.security.length === 0,
      });
    }
  }
  if (problems.length) throw new Error(`invalid x-apiclients-* extensions:\n  ${problems.join('\n  ')}`);
  return table;
}

// What the runtime assumes when a field is left out (packages/core/src/operations/operation-table.ts, resolveOperation):
// the table ships in every user's bundle, so defaults are not repeated 44 times over.
// A parameter is a string unless it says otherwise, and required when it is in the path (OpenAPI demands it).
function compactParam({ name, in: where, required, type = 'any', ...rest }) {
  return {
    name,
    ...(where === 'query' ? {} : { in: where }),
    ...(required === (where === 'path') ? {} : { required }),
    ...(type === 'string' ? {} : { type }),
    ...rest,
  };
}

function compactEntry({ params, requestBody, bodyFields, bodyRequired, bodyOpen, bodyParam, responses, pagination, envelope, idempotent, rateLimit, anonymous, ...rest }) {
  return {
    ...rest,
    ...(params.length ? { params: params.map(compactParam) } : {}),
    ...(requestBody.length ? { requestBody } : {}),
    ...(bodyFields.length ? { bodyFields } : {}),
    ...(bodyRequired.length ? { bodyRequired } : {}),
    ...(bodyOpen ? { bodyOpen } : {}),
    ...(bodyParam ? { bodyParam } : {}),
    // JSON only is the default; an operation that answers with no body says so with an empty list.
    ...(responses.length > 0 && responses.every((media) => /json/i.test(media)) ? {} : { responses }),
    ...(pagination ? { pagination } : {}),
    ...(envelope ? { envelope } : {}),
    ...(idempotent === IDEMPOTENT_VERBS.has(rest.verb) ? {} : { idempotent }),
    ...(rateLimit ? { rateLimit } : {}),
    ...(anonymous ? { anonymous } : {}),
  };
}

const renderRateLimit = (rule) => (rule ? `${JSON.stringify(rule)} as const` : 'null');

/** The operations.ts text for one spec (`spec`: for its document-level `x-apiclients-rate-limit`). */
export function renderOperationTable(table, header, spec = {}) {
  const byId = Object.fromEntries(table.map(({ operationId, ...rest }) => [operationId, compactEntry(rest)]));
  return `${header}/**
 * Every operation of the spec, keyed by operationId: what the runtime needs to call it. Fields at their default
 * are left out: a parameter is a string in the query, required only in the path; a body is JSON and has no
 * required field;
 * the answer is JSON; the method's own idempotency holds (see OperationEntry in @apiclients/core).
 */
export const operationTable = ${JSON.stringify(byId, null, 2)} as const;

/** The operationIds of the spec. */
export type OperationId = keyof typeof operationTable;

/**
 * The API's documented rate limit for every request of a credential (\`x-apiclients-rate-limit\`), in ms, or null
 * when the vendor documents none (the client then only pauses when the server answers 429 with Retry-After).
 */
export const rateLimit = ${renderRateLimit(rateLimitRule(spec['x-apiclients-rate-limit']))};
`;
}
