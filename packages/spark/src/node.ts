/**
 * `@apiclients/spark` for Node (the package's `node` export condition): everything of the browser entry, with a
 * {@link SparkClient} whose `messages.create` also uploads a local file path given in `files`, and a
 * `createWebhookHandler` whose receiver is also a `node:http` request listener.
 * @packageDocumentation
 */
import { SparkClient as PortableSparkClient } from './client.js';
import type { Upload } from './files.js';
import { readLocalFile } from './read-local-file.js';

export * from './exports.js';
// The core's error classes under their own names, as every @apiclients package exports them.
export * from '@apiclients/core/errors';
// Shadows the Fetch-only receiver of the browser entry with one that is also a node:http request listener.
export { createWebhookHandler } from './node-webhook-handler.js';
export type { NodeWebhookHandler } from './node-webhook-handler.js';

/** A client for the Webex (Cisco Spark) REST API that reads local paths given in `messages.create`'s `files`. */
export class SparkClient extends PortableSparkClient {
  /** Reads the file at `path` (its base name is the upload's file name). */
  protected override readLocalFile(path: string): Promise<Upload> {
    return readLocalFile(path);
  }
}
