import { ConfigurationError } from '@apiclients/core';

/** The options of startMockServer that become `prism mock` flags. */
export interface PrismFlagOptions {
  dynamic?: boolean;
  seed?: string | number;
  errors?: boolean;
}

/**
 * The `prism mock` flags for the options (prism-cli 5.14: `--dynamic`, `--seed`, `--errors`).
 *
 * @throws {ConfigurationError} For a seed without dynamic data: Prism would ignore it.
 */
export function prismArgs(options: PrismFlagOptions): string[] {
  const args: string[] = [];
  if (options.dynamic) args.push('--dynamic');
  if (options.seed !== undefined) {
    if (!options.dynamic) throw new ConfigurationError('seed only applies to generated data: pass dynamic: true with it.');
    args.push('--seed', String(options.seed));
  }
  if (options.errors) args.push('--errors');
  return args;
}
