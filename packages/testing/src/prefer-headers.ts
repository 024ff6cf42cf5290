/** What a mock should answer to one request, sent as Prism's `Prefer` header. */
export interface MockPreferences {
  /** Answer with this status, e.g. 429; the spec must define a response for it. */
  code?: number;
  /** Answer with the named example of the response (the key under `examples` in the spec). */
  example?: string;
  /** Generate the body from the schema (true) or use the examples (false), whatever the server's `dynamic` option. */
  dynamic?: boolean;
}

/**
 * The `Prefer` header that makes a mock answer one request the way you ask, for a client's `headers` option or
 * a call's: `{ Prefer: 'code=429, example=rateLimited' }`. An empty object when nothing is asked for.
 *
 * @example
 * await expect(spark.rooms.get('r1', { headers: preferHeaders({ code: 429 }) })).rejects.toThrow(SparkRateLimitError);
 */
export function preferHeaders(preferences: MockPreferences): Record<string, string> {
  // Prism reads `Prefer` as comma-separated key=value pairs (docs.stoplight.io/docs/prism, "Request Preferences").
  const pairs: string[] = [];
  if (preferences.code !== undefined) pairs.push(`code=${preferences.code}`);
  if (preferences.example !== undefined) pairs.push(`example=${preferences.example}`);
  if (preferences.dynamic !== undefined) pairs.push(`dynamic=${preferences.dynamic}`);
  return pairs.length ? { Prefer: pairs.join(', ') } : {};
}
