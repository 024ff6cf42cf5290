/**
 * `/status` calls typed by the `format` asked for: the JSON shape by default and for `format: 'json'`, the CSV
 * text for `format: 'csv'`, either when the format is only known at run time. The calls themselves are the
 * bound operations; only their types are narrowed.
 */
import type { CallOptions } from '@apiclients/core';

type Args<Fn> = Fn extends (args: infer A, ...rest: never[]) => unknown ? NonNullable<A> : never;
type Result<Fn> = Fn extends (...args: never[]) => Promise<infer R> ? R : never;

/** One `/status` call, its result following `format`. */
export interface StatusCall<Fn> {
  (args: Args<Fn> & { format: 'csv' }, options?: CallOptions): Promise<Extract<Result<Fn>, string>>;
  (
    ...args: {} extends Args<Fn>
      ? [args?: Args<Fn> & { format?: 'json' }, options?: CallOptions]
      : [args: Args<Fn> & { format?: 'json' }, options?: CallOptions]
  ): Promise<Exclude<Result<Fn>, string>>;
  (args: Args<Fn>, options?: CallOptions): Promise<Result<Fn>>;
}

/** Every `/status` call of a bound group, narrowed by format. */
export type StatusByFormat<Group> = { [Level in keyof Group]: StatusCall<Group[Level]> };
