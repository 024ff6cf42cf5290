/**
 * `/status` calls typed by the `format` asked for: the JSON shape by default and for `format: 'json'`, the CSV
 * text for `format: 'csv'`, either when the format is only known at run time. The calls themselves are the
 * bound operations; only their types are narrowed.
 */
import type { APIPromise, CallOptions, OperationParams, OperationResult, OperationTable, PathArgs } from '@apiclients/core/internal';

/** One `/status` call (path parameters, then `{ format }`, then options), its result following `format`. */
export interface StatusCall<Path extends unknown[], Params, Result> {
  (...args: [...Path, params: Params & { format: 'csv' }, options?: CallOptions]): APIPromise<Extract<Result, string>>;
  (...args: [...Path, params?: Params & { format?: 'json' }, options?: CallOptions]): APIPromise<Exclude<Result, string>>;
  (...args: [...Path, params?: Params, options?: CallOptions]): APIPromise<Result>;
}

type StatusIds<Table extends OperationTable> = { [Id in keyof Table]: Table[Id]['resource'] extends 'status' ? Id : never }[keyof Table];

/** Every `/status` call of a table, narrowed by format. */
export type StatusByFormat<Table extends OperationTable, Ops> = {
  [Id in StatusIds<Table> as Table[Id]['method']]: Id extends keyof Ops
    ? StatusCall<PathArgs<Ops[Id], Table[Id]> extends infer P extends unknown[] ? P : [], OperationParams<Ops[Id], Table[Id]>, OperationResult<Ops[Id]>>
    : never;
};
