/**
 * @apiclients/statuspage: a typed client for the Atlassian Statuspage API.
 * @packageDocumentation
 */
export { StatuspageClient, createStatuspageFetchClient, STATUSPAGE_BASE_URL } from './client.js';
export type { StatuspageClientOptions } from './client.js';
export { UnknownComponentError } from './unknown-component-error.js';
export type { ComponentStatus, SetComponentStatus } from './set-component-status.js';
export type { IncidentLifecycle, IncidentUpdateFields, OpenIncident } from './incident-lifecycle.js';
export { BaseError, RequestError, ResourceError, ServerError, RateLimitError, RATE_LIMIT_STATUSES } from './errors.js';
export type { StatuspageErrorBody } from './errors.js';
export { ApiClientError, ApiError, ConfigurationError, ConnectionError, TimeoutError } from '@apiclients/core';
export type { paths, components, operations } from './generated.js';
