/** The vspark stateful mock: for now the generic behaviour (records with ids, the spec's error shapes). */
import type { StatefulServerOptions } from '../stateful-server.js';
import type { VendorProfile } from '../vendor-profile.js';
import { genericProfile } from './generic.js';

/** Seed data of the vspark stateful mock. */
export type VsparkSeed = Record<string, never>;

/** Options of the vspark stateful mock. */
export type VsparkMockOptions = StatefulServerOptions<VsparkSeed>;

export function vsparkProfile(_options: VsparkMockOptions): VendorProfile<VsparkSeed> {
  return genericProfile();
}
