/**
 * Spec quality (issue 8): every operation of every spec has an operationId, a summary, a description, a tag and
 * at least one example (on a response or the request body), and lint runs with no ignore file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSpecs, readSpec, root } from '../../scripts/lib/specs.mjs';

type Node = Record<string, any>;
const VERBS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function deref(spec: Node, node: Node | undefined): Node | undefined {
  let current = node;
  while (current?.$ref) current = current.$ref.replace(/^#\//, '').split('/').reduce((o: Node, k: string) => o?.[k], spec);
  return current;
}

/** Whether a media-type map carries an example (`example`, or `examples` with at least one entry). */
function hasExample(spec: Node, content: Node | undefined): boolean {
  return Object.values(content ?? {}).some((media: Node) => media.example !== undefined || Object.keys(media.examples ?? {}).length > 0 || deref(spec, media.schema)?.example !== undefined);
}

describe.each(listSpecs().map((s: { vendor: string; file: string }) => [s.vendor, s.file] as const))('%s spec', (vendor, file) => {
  const spec: Node = readSpec(file);
  const operations = Object.entries<Node>(spec.paths).flatMap(([path, item]) =>
    VERBS.filter((verb) => item[verb]).map((verb) => ({ where: `${verb.toUpperCase()} ${path}`, op: item[verb] as Node })),
  );

  it('has operations', () => expect(operations.length).toBeGreaterThan(0));

  it('names, summarises, describes and tags every operation', () => {
    const missing = operations.flatMap(({ where, op }) =>
      ['operationId', 'summary', 'description'].filter((field) => typeof op[field] !== 'string' || op[field].trim() === '').concat(op.tags?.length ? [] : ['tags']).map((field) => `${where}: ${field}`),
    );
    expect(missing).toEqual([]);
  });

  it('gives every operation at least one example', () => {
    const without = operations
      .filter(({ op }) => !hasExample(spec, deref(spec, op.requestBody)?.content) && !Object.values<Node>(op.responses ?? {}).some((r) => hasExample(spec, deref(spec, r)?.content)))
      .map(({ where }) => where);
    expect(without).toEqual([]);
  });

  it(`is linted with no ignore file (${vendor})`, () => {
    expect(existsSync(join(root, '.redocly.lint-ignore.yaml'))).toBe(false);
    expect(existsSync(join(root, 'specs', '.redocly.lint-ignore.yaml'))).toBe(false);
  });
});
