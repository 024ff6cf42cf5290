/** The statuspage stateful mock: for now the generic behaviour (records with ids, the spec's error shapes). */
import type { StatefulServerOptions } from '../stateful-server.js';
import type { VendorProfile } from '../vendor-profile.js';
import { genericProfile } from './generic.js';

/** Seed data of the statuspage stateful mock. */
export type StatuspageSeed = Record<string, never>;

/** Options of the statuspage stateful mock. */
export type StatuspageMockOptions = StatefulServerOptions<StatuspageSeed>;

export function statuspageProfile(_options: StatuspageMockOptions): VendorProfile<StatuspageSeed> {
  return genericProfile();
}
