/**
 * Faults on demand: a seeded, reproducible share of answers that fail (429, 503, a reset connection, a slow
 * answer), and failures queued for the next requests, for testing a client's retries.
 */
import { ConfigurationError } from '@apiclients/core';

/** A fault the mock can answer with. */
export type FaultKind = 429 | 503 | 'reset' | 'slow';

/** Which share of requests fail, and how. */
export interface FaultOptions {
  /** Share of requests that fail, 0 to 1 (default 0). */
  rate?: number;
  /** The faults to pick from (default all four). */
  kinds?: FaultKind[];
  /** Seed of the pseudo-random choice: the same seed fails the same requests (default 1). */
  seed?: number;
  /** How long a `slow` answer waits before it is sent, in ms (default 2 000). */
  slowMs?: number;
  /** The `Retry-After` of a 429 or 503, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Faults for the first requests, in order, before any random ones (again after a reset). */
  queue?: FaultKind[];
}

/** Decides, request by request, whether to fail it. */
export class FaultPlan {
  #options: Required<FaultOptions>;
  #random: () => number;
  readonly #queued: FaultKind[] = [];

  constructor(options: FaultOptions = {}) {
    this.#options = settle(options);
    this.#random = mulberry32(this.#options.seed);
    this.#queued.push(...this.#options.queue);
  }

  /** Replaces the options and restarts the pseudo-random sequence (and drops queued faults). */
  configure(options: FaultOptions): void {
    this.#options = settle(options);
    this.#random = mulberry32(this.#options.seed);
    this.#queued.splice(0, this.#queued.length, ...this.#options.queue);
  }

  /** Fails the next `count` requests with `kind`, before any random ones. */
  queue(kind: FaultKind, count = 1): void {
    for (let i = 0; i < count; i++) this.#queued.push(kind);
  }

  /** The fault for this request, if any. */
  next(): FaultKind | undefined {
    const queued = this.#queued.shift();
    if (queued !== undefined) return queued;
    if (this.#options.rate <= 0) return undefined;
    if (this.#random() >= this.#options.rate) return undefined;
    const kinds = this.#options.kinds;
    return kinds[Math.floor(this.#random() * kinds.length)];
  }

  get slowMs(): number {
    return this.#options.slowMs;
  }

  get retryAfterSeconds(): number {
    return this.#options.retryAfterSeconds;
  }
}

function settle(options: FaultOptions): Required<FaultOptions> {
  const rate = options.rate ?? 0;
  if (!(rate >= 0 && rate <= 1)) throw new ConfigurationError(`faults.rate must be between 0 and 1, got ${rate}`);
  const kinds = options.kinds ?? [429, 503, 'reset', 'slow'];
  const queue = options.queue ?? [];
  for (const kind of [...kinds, ...queue]) if (![429, 503, 'reset', 'slow'].includes(kind)) throw new ConfigurationError(`Unknown fault ${JSON.stringify(kind)}: the faults are 429, 503, 'reset' and 'slow'`);
  return { rate, kinds, queue, seed: options.seed ?? 1, slowMs: options.slowMs ?? 2_000, retryAfterSeconds: options.retryAfterSeconds ?? 1 };
}

/** A small seeded generator (mulberry32): reproducible across runs and Node versions. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
