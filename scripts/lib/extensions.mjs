// Step 2 of generation: every x-apiclients-* extension of a spec checked against its schema, so a misspelt
// pagination style or a stray key fails `npm run generate` naming the operation, not a request at run time.
import Ajv from 'ajv';

const name = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*$' };
// A duration as specs write it: `500ms`, `1s`, `60s`, `1m`, `1h`.
const duration = { type: 'string', pattern: '^[1-9][0-9]*(ms|s|m|h)$' };
// A documented request budget: `requests` per `per`, measured by the vendor over a rolling `window` (default:
// `per`), counted `by` credential (each API key or token has its own).
const rateLimit = {
  type: 'object',
  additionalProperties: false,
  required: ['requests', 'per', 'by'],
  properties: { requests: { type: 'integer', minimum: 1 }, per: duration, window: duration, by: { enum: ['credential'] } },
};
const dotted = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$' };

/** Where each extension may stand, and the schema of its value (packages/core/src/operations/operation-table.ts reads them). */
export const EXTENSIONS = {
  document: {
    // Path parameters the client fills in from its options (Statuspage's page and organization): no call passes them.
    'x-apiclients-client-params': { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    // The client class of the vendor's package, for the API reference's code samples.
    'x-apiclients-client': { type: 'object', additionalProperties: false, required: ['class'], properties: { class: name } },
    // The vendor's documented rate limit for every operation (Statuspage: 1 request a second per key).
    'x-apiclients-rate-limit': rateLimit,
    // The fixed port of the vendor's mock in `npm run mock` and `npm start` (scripts/lib/vendors.mjs); without it the
    // mock gets a spare port.
    'x-apiclients-mock-port': { type: 'integer', minimum: 1024, maximum: 65535 },
  },
  operation: {
    'x-apiclients-resource': name,
    'x-apiclients-method': name,
    'x-apiclients-envelope': { type: 'string', minLength: 1 },
    'x-apiclients-idempotent': { type: 'boolean' },
    // A stricter documented limit of one operation, counted on top of the document's.
    'x-apiclients-rate-limit': rateLimit,
    'x-apiclients-body-param': name,
    // Other methods of the same path this operation stands for in the coverage report (Statuspage's PUT twins of
    // its PATCH updates, which take the same body).
    'x-apiclients-covers': { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['get', 'put', 'post', 'delete', 'patch'] } },
    // The API reference's snippet, where the call on the client is not the table's (VSS login, Webex OAuth).
    'x-apiclients-code-sample': { type: 'string', minLength: 1 },
    'x-apiclients-pagination': {
      type: 'object',
      additionalProperties: false,
      required: ['style'],
      properties: {
        style: { enum: ['link', 'next-url', 'page-number'] },
        items: dotted,
        next: dotted,
        totalPages: dotted,
        pageParam: { type: 'string', minLength: 1 },
        perPageParam: { type: 'string', minLength: 1 },
        start: { type: 'integer', minimum: 0 },
        endOnEmptyPage: { type: 'boolean' },
        defaultPerPage: { type: 'integer', minimum: 1 },
      },
      allOf: [
        { if: { properties: { style: { const: 'next-url' } } }, then: { required: ['next'] } },
        { if: { properties: { style: { const: 'page-number' } } }, then: { required: ['pageParam'] } },
      ],
    },
  },
  parameter: {
    'x-apiclients-accept': { type: 'object', minProperties: 1, additionalProperties: { type: 'string', pattern: '^[a-z]+/[A-Za-z0-9.+-]+$' } },
  },
};

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = Object.fromEntries(
  Object.entries(EXTENSIONS).map(([where, schemas]) => [where, Object.fromEntries(Object.entries(schemas).map(([key, s]) => [key, ajv.compile(s)]))]),
);

/** The problems of the x-apiclients-* keys of one object (`where`: operation or parameter), each naming `label`. */
export function extensionProblems(node, where, label) {
  const problems = [];
  for (const [key, value] of Object.entries(node ?? {})) {
    if (!key.startsWith('x-apiclients-')) continue;
    const validate = validators[where][key];
    if (!validate) {
      const known = Object.keys(validators[where]).join(', ');
      problems.push(`${label}: ${key} is not an extension of a${where === 'operation' ? 'n' : ''} ${where} (known: ${known})`);
    } else if (!validate(value)) {
      const detail = validate.errors.map((e) => `${e.instancePath || '(value)'} ${e.message}${e.params?.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : ''}`);
      problems.push(`${label}: ${key} ${detail.join('; ')}`);
    }
  }
  return problems;
}
