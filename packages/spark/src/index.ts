/**
 * `@apiclients/spark`: a typed client for the Cisco Spark / Webex REST API v1. This is the entry for browsers and
 * other runtimes without a file system (no Node built-in is imported); Node resolves src/node.ts instead.
 * @packageDocumentation
 */
export * from './exports.js';
// The core's error classes under their own names, as every @apiclients package exports them.
export * from '@apiclients/core/errors';
// The webhook receiver as a Fetch handler (the Node entry's is also a node:http request listener).
export { createWebhookHandler } from './webhook-handler.js';
