/**
 * A request budget as a spec declares it (`x-apiclients-rate-limit`, in ms once generated), and the even spacing
 * the limiter keeps between two requests of one credential to stay inside it.
 */

/** A budget: `requests` per `perMs`, counted by the vendor over a rolling `windowMs` (default: `perMs`). */
export interface RateLimitRule {
  /** Requests allowed per `perMs`. */
  readonly requests: number;
  /** The period of `requests`, in ms. */
  readonly perMs: number;
  /** The rolling window the vendor counts over, in ms (Statuspage: 60 000, https://developer.statuspage.io/#section/Rate-Limiting); default `perMs`. */
  readonly windowMs?: number;
  /** What the budget is counted by: each credential has its own (the only kind so far). */
  readonly by?: 'credential';
}

/**
 * The time between two requests of one credential under `rule`, in ms. Requests are paced evenly, and one request
 * of every window is kept in hand: a vendor counting over a rolling window sees arrival times, which clock and
 * network jitter shift, so a client sending exactly at the rate would be refused whenever one request arrived
 * late and the next on time. Statuspage's 60 a minute become one every 1 017 ms (98.3 % of the rate).
 */
export function spacingMs(rule: RateLimitRule): number {
  const windowMs = rule.windowMs ?? rule.perMs;
  const budget = Math.floor((rule.requests * windowMs) / rule.perMs);
  return budget > 1 ? windowMs / (budget - 1) : rule.perMs / rule.requests;
}
