/** The vendor behaviour of each stateful mock, and the options each takes. */
import type { MockVendor } from '../../mock-vendors.js';
import type { VendorProfile } from '../vendor-profile.js';
import { sparkProfile, type SparkMockOptions } from './spark.js';
import { statuspageProfile, type StatuspageMockOptions } from './statuspage.js';
import { vsparkProfile, type VsparkMockOptions } from './vspark.js';
import { vssProfile, type VssMockOptions } from './vss.js';

/** The options of the stateful mock of each vendor. */
export interface StatefulMockOptions {
  spark: SparkMockOptions;
  statuspage: StatuspageMockOptions;
  vss: VssMockOptions;
  vspark: VsparkMockOptions;
}

export const PROFILES: { [V in MockVendor]: (options: StatefulMockOptions[V]) => VendorProfile<NonNullable<StatefulMockOptions[V]['seed']>> } = {
  spark: sparkProfile,
  statuspage: statuspageProfile,
  vss: vssProfile,
  vspark: vsparkProfile,
};
