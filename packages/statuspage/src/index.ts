/**
 * `@apiclients/statuspage`: a typed client for the Atlassian Statuspage API.
 * @packageDocumentation
 */
export { StatuspageClient, createStatuspageFetchClient, STATUSPAGE_BASE_URL } from './client.js';
export type { StatuspageClientOptions } from './client.js';
export { UnknownComponentError } from './unknown-component-error.js';
export type { ComponentStatus, SetComponentStatus } from './set-component-status.js';
export type { IncidentLifecycle, IncidentUpdateFields, OpenIncident } from './incident-lifecycle.js';
export { BaseError, RequestError, ResourceError, ServerError, RateLimitError, RATE_LIMIT_STATUSES } from './errors.js';
export type { StatuspageErrorBody } from './errors.js';
// The core's error classes under their own names, as every @apiclients package exports them; python-statuspageio's
// RateLimitError (above) takes the place of the core's: it matches every rate-limit error this client raises.
export * from '@apiclients/core/errors';
export type { paths, components, operations } from './generated.js';
// The generated method signatures, Params types and schema aliases.
export type * from './generated-types.js';
