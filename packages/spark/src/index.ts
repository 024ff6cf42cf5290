/**
 * @apiclients/spark: a typed client for the Cisco Spark / Webex REST API v1.
 * @packageDocumentation
 */
export { SparkClient, createSparkFetchClient, SPARK_BASE_URL } from './client.js';
export type { SparkClientOptions, MessageCreateInput, Messages, AccessTokens } from './client.js';
export { SparkApiError, SparkRateLimitError, DEFAULT_RETRY_AFTER_SECONDS } from './errors.js';
export { repairNextLink, KEPT_PARAMS } from './next-link.js';
export { verifyWebhookSignature, parseWebhookEvent } from './webhook.js';
export type { WebhookEvent } from './webhook.js';
export { contentTypeOf } from './files.js';
export type { FileInput } from './files.js';
export { ApiClientError, ApiError, ConfigurationError, ConnectionError, PaginationError, TimeoutError } from '@apiclients/core';
export type { paths, components, operations } from './generated.js';
