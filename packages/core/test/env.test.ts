import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from '../src/internal.js';

const NAME = 'APICLIENTS_CORE_TEST_VARIABLE';

describe('readEnv', () => {
  afterEach(() => {
    delete process.env[NAME];
  });

  it('reads a set variable', () => {
    process.env[NAME] = 'value';
    expect(readEnv(NAME)).toBe('value');
  });

  it('treats an unset or empty variable as absent', () => {
    expect(readEnv(NAME)).toBeUndefined();
    process.env[NAME] = '';
    expect(readEnv(NAME)).toBeUndefined();
  });
});
