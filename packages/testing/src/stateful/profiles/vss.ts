/** The vss stateful mock: for now the generic behaviour (records with ids, the spec's error shapes). */
import type { StatefulServerOptions } from '../stateful-server.js';
import type { VendorProfile } from '../vendor-profile.js';
import { genericProfile } from './generic.js';

/** Seed data of the vss stateful mock. */
export type VssSeed = Record<string, never>;

/** Options of the vss stateful mock. */
export type VssMockOptions = StatefulServerOptions<VssSeed>;

export function vssProfile(_options: VssMockOptions): VendorProfile<VssSeed> {
  return genericProfile();
}
