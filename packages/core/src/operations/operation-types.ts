/**
 * Type-level binding of a generated operation table to openapi-typescript's `operations` interface:
 * positional path parameters and a flat object of query and body fields, result types from the success
 * responses, item types for lists.
 * Nothing here exists at run time.
 */
import type { APIPromise } from './api-promise.js';
import type { CallOptions } from './call-options.js';
import type { OperationTable } from './operation-table.js';
import type { PagedList } from '../paging/paged-list.js';

type Present<T> = [NonNullable<T>] extends [never] ? {} : NonNullable<T>;
type ParamGroup<Op, Where extends string> = Op extends { parameters: infer P } ? (Where extends keyof P ? Present<P[Where]> : {}) : {};

type JsonBody<Op> = Op extends { requestBody?: infer B }
  ? NonNullable<B> extends { content: infer C }
    ? C extends { 'application/json': infer J }
      ? J
      : C[keyof C]
    : never
  : never;

// x-apiclients-envelope: the caller passes what goes inside the envelope.
type Unwrapped<Body, Entry> = Entry extends { envelope: infer E extends string } ? (E extends keyof Body ? Body[E] : Body) : Body;

/** What a call may pass whole as `rawBody` where the operation takes a body that is not JSON (multipart, text, bytes). */
export type RawBody = FormData | Blob | string | Uint8Array | ArrayBuffer;

type TakesRawBody<Entry> = Entry extends { requestBody: readonly (infer M)[] } ? (Exclude<M, `${string}json${string}`> extends never ? false : true) : false;

// A body schema's fields, flat beside the parameters; a union body (oneOf) stays a union of flat objects. With
// x-apiclients-body-param (a field would clash with a parameter), the body is one key of the flat object instead.
type BodyFields<Op, Entry> = [JsonBody<Op>] extends [never]
  ? {}
  : Entry extends { bodyParam: infer K extends string }
    ? Op extends { requestBody: unknown }
      ? { [P in K]: Unwrapped<JsonBody<Op>, Entry> }
      : { [P in K]?: Unwrapped<JsonBody<Op>, Entry> }
    : Unwrapped<JsonBody<Op>, Entry>;

type Simplify<T> = T extends unknown ? { [K in keyof T]: T[K] } & {} : never;

type Flat<Op, Entry, Defaulted extends string> = Simplify<
  Omit<ParamGroup<Op, 'query'> & ParamGroup<Op, 'header'>, Defaulted> & (BodyFields<Op, Entry> extends infer B ? (B extends object ? B : {}) : {})
>;

/**
 * The flat argument object of an operation: its query parameters and its body's fields side by side, spelt as
 * the API spells them (the client adds any envelope). Where the operation takes a non-JSON body, `{ rawBody }`
 * passes one whole instead of the fields.
 */
export type OperationParams<Op, Entry = unknown, Defaulted extends string = never> =
  | Flat<Op, Entry, Defaulted>
  | (TakesRawBody<Entry> extends true ? Simplify<Omit<ParamGroup<Op, 'query'>, Defaulted> & { rawBody: RawBody }> : never);

type PathNames<Params, Defaulted extends string> = Params extends readonly [infer Head, ...infer Tail]
  ? Head extends { in: 'path'; name: infer N extends string }
    ? N extends Defaulted
      ? PathNames<Tail, Defaulted>
      : [N, ...PathNames<Tail, Defaulted>]
    : PathNames<Tail, Defaulted>
  : [];

type PathValues<Op, Names> = { [I in keyof Names]: Names[I] extends keyof ParamGroup<Op, 'path'> ? ParamGroup<Op, 'path'>[Names[I]] : never };

/** The path parameters an operation takes positionally, in the order of its path (those the client fills in left out). */
export type PathArgs<Op, Entry, Defaulted extends string = never> = Entry extends { params: infer P }
  ? PathValues<Op, PathNames<P, Defaulted>>
  : [];

type RequiredKeys<T> = T extends unknown ? { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T] : never;

type HasFlat<Op, Entry, Defaulted extends string> = [keyof Flat<Op, Entry, Defaulted>] extends [never]
  ? Entry extends { requestBody: readonly [unknown, ...unknown[]] }
    ? true
    : false
  : true;

type AfterPath<Op, Entry, Defaulted extends string> =
  HasFlat<Op, Entry, Defaulted> extends true
    ? [RequiredKeys<OperationParams<Op, Entry, Defaulted>>] extends [never]
      ? [params?: OperationParams<Op, Entry, Defaulted>, options?: CallOptions]
      : [params: OperationParams<Op, Entry, Defaulted>, options?: CallOptions]
    : [options?: CallOptions];

/** The argument list: path parameters in order, then the flat object (optional when nothing in it is required), then options. */
export type ArgsTuple<Op, Entry = unknown, Defaulted extends string = never> = [
  ...PathArgs<Op, Entry, Defaulted>,
  ...AfterPath<Op, Entry, Defaulted>,
];

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
  : (...args: ArgsTuple<Op, Entry, Defaulted>) => APIPromise<OperationResult<Op>>;

/** Every operation of a table as `client.<resource>.<method>(...pathParams, params, options)`. */
export type BoundOperations<Table extends OperationTable, Ops, Defaulted extends string = never> = {
  [R in Table[keyof Table]['resource']]: {
    [Id in keyof Table as Table[Id]['resource'] extends R ? Table[Id]['method'] : never]: Id extends keyof Ops
      ? OperationFunction<Ops[Id], Table[Id], Defaulted>
      : never;
  };
};
