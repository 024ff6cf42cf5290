/**
 * `@apiclients/testing`: Prism mock servers of the `@apiclients` vendor APIs, for your own tests.
 * @packageDocumentation
 */
export { startMockServer, startSpecMock } from './start-mock-server.js';
export { freePort } from './free-port.js';
export type { MockServer, MockServerOptions } from './start-mock-server.js';
export { preferHeaders } from './prefer-headers.js';
export type { MockPreferences } from './prefer-headers.js';
export { MOCK_VENDORS, mockSpecPath } from './mock-vendors.js';
export type { MockVendor } from './mock-vendors.js';
export { startStatefulMock } from './stateful/start-stateful-mock.js';
export type { StatefulMockServer, StatefulServerOptions } from './stateful/stateful-server.js';
export type { StatefulMockOptions } from './stateful/profiles/index.js';
export type { FaultKind, FaultOptions } from './stateful/faults.js';
export type { LoggedRequest } from './stateful/request-log.js';
export { STATUSPAGE_MOCK_PAGE_ID } from './stateful/profiles/statuspage.js';
export type { StatuspageMockOptions, StatuspageSeed, StatuspageSeedComponent } from './stateful/profiles/statuspage.js';
export type { SparkMockOptions, SparkPagingQuirks, SparkSeed, SparkSeedMessage, SparkSeedPerson, SparkSeedRoom } from './stateful/profiles/spark.js';
export { VSS_MOCK_TOKEN, VSS_MOCK_USER } from './stateful/profiles/vss.js';
export type { VssMockOptions, VssProgress, VssProgressStep, VssRequestStatus, VssRequestType, VssSeed, VssSeedRequest, VssSeedUser } from './stateful/profiles/vss.js';
export { VSPARK_MOCK_COMPANIES, VSPARK_MOCK_ROOT_TOKEN } from './stateful/profiles/vspark.js';
export type { VsparkMockOptions, VsparkSeed, VsparkSeedCompany, VsparkSeedFolder } from './stateful/profiles/vspark.js';
export { MockServerStartError } from './mock-server-start-error.js';
export { ConfigurationError } from '@apiclients/core';
