/** The spark stateful mock: for now the generic behaviour (records with ids, the spec's error shapes). */
import type { StatefulServerOptions } from '../stateful-server.js';
import type { VendorProfile } from '../vendor-profile.js';
import { genericProfile } from './generic.js';

/** Seed data of the spark stateful mock. */
export type SparkSeed = Record<string, never>;

/** Options of the spark stateful mock. */
export type SparkMockOptions = StatefulServerOptions<SparkSeed>;

export function sparkProfile(_options: SparkMockOptions): VendorProfile<SparkSeed> {
  return genericProfile();
}
