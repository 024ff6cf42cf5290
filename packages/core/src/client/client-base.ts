/**
 * What every vendor client class has beside its resources: `use()`, to add middleware to its transport, and (from
 * {@link ClosableClient}) `close()` and `Symbol.asyncDispose`, to release its connections.
 */
import { ClosableClient } from './closable-client.js';
import type { Middleware } from '../middleware/middleware.js';
import type { Transport } from '../transport/transport.js';

/** The base of every `@apiclients` client class. */
export class ClientBase extends ClosableClient {
  #transport: Transport | undefined;

  /** Called once by the vendor client's constructor with the transport its calls go through (and that it closes). */
  protected attachTransport(transport: Transport): void {
    this.#transport = transport;
    this.closeWith(() => transport.close());
  }

  /**
   * Called once by the vendor client's constructor: every resource of its operation table becomes a property of
   * the client as it is, but the `overridden` ones, which the vendor sets itself. Typing `resources` as the
   * generated `Resources` checks at compile time that the bound operations are what the signatures say.
   */
  protected adoptResources<R extends object>(resources: R, overridden: readonly (keyof R & string)[] = []): void {
    for (const [name, resource] of Object.entries(resources)) if (!overridden.includes(name as keyof R & string)) Object.assign(this, { [name]: resource });
  }

  /**
   * Adds a middleware around every later attempt of every call of this client (`.raw` included), after those
   * already there: registration order is execution order, the first outermost.
   *
   * ```ts
   * client.use(async (request, next, { operationId, attempt }) => {
   *   request.headers['x-trace-id'] = crypto.randomUUID();
   *   const response = await next(request);
   *   console.log(operationId, attempt, response.status);
   *   return response;
   * });
   * ```
   */
  use(middleware: Middleware): this {
    this.#transport?.use(middleware);
    return this;
  }
}
