/**
 * Validates values against the schemas of one of our specs (OpenAPI 3.1 schemas are JSON Schema 2020-12).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export const repoRoot = join(import.meta.dirname, '..', '..');
/** `../shared/reference` beside the repository. */
export const referenceDir = join(repoRoot, '..', 'shared', 'reference');

export function loadSpec(vendor: string): Record<string, any> {
  return parse(readFileSync(join(repoRoot, 'specs', `${vendor}.yaml`), 'utf8'));
}

/** `validate(schemaName | schema, value)` → list of errors (empty when valid). */
export function specValidator(vendor: string) {
  const spec = loadSpec(vendor);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const id = `https://apiclients.test/${vendor}`;
  ajv.addSchema({ $id: id, components: spec.components }, id);
  return {
    spec,
    validate(schema: string | Record<string, unknown>, value: unknown): string[] {
      const ref = typeof schema === 'string' ? { $ref: `${id}#/components/schemas/${schema}` } : resolveRefs(schema, id);
      const check = ajv.compile(ref);
      return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
    },
  };
}

// Inline schemas in paths use local refs (#/components/...): point them at the registered document.
function resolveRefs(schema: Record<string, unknown>, id: string): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', `"$ref":"${id}#/`));
}

/** Every media-type example of every operation response, with the schema it must match. */
export function responseExamples(spec: Record<string, any>) {
  const out: { where: string; schema: Record<string, unknown>; value: unknown }[] = [];
  const deref = (node: any) => {
    while (node?.$ref) node = node.$ref.replace(/^#\//, '').split('/').reduce((o: any, k: string) => o?.[k], spec);
    return node;
  };
  for (const [path, item] of Object.entries<any>(spec.paths ?? {})) {
    for (const [verb, op] of Object.entries<any>(item)) {
      for (const [status, response] of Object.entries<any>(op?.responses ?? {})) {
        for (const [media, content] of Object.entries<any>(deref(response)?.content ?? {})) {
          const examples = Object.entries<any>(content.examples ?? {}).map(([name, ex]) => [name, deref(ex).value] as const);
          if ('example' in content) examples.push(['example', content.example]);
          for (const [name, value] of examples) {
            out.push({ where: `${verb.toUpperCase()} ${path} ${status} ${media} ${name}`, schema: content.schema, value });
          }
        }
      }
    }
  }
  return out;
}

/** Every named example of a spec (`components.examples`: request bodies and responses alike), with where it is. */
export function namedExamples(spec: Record<string, any>): { where: string; value: unknown }[] {
  return Object.entries<{ value: unknown }>(spec.components?.examples ?? {}).map(([name, example]) => ({ where: `components.examples.${name}`, value: example.value }));
}
