/** The plain openapi-fetch client of a spec, wired to a transport (retries, timeouts, typed errors). */
import createClient, { type Client } from 'openapi-fetch';
import { checkRawParams } from '../operations/argument-text.js';
import { InvalidResponseError } from '../errors/request-errors.js';
import { jsonParseFailure } from '../errors/json-parse-failure.js';
import { answeredBodyText } from '../transport/fetch-door.js';
import { type Transport } from '../transport/transport.js';

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;
type Init = { fetch?: (request: Request) => Promise<Response> } & Record<string, unknown>;
type Call = (path: string, init?: Init) => Promise<unknown>;

/**
 * An openapi-fetch client whose every request goes through `transport`. openapi-fetch parses a success body as
 * JSON itself, so a body that is not JSON would escape as a bare SyntaxError: each method turns that into an
 * {@link InvalidResponseError} with the status and the (redacted) text that came instead.
 */
export function createFetchClient<Paths extends {}>(baseUrl: string, transport: Transport): Client<Paths> {
  const client = createClient<Paths>({ baseUrl, fetch: (request) => transport(request) });
  const methods = client as unknown as Record<(typeof METHODS)[number], Call> & { request: (method: string, path: string, init?: Init) => Promise<unknown> };
  const guarded = async (method: string, path: string, init: Init | undefined, call: (init: Init) => Promise<unknown>) => {
    // Before openapi-fetch builds the URL: `..` would leave the path, a lone surrogate be a bare URIError.
    checkRawParams(`${method} ${path}`, init?.params);
    let answered: Response | undefined;
    const fetch = init?.fetch ?? ((request: Request) => transport(request));
    try {
      return await call({ ...init, fetch: async (request: Request) => (answered = await fetch(request)) });
    } catch (error) {
      if (!(error instanceof SyntaxError) || !answered) throw error;
      const body = answeredBodyText(answered);
      throw new InvalidResponseError(`The ${answered.status} response of ${method} ${path} is not valid JSON`, answered.status, {
        cause: jsonParseFailure(error),
        ...(body === undefined ? {} : { body }),
      });
    }
  };
  for (const method of METHODS) {
    const call = methods[method].bind(client);
    methods[method] = (path, init) => guarded(method, path, init, (guardedInit) => call(path, guardedInit));
  }
  const request = methods.request.bind(client);
  methods.request = (method, path, init) => guarded(method.toUpperCase(), path, init, (guardedInit) => request(method, path, guardedInit));
  return client;
}
