/**
 * The vendor behaviour of each stateful mock, and the options each takes. A vendor without a profile of its own (a new
 * vendor of the list in ../../generated/vendors.ts) gets the generic behaviour.
 */
import type { MockVendor } from '../../mock-vendors.js';
import type { StatefulServerOptions } from '../stateful-server.js';
import type { VendorProfile } from '../vendor-profile.js';
import { genericProfile } from './generic.js';
import { sparkProfile, type SparkMockOptions } from './spark.js';
import { statuspageProfile, type StatuspageMockOptions } from './statuspage.js';
import { vsparkProfile, type VsparkMockOptions } from './vspark.js';
import { vssProfile, type VssMockOptions } from './vss.js';

/** The options of the vendors with a profile of their own. */
interface ProfileOptions {
  spark: SparkMockOptions;
  statuspage: StatuspageMockOptions;
  vss: VssMockOptions;
  vspark: VsparkMockOptions;
}

/** The options of the stateful mock of each vendor: its profile's, or the generic mock's (which takes no seed). */
export type StatefulMockOptions = {
  [V in MockVendor]: V extends keyof ProfileOptions ? ProfileOptions[V] : StatefulServerOptions<Record<string, never>>;
};

type Seed<V extends MockVendor> = NonNullable<StatefulMockOptions[V]['seed']>;

const PROFILES: { [V in keyof ProfileOptions]: (options: ProfileOptions[V]) => VendorProfile<NonNullable<ProfileOptions[V]['seed']>> } = {
  spark: sparkProfile,
  statuspage: statuspageProfile,
  vss: vssProfile,
  vspark: vsparkProfile,
};

/** The behaviour of `vendor`'s stateful mock: its own profile, or the generic one. */
export function profileOf<V extends MockVendor>(vendor: V, options: StatefulMockOptions[V]): VendorProfile<Seed<V>> {
  const own = (PROFILES as Partial<Record<MockVendor, (options: StatefulMockOptions[V]) => VendorProfile<Seed<V>>>>)[vendor];
  return own ? own(options) : (genericProfile() as VendorProfile<Seed<V>>);
}
