/** Property-based tests of the filter and sort builders: valid clauses round-trip; anything else is a ConfigurationError. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, FILTER_OPERATORS, filterParam, sortParam } from '../src/index.js';

const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_0123456789-:. '.split('')), minLength: 1, maxLength: 20 });

describe('filterParam', () => {
  it('writes valid clauses as field,operator,value joined with ;', () => {
    const clause = fc.tuple(word, fc.constantFrom(...FILTER_OPERATORS.filter((o) => o !== 'in')), word);
    fc.assert(
      fc.property(fc.array(clause, { minLength: 1, maxLength: 5 }), (clauses) => {
        const text = filterParam(clauses);
        expect(text.split(';').map((c) => c.split(','))).toEqual(clauses.map(([f, o, v]) => [f, o, v]));
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('throws nothing but ConfigurationError on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3, maxKeys: 5 }), (input) => {
        try {
          filterParam(input as never);
          sortParam(input as never);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigurationError);
        }
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);
});
