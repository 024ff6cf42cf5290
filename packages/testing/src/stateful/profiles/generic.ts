/**
 * The behaviour of a vendor with no profile of its own: records get an `id` and `created`, errors come in the
 * shape the spec documents for their status.
 */
import { specError } from '../spec-errors.js';
import type { VendorProfile } from '../vendor-profile.js';

export function genericProfile(): VendorProfile {
  return {
    create: (call, fields) => ({ ...fields, id: call.newId('id'), created: call.now().toISOString() }),
    notFound: (call) => specError(call, 404),
    invalid: (call, problems) => specError(call, 400, { message: problems.join('; ') }),
    rateLimited: (call, seconds) => specError(call, 429, {}, { 'retry-after': String(seconds) }),
    serverError: (call, seconds) => specError(call, 503, {}, { 'retry-after': String(seconds) }),
    seed: () => {},
  };
}
