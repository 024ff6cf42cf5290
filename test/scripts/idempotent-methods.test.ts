/**
 * One rule, two languages: which HTTP methods are idempotent (RFC 9110 §9.2.2). The generator
 * (scripts/lib/operation-table.mjs, plain JavaScript) leaves `idempotent` out of an operation's entry when it is
 * the method's default, and core's `resolveOperation` fills that default back in from its own set
 * (packages/core/src/transport/idempotent-methods.ts). The two must agree on every method the generator reads, or
 * an operation would silently change its retry policy between the spec and the runtime.
 */
import { describe, expect, it } from 'vitest';
import { resolveOperation } from '@apiclients/core/internal';
import { buildOperationTable } from '../../scripts/lib/operation-table.mjs';

// Every method of RFC 9110 §9 that an OpenAPI path item can hold.
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The generator's row for one operation of `verb`, with no x-apiclients-idempotent; undefined if it skips the verb. */
function generatedIdempotent(verb: string): boolean | undefined {
  const spec = { openapi: '3.1.0', paths: { '/things': { [verb]: { operationId: `things_${verb}`, responses: {} } } } };
  const [row] = buildOperationTable(spec) as { idempotent: boolean }[];
  return row?.idempotent;
}

describe('the idempotent methods of the generator and of core agree', () => {
  it.each(METHODS)('%s', (verb) => {
    const generated = generatedIdempotent(verb);
    // The generator reads every method but TRACE (no spec of ours has one); for those it reads, the same verdict.
    if (verb === 'trace') expect(generated).toBeUndefined();
    else expect(generated, verb).toBe(resolveOperation({ resource: 'things', method: verb, verb, path: '/things' }).idempotent);
  });

  it('and the verdicts are RFC 9110 §9.2.2: GET, HEAD, OPTIONS, PUT, DELETE and TRACE yes, POST and PATCH no', () => {
    const idempotent = METHODS.filter((verb) => resolveOperation({ resource: 'things', method: verb, verb, path: '/things' }).idempotent);
    expect(idempotent.sort()).toEqual(['delete', 'get', 'head', 'options', 'put', 'trace']);
  });
});
