/**
 * `@apiclients/vspark`: a typed client for Voci V-Spark's `/config` and `/status` API.
 * @packageDocumentation
 */
export { VSparkClient, createVSparkFetchClient, vsparkBaseUrl } from './client.js';
export type { VSparkClientOptions, StatusFormat, FolderStatus, CompanyConfig, FolderConfig } from './client.js';
export type { StatusByFormat, StatusCall } from './status-by-format.js';
export type { FolderRef } from './walk.js';
export { exportStatus } from './export-status.js';
export { statusFileName, uniqueFileNames } from './file-names.js';
export type { ExportProgress, ExportStatusOptions, ExportStatusResult, FolderFailure, FolderName } from './export-status.js';
export type { paths, components, operations } from './generated.js';
export * from '@apiclients/core/errors';
// The generated method signatures, Params types and schema aliases.
export type * from './generated-types.js';
