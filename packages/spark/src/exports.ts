/**
 * What both entries of `@apiclients/spark` export (src/index.ts for browsers, src/node.ts for Node). Each entry also
 * re-exports the core's error classes itself: an `export *` of another package inside a chunk that two entries
 * share is lost by the bundler (esbuild lists a shared chunk's names one by one).
 */
export { SparkClient, createSparkFetchClient, SPARK_BASE_URL } from './client.js';
export type { SparkClientOptions, MessageCreateInput, Messages, AccessTokens } from './client.js';
export { SparkApiError, SparkRateLimitError, DEFAULT_RETRY_AFTER_SECONDS } from './errors.js';
export type { SparkErrorBody, SparkErrorDetail } from './errors.js';
export { verifyWebhookSignature, parseWebhookEvent } from './webhook.js';
export type { WebhookEvent } from './webhook.js';
export { LocalPathNotSupportedError } from './files.js';
export type { FileInput, Upload } from './files.js';
export type { paths, components, operations } from './generated.js';
// The generated method signatures, Params types and schema aliases.
export type * from './generated-types.js';
