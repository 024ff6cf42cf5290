/**
 * What every call of a client returns: a Promise of the data that can also give the response beside it,
 * `await client.rooms.get(id).withResponse()` → `{ data, response: { status, headers, url }, requestId }`.
 */

/** The response a call's data came in: its status, headers and the URL that answered (after redirects). */
export interface ResponseInfo {
  /** HTTP status. */
  status: number;
  /** HTTP status text (often empty over HTTP/2). */
  statusText: string;
  /** The response headers (rate-limit headers, Webex's `TrackingID`, …). */
  headers: Headers;
  /** The URL that answered, after redirects, without the credential. */
  url: string;
}

/** A call's data with the response it came in. */
export interface WithResponse<T> {
  /** What the call resolves to. */
  data: T;
  /** Status, headers and URL of the response. */
  response: ResponseInfo;
  /** The vendor's request id (Webex `TrackingID`, `x-request-id`, …), when the response carries one. */
  requestId: string | undefined;
}

/**
 * A Promise of a call's data, with {@link APIPromise.withResponse} for the response beside it. The request is
 * already under way when the call returns; awaiting either form does not send it again.
 */
export class APIPromise<T> extends Promise<T> {
  readonly #answer: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  /** Wraps the answer of a call (the vendor packages build these; users get them from calls). */
  constructor(answer: Promise<WithResponse<T>>) {
    // The base promise is a placeholder: then/catch/finally below read the answer instead.
    super((resolve) => resolve(undefined as T));
    this.#answer = answer;
  }

  // Promise's own methods (then, Promise.all) build plain Promises from an APIPromise, not APIPromises.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** The data with the response it came in; rejects with the same typed error as the call. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#answer;
  }

  #parsed(): Promise<T> {
    return (this.#data ??= this.#answer.then((answer) => answer.data));
  }

  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#parsed().then(onfulfilled, onrejected);
  }

  override catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#parsed().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#parsed().finally(onfinally);
  }
}

/** An APIPromise of `map(data)` with the same response: what a client's own methods return over a bound call. */
export function mapData<T, U>(promise: APIPromise<T>, map: (data: T) => U): APIPromise<U> {
  return new APIPromise(promise.withResponse().then((answer) => ({ ...answer, data: map(answer.data) })));
}
