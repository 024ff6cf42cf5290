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
export { MockServerStartError } from './mock-server-start-error.js';
export { ConfigurationError } from '@apiclients/core';
