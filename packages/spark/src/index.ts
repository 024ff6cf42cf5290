/**
 * @apiclients/spark: a typed client for the Cisco Spark / Webex REST API v1. This is the entry for browsers and
 * other runtimes without a file system (no Node built-in is imported); Node resolves src/node.ts instead.
 * @packageDocumentation
 */
export { SparkClient, createSparkFetchClient, SPARK_BASE_URL } from './client.js';
export type { SparkClientOptions, MessageCreateInput, Messages, Webhooks, AccessTokens } from './client.js';
export { Thread } from './thread.js';
export type { ThreadMessage, ThreadSource } from './thread.js';
export type { EnsuredWebhook, EnsureWebhookInput } from './ensure-webhook.js';
export { SparkApiError, SparkRateLimitError, DEFAULT_RETRY_AFTER_SECONDS } from './errors.js';
export type { SparkErrorBody, SparkErrorDetail } from './errors.js';
export { repairNextLink, KEPT_PARAMS } from './next-link.js';
export { verifyWebhookSignature, parseWebhookEvent } from './webhook.js';
export type { WebhookEvent } from './webhook.js';
export { createWebhookHandler, DEFAULT_MAX_WEBHOOK_BODY_BYTES } from './webhook-handler.js';
export type { WebhookAnswer, WebhookHandler, WebhookHandlerOptions } from './webhook-handler.js';
export type {
  FetchedResources,
  ReceivedWebhookEvent,
  WebhookEventHandler,
  WebhookEventKey,
  WebhookEventName,
  WebhookFetcher,
  WebhookHandlers,
  WebhookResourceName,
} from './webhook-events.js';
export { contentTypeOf, LocalPathNotSupportedError } from './files.js';
export type { FileInput, Upload } from './files.js';
export { ApiClientError, ApiError, ConfigurationError, ConnectionError, PaginationError, TimeoutError } from '@apiclients/core';
export type { paths, components, operations } from './generated.js';
