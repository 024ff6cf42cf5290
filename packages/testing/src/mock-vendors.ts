/** The vendors a mock server can stand in for, and where their packaged specs are. */
import { ConfigurationError } from '@apiclients/core';
import { fileURLToPath } from 'node:url';
import { VENDORS } from './generated/vendors.js';

/**
 * Every vendor {@link startMockServer} knows, one per `@apiclients/<vendor>` client (the repository's vendor list,
 * written out by `npm run generate`).
 */
export const MOCK_VENDORS = VENDORS;

/** A vendor {@link startMockServer} knows. */
export type MockVendor = (typeof MOCK_VENDORS)[number];

/**
 * Path of the OpenAPI document the mock of `vendor` serves: the package's `specs/<vendor>.yaml`, the same spec the
 * client was generated from (copied in when the package is built).
 *
 * @throws {ConfigurationError} When `vendor` is not one of {@link MOCK_VENDORS}.
 */
export function mockSpecPath(vendor: MockVendor): string {
  // Checked at run time too: JavaScript callers and `as` casts get past the type.
  if (!(MOCK_VENDORS as readonly string[]).includes(vendor)) {
    throw new ConfigurationError(`Unknown vendor ${JSON.stringify(vendor)}: the mock servers are ${MOCK_VENDORS.join(', ')}.`);
  }
  // One folder up from both src/ (tests) and dist/ (the published build).
  return fileURLToPath(new URL(`../specs/${vendor}.yaml`, import.meta.url));
}
