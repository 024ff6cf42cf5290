// Step 4 of generation: the client's method signatures, one interface per resource, with each operation's summary,
// method, path and a link to its page in the API reference, so an editor's hover and TypeDoc show
// `get(roomId: string, options?: CallOptions): APIPromise<Room>` rather than a mapped type. Types only: the runtime
// binding (packages/core, bindOperations) builds the methods from the operation table.
import { resolveRef } from './resolve-ref.mjs';

// Names a generated type alias must not take: the globals the schema names would shadow.
const GLOBALS = new Set(['Error', 'Event', 'File', 'Blob', 'Request', 'Response', 'Headers', 'Object', 'Date', 'Function', 'Array', 'Record', 'Promise']);
// Words a parameter may not be named in TypeScript.
const RESERVED = new Set(['break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'options', 'params']);

const pascal = (name) => name.replace(/(^|[-_.\s]+)([a-zA-Z0-9])/g, (_, __, c) => c.toUpperCase());
const identifier = (name) => {
  const safe = name.replace(/[^A-Za-z0-9_$]/g, '_').replace(/^(\d)/, '_$1');
  return RESERVED.has(safe) ? `${safe}_` : safe;
};


const schemaName = (node) => (typeof node?.$ref === 'string' && /^#\/components\/schemas\/[^/]+$/.test(node.$ref) ? node.$ref.split('/').pop() : undefined);

/** The TypeScript type of a schema when it is a named schema with an alias, else undefined. */
function namedType(node, aliases) {
  const name = schemaName(node);
  return name && aliases.has(name) ? name : undefined;
}

/** The success responses' schemas by media type. */
function successContent(spec, operation) {
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    if (/^2/.test(status) && resolveRef(spec, response)?.content) return resolveRef(spec, response).content;
  }
  return null;
}

function resultType(spec, operation, id, aliases) {
  const content = successContent(spec, operation);
  if (!content) return `OperationResult<operations['${id}']>`;
  const parts = [];
  for (const [media, { schema }] of Object.entries(content)) {
    if (!/json/i.test(media)) parts.push('string');
    else parts.push(namedType(schema, aliases) ?? null);
  }
  return parts.includes(null) || parts.length === 0 ? `OperationResult<operations['${id}']>` : [...new Set(parts)].join(' | ');
}

function itemType(spec, operation, id, itemsPath, aliases) {
  const json = Object.entries(successContent(spec, operation) ?? {}).find(([media]) => /json/i.test(media))?.[1]?.schema;
  let node = resolveRef(spec, json);
  for (const key of itemsPath ? itemsPath.split('.') : []) node = resolveRef(spec, node?.properties?.[key]);
  const named = node?.type === 'array' ? namedType(node.items, aliases) : undefined;
  return named ?? `ItemOf<operations['${id}'], ${itemsPath ? `'${itemsPath}'` : 'undefined'}>`;
}

/**
 * A TSDoc comment: summary, the first paragraph of the description, method and path, and the reference page. The
 * link is relative to where TypeDoc shows the comment, a page one folder down in the package's reference
 * (`site/api/<package>/interfaces/…`), so it climbs three folders to `site/<vendor>.html`.
 */
function docComment(vendor, id, verb, path, operation, indent) {
  const clean = (text) => String(text ?? '').replace(/\*\//g, '*\\/').replace(/@/g, '\\@').trim();
  const lines = [clean(operation.summary)];
  const paragraph = clean(operation.description).split(/\n\s*\n/)[0]?.replace(/\s+/g, ' ');
  if (paragraph && paragraph !== lines[0]) lines.push('', paragraph);
  lines.push('', `\`${verb.toUpperCase()} ${path}\` · [API reference](../../../${vendor}.html#operation/${id})`);
  return [`${indent}/**`, ...lines.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)), `${indent} */`].join('\n');
}

/** A path parameter's type as a reader wants to see it: `string`, `number`, or the spec's type where it has an enum. */
function pathType(param, id) {
  if (!param.enum && param.type === 'string') return 'string';
  if (!param.enum && (param.type === 'integer' || param.type === 'number')) return 'number';
  return `operations['${id}']['parameters']['path']['${param.name}']`;
}

/** The client.ts text for one spec: schema aliases, a Params type per operation, an interface per resource. */
export function renderClientTypes(spec, rows, header, vendor) {
  const clientParams = spec['x-apiclients-client-params'] ?? [];
  const defaulted = clientParams.length ? clientParams.map((p) => `'${p}'`).join(' | ') : 'never';
  const schemas = Object.keys(spec.components?.schemas ?? {});
  const aliases = new Set(schemas.filter((name) => !GLOBALS.has(name) && /^[A-Z][A-Za-z0-9]*$/.test(name)));
  const out = [
    header.trimEnd(),
    '',
    "import type { APIPromise, CallOptions, PagedList } from '@apiclients/core';",
    "import type { ItemOf, OperationParams, OperationResult } from '@apiclients/core/internal';",
    "import type { operationTable } from './operations.js';",
    "import type { components, operations } from './schema.js';",
    '',
    'type Table = typeof operationTable;',
    '/** Path parameters the client fills in itself (never passed to a call). */',
    `export type ClientParams = ${defaulted};`,
    '',
    ...[...aliases].map((name) => `/** The \`${name}\` schema of the spec. */\nexport type ${name} = components['schemas']['${name}'];`),
    '',
  ];
  const byResource = new Map();
  for (const row of rows) {
    const operation = spec.paths[row.path][row.verb];
    const id = row.operationId;
    const positional = row.params.filter((p) => p.in === 'path' && !clientParams.includes(p.name));
    const flat = row.params.filter((p) => p.in !== 'path');
    const hasFlat = flat.length > 0 || row.requestBody.length > 0;
    const paramsName = `${pascal(row.resource)}${pascal(row.method)}Params`;
    const args = positional.map((p) => `${identifier(p.name)}: ${pathType(p, id)}`);
    if (hasFlat) {
      const required = flat.some((p) => p.required) || row.bodyRequired.length > 0 || (row.bodyParam && resolveRef(spec, operation.requestBody)?.required === true);
      out.push(`/** The flat argument object of \`${row.resource}.${row.method}\`: its query parameters and body fields, as the API spells them. */`);
      out.push(`export type ${paramsName} = OperationParams<operations['${id}'], Table['${id}'], ClientParams>;`);
      args.push(`params${required ? '' : '?'}: ${paramsName}`);
    }
    args.push('options?: CallOptions');
    const returns = row.pagination ? `PagedList<${itemType(spec, operation, id, row.pagination.items, aliases)}>` : `APIPromise<${resultType(spec, operation, id, aliases)}>`;
    const method = `${docComment(vendor, id, row.verb, row.path, operation, '  ')}\n  ${row.method}(${args.join(', ')}): ${returns};`;
    if (!byResource.has(row.resource)) byResource.set(row.resource, []);
    byResource.get(row.resource).push(method);
  }
  out.push('');
  for (const [resource, methods] of byResource) {
    out.push(`/** \`client.${resource}\`: the ${resource} operations of the spec. */`, `export interface ${pascal(resource)}Resource {`, methods.join('\n'), '}', '');
  }
  out.push('/** Every resource of the spec, as the client\'s properties. */', 'export interface Resources {');
  for (const resource of byResource.keys()) out.push(`  ${resource}: ${pascal(resource)}Resource;`);
  out.push('}', '');
  return out.join('\n');
}
