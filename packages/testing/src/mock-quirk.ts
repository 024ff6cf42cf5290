/** What a quirk of the mock front sees and may change: one request on its way to Prism, and Prism's answer. */

/** A request as the mock front received it, rewritten by the request quirks before Prism sees it. */
export interface FrontRequest {
  method: string;
  /** Path and query, as the client sent them (e.g. `/pages/p1/components.json?page=2`). */
  url: URL;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Buffer;
}

/** Prism's answer, rewritten by the response quirks before the client sees it. */
export interface FrontResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Buffer;
}

/** What every quirk knows about the mock it runs in. */
export interface FrontContext {
  /** The origin the client reached the mock at (`http://127.0.0.1:4010`), from its `Host` header. */
  origin: string;
  /** The real API's base URLs (longest first) that stand for the mock's own origin in links and bodies. */
  realBases: readonly string[];
}

/**
 * One way in which the real API differs from what Prism does with our spec, and the rewrite that makes the mock
 * answer like the real API. A quirk changes the request (`request`), the answer (`response`), or both.
 */
export interface MockQuirk {
  /** Rewrites the request before Prism sees it. */
  request?(request: FrontRequest, context: FrontContext): void;
  /** Rewrites Prism's answer before the client sees it; `request` is the request as Prism saw it. */
  response?(response: FrontResponse, request: FrontRequest, context: FrontContext): void;
}

/** Whether a header value names a JSON media type (`application/json`, `application/problem+json`, with parameters or not). */
export const isJsonType = (contentType: string | undefined): boolean => /^application\/([\w.-]+\+)?json\b/i.test(contentType ?? '');
