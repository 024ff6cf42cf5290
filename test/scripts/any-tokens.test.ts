import { describe, expect, it } from 'vitest';
import { anyKeywordLines } from '../../scripts/lib/any-tokens.mjs';

describe('anyKeywordLines', () => {
  it('finds `any` in types, not in comments, strings or names', () => {
    const dts = [
      '/** Accepts any value, if any. */',
      'declare function f(x: any): void;',
      "declare const s: 'any';",
      'declare const anything: string;',
      'type T = Record<string, any>;',
    ].join('\n');
    expect(anyKeywordLines(dts)).toEqual([2, 5]);
  });
});
