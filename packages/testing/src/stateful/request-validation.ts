/**
 * Checks requests against the spec the way the real API would refuse them: required and typed query parameters,
 * and a JSON body that must match the operation's schema (JSON Schema 2020-12, as OpenAPI 3.1 writes it).
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { deref, type Json } from './spec-ref.js';

/** A request as the checks see it: its query and its parsed JSON body (`undefined` when it has none). */
export type RequestCheck = (query: URLSearchParams, body: unknown, mediaType: string | undefined) => string[];

// ajv-formats is CommonJS with a default export; under Node's ESM interop it arrives as the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void;

/** Builds the checker of each operation of `doc`, compiling its schemas on first use. */
export function requestValidators(doc: Json): (parameters: Json[], requestBody: Json | undefined) => RequestCheck {
  const bodies = newAjv(false);
  const queries = newAjv(true);
  bodies.addSchema({ ...doc, $id: 'spec.json' });
  queries.addSchema({ ...doc, $id: 'spec.json' });
  return (parameters, requestBody) => {
    let query: ValidateFunction | undefined;
    let body: ValidateFunction | undefined;
    return (params, value, mediaType) => {
      const problems: string[] = [];
      query ??= queries.compile(querySchema(doc, parameters));
      const asObject: Record<string, unknown> = {};
      for (const key of new Set(params.keys())) {
        const all = params.getAll(key);
        asObject[key] = all.length > 1 ? all : all[0];
      }
      if (!query(asObject)) problems.push(...describe(query.errors, 'query'));
      const resolved = deref(doc, requestBody);
      const json = (resolved?.content as Json | undefined)?.['application/json'] as Json | undefined;
      if (resolved?.required && value === undefined) problems.push('the request body is required');
      else if (json?.schema && value !== undefined && (mediaType === undefined || /json/i.test(mediaType))) {
        body ??= bodies.compile(rebase(json.schema) as Json);
        if (!body(value)) problems.push(...describe(body.errors, 'body'));
      }
      return problems;
    };
  };
}

function newAjv(coerceTypes: boolean): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: coerceTypes ? 'array' : false, logger: false, validateFormats: true });
  addFormats(ajv);
  return ajv;
}

function querySchema(doc: Json, parameters: Json[]): Json {
  const properties: Json = {};
  const required: string[] = [];
  for (const raw of parameters) {
    const param = deref(doc, raw) ?? {};
    if (param.in !== 'query') continue;
    properties[String(param.name)] = rebase(param.schema ?? {});
    if (param.required) required.push(String(param.name));
  }
  return { type: 'object', properties, required };
}

/** A schema copied out of the document keeps its `$ref`s pointing into it. */
function rebase(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema), (key, value) => (key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `spec.json${value}` : value));
}

function describe(errors: ErrorObject[] | null | undefined, where: 'query' | 'body'): string[] {
  return (errors ?? []).map((error) => {
    const at = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const missing = error.keyword === 'required' ? String(error.params.missingProperty) : '';
    const field = [at, missing].filter(Boolean).join('.');
    return `${where === 'query' ? 'parameter' : 'field'} ${field ? `'${field}'` : '(the body)'} ${error.message ?? 'is invalid'}`;
  });
}
