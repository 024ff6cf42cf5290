/**
 * Type-level binding of a generated operation table to openapi-typescript's `operations` interface:
 * camelCase argument objects, result types from the success responses, item types for lists.
 * Nothing here exists at run time.
 */
import type { CallOptions } from './call-options.js';
import type { OperationTable } from './operation-table.js';
import type { PagedList } from './paged-list.js';

/** `per_page` → `perPage`, `x-request-id` → `xRequestId`. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S extends `${infer Head}-${infer Tail}`
    ? `${Head}${Capitalize<CamelCase<Tail>>}`
    : S;

/** An object with camelCase keys. */
export type CamelKeys<T> = { [K in keyof T as K extends string ? CamelCase<K> : K]: T[K] };

type Present<T> = [NonNullable<T>] extends [never] ? {} : NonNullable<T>;
type ParamGroup<Op, Where extends string> = Op extends { parameters: infer P }
  ? Where extends keyof P
    ? CamelKeys<Present<P[Where]>>
    : {}
  : {};

type JsonBody<Op> = Op extends { requestBody?: infer B }
  ? NonNullable<B> extends { content: infer C }
    ? C extends { 'application/json': infer J }
      ? J
      : C[keyof C]
    : never
  : never;

// x-apiclients-envelope: the caller passes what goes inside the envelope.
type Unwrapped<Body, Entry> = Entry extends { envelope: infer E extends string } ? (E extends keyof Body ? Body[E] : Body) : Body;

type BodyArg<Op, Entry> = [JsonBody<Op>] extends [never]
  ? {}
  : Op extends { requestBody: unknown }
    ? { body: Unwrapped<JsonBody<Op>, Entry> }
    : { body?: Unwrapped<JsonBody<Op>, Entry> };

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type Optional<T, K extends PropertyKey> = Simplify<Omit<T, K & keyof T> & Partial<Pick<T, K & keyof T>>>;

/**
 * The argument object of an operation: its path and query parameters in camelCase, and `body`.
 * Arguments the client fills in itself (`Defaulted`, such as Statuspage's `pageId`) are optional.
 */
export type OperationArgs<Op, Entry = unknown, Defaulted extends string = never> = Optional<
  ParamGroup<Op, 'path'> & ParamGroup<Op, 'query'> & BodyArg<Op, Entry>,
  Defaulted
>;

type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/** The argument list: optional when nothing is required. */
export type ArgsTuple<Op, Entry = unknown, Defaulted extends string = never> = [
  RequiredKeys<OperationArgs<Op, Entry, Defaulted>>,
] extends [never]
  ? [args?: OperationArgs<Op, Entry, Defaulted>, options?: CallOptions]
  : [args: OperationArgs<Op, Entry, Defaulted>, options?: CallOptions];

type SuccessStatus = 200 | 201 | 202 | 203 | 206 | '2XX';
type SuccessContent<Op> = Op extends { responses: infer R }
  ? { [S in keyof R]: S extends SuccessStatus ? (R[S] extends { content: infer C } ? C : never) : never }[keyof R]
  : never;
type Decoded<C> = C extends object ? { [M in keyof C]: M extends `${string}json${string}` ? C[M] : string }[keyof C] : never;

/** What an operation resolves to: the JSON schema type, `string` for text media types, void with no content. */
export type OperationResult<Op> = [Decoded<SuccessContent<Op>>] extends [never] ? void : Decoded<SuccessContent<Op>>;

/** The JSON body of an operation's success response. */
export type OperationJson<Op> = SuccessContent<Op> extends infer C
  ? C extends { 'application/json': infer J }
    ? J
    : never
  : never;

type At<T, Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<NonNullable<T[Head]>, Rest>
    : never
  : Path extends keyof T
    ? NonNullable<T[Path]>
    : never;

/** The item type of a paginated operation, found at its `items` path (or the body itself when it is the list). */
export type ItemOf<Op, ItemsPath> = (ItemsPath extends string ? At<OperationJson<Op>, ItemsPath> : OperationJson<Op>) extends
  readonly (infer Item)[]
  ? Item
  : never;

/** The function an operation becomes. */
export type OperationFunction<Op, Entry, Defaulted extends string = never> = Entry extends {
  pagination: infer Policy extends object;
}
  ? (...args: ArgsTuple<Op, Entry, Defaulted>) => PagedList<ItemOf<Op, Policy extends { items: infer Path } ? Path : undefined>>
  : (...args: ArgsTuple<Op, Entry, Defaulted>) => Promise<OperationResult<Op>>;

/** Every operation of a table as `client.<resource>.<method>(args, options)`. */
export type BoundOperations<Table extends OperationTable, Ops, Defaulted extends string = never> = {
  [R in Table[keyof Table]['resource']]: {
    [Id in keyof Table as Table[Id]['resource'] extends R ? Table[Id]['method'] : never]: Id extends keyof Ops
      ? OperationFunction<Ops[Id], Table[Id], Defaulted>
      : never;
  };
};
