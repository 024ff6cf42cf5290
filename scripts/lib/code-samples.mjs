// A TypeScript snippet per operation, calling our client in the flat-call shape, for the API reference
// (`x-codeSamples`, which Redocly shows beside each operation). Built from the operation table and the spec's own
// examples; an operation whose call on the client differs from its table entry says so with
// `x-apiclients-code-sample`. test/scripts/code-samples.test.ts type-checks every snippet against the packages.
import { resolveRef } from './resolve-ref.mjs';


/** The first example a parameter, media type or schema gives. */
function exampleOf(spec, node) {
  const resolved = resolveRef(spec, node);
  if (!resolved) return undefined;
  if (resolved.example !== undefined) return resolved.example;
  const first = Object.values(resolved.examples ?? {})[0];
  if (first !== undefined) return resolveRef(spec, first)?.value ?? first;
  if (resolved.schema) return exampleOf(spec, resolved.schema);
  if (Array.isArray(resolved.enum)) return resolved.enum[0];
  return undefined;
}

const literal = (value) => JSON.stringify(value).replace(/"/g, "'");
const key = (name) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : `'${name}'`);

function pathValue(spec, param, operation, pathItem) {
  const declared = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolveRef(spec, p)).find((p) => p?.name === param.name && p.in === 'path');
  const example = exampleOf(spec, declared);
  if (example !== undefined) return literal(example);
  return param.type === 'integer' || param.type === 'number' ? '1' : literal(param.name.replace(/Id$|_id$/, '') + '-id');
}

/** The flat object's fields for the snippet: required query parameters and the body's example, required fields first. */
function flatFields(spec, row, operation) {
  const fields = [];
  for (const param of row.params.filter((p) => p.in !== 'path' && p.required)) {
    const declared = (operation.parameters ?? []).map((p) => resolveRef(spec, p)).find((p) => p?.name === param.name);
    fields.push([param.name, exampleOf(spec, declared) ?? (param.type === 'integer' ? 1 : 'value')]);
  }
  const content = resolveRef(spec, operation.requestBody)?.content ?? {};
  const media = Object.keys(content).find((m) => /json|x-www-form-urlencoded/i.test(m));
  let example = media ? exampleOf(spec, content[media]) : undefined;
  if (row.envelope && example && typeof example === 'object') example = example[row.envelope];
  if (example && typeof example === 'object' && !Array.isArray(example)) {
    const entries = Object.entries(example).filter(([, value]) => value !== null);
    const wanted = row.bodyRequired.length ? entries.filter(([name]) => row.bodyRequired.includes(name)) : entries.slice(0, 2);
    if (row.bodyParam) fields.push([row.bodyParam, Object.fromEntries(wanted)]);
    else fields.push(...wanted);
  }
  return fields;
}

/** `{ title: 'Project Unicorn' }`, or '' when there is nothing to pass. */
function flatObject(fields) {
  if (fields.length === 0) return '';
  return `{ ${fields.map(([name, value]) => `${key(name)}: ${literal(value)}`).join(', ')} }`;
}

/**
 * The snippet of every operation of a spec, by operationId. `client` is the spec's `x-apiclients-client`
 * (`{ class }`); the package is `@apiclients/<vendor>` and the variable is named after the vendor.
 */
export function codeSamples(spec, rows, vendor) {
  const clientClass = spec['x-apiclients-client']?.class;
  if (!clientClass) throw new Error(`specs/${vendor}.yaml: x-apiclients-client { class } names the client class for its code samples`);
  const clientParams = spec['x-apiclients-client-params'] ?? [];
  const header = `import { ${clientClass} } from '@apiclients/${vendor}';\n\nconst ${vendor} = new ${clientClass}();\n`;
  const samples = {};
  for (const row of rows) {
    const pathItem = spec.paths[row.path];
    const operation = pathItem[row.verb];
    const custom = operation['x-apiclients-code-sample'];
    if (custom) {
      samples[row.operationId] = `import { ${clientClass} } from '@apiclients/${vendor}';\n\n${custom.trim()}\n`;
      continue;
    }
    const args = row.params.filter((p) => p.in === 'path' && !clientParams.includes(p.name)).map((p) => pathValue(spec, p, operation, pathItem));
    const flat = flatObject(flatFields(spec, row, operation));
    if (flat) args.push(flat);
    const call = `${vendor}.${row.resource}.${row.method}(${args.join(', ')})`;
    const body = row.pagination
      ? `for await (const item of ${call}) console.log(item);\n`
      : row.responses.length === 0 || row.verb === 'delete'
        ? `await ${call};\n`
        : `const result = await ${call};\nconsole.log(result);\n`;
    samples[row.operationId] = header + body;
  }
  return samples;
}
