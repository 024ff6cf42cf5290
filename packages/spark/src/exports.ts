/**
 * What both entries of `@apiclients/spark` export (src/index.ts for browsers, src/node.ts for Node). Each entry also
 * re-exports the core's error classes itself: an `export *` of another package inside a chunk that two entries
 * share is lost by the bundler (esbuild lists a shared chunk's names one by one).
 */
export { SparkClient, createSparkFetchClient, SPARK_BASE_URL } from './client.js';
export type { SparkClientOptions, MessageCreateInput, MessageReplyInput, RepliedMessage, Messages, Webhooks, AccessTokens } from './client.js';
export { Thread } from './thread.js';
export type { ThreadMessage, ThreadSource } from './thread.js';
export type { EnsuredWebhook, EnsureWebhookInput } from './ensure-webhook.js';
export { SparkApiError, SparkRateLimitError, DEFAULT_RETRY_AFTER_SECONDS } from './errors.js';
export type { SparkErrorBody, SparkErrorDetail } from './errors.js';
export { verifyWebhookSignature, parseWebhookEvent } from './webhook.js';
export type { WebhookEvent } from './webhook.js';
export { DEFAULT_MAX_WEBHOOK_BODY_BYTES } from './webhook-handler.js';
export type { WebhookAnswer, WebhookHandler, WebhookHandlerOptions } from './webhook-handler.js';
export type {
  FetchedResources,
  ReceivedWebhookEvent,
  WebhookEventData,
  WebhookEventHandler,
  WebhookEventKey,
  WebhookEventName,
  WebhookFetcher,
  WebhookHandlers,
  WebhookResourceName,
} from './webhook-events.js';
export { textWithoutMention } from './mention.js';
export type { MentionedPerson, MentioningMessage } from './mention.js';
export { LocalPathNotSupportedError } from './files.js';
export type { FileInput, Upload } from './files.js';
export type { paths, components, operations } from './generated.js';
// The generated method signatures, Params types and schema aliases.
export type * from './generated-types.js';
