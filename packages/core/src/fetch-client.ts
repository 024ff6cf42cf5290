/** The plain openapi-fetch client of a spec, wired to a transport (retries, timeouts, typed errors). */
import createClient, { type Client } from 'openapi-fetch';
import type { Transport } from './transport.js';

/** An openapi-fetch client whose every request goes through `transport`. */
export function createFetchClient<Paths extends {}>(baseUrl: string, transport: Transport): Client<Paths> {
  return createClient<Paths>({ baseUrl, fetch: (request) => transport(request) });
}
