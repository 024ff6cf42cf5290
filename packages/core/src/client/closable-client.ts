/** What every vendor client has at its end: `close()`, and `await using` through `Symbol.asyncDispose`. */

/** The base of every vendor client: closing it releases its connections. */
export abstract class ClosableClient {
  #close: () => Promise<void> = async () => {};

  /** Called by the vendor's constructor with what closes its transport. */
  protected closeWith(close: () => Promise<void>): void {
    this.#close = close;
  }

  /**
   * Releases the client's connections (in Node, its pool's keep-alive sockets); requests made afterwards fail.
   * A script need not call it to exit: idle connections never keep the process alive.
   */
  close(): Promise<void> {
    return this.#close();
  }

  /** `await using client = new …Client()` closes the client at the end of the block. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
