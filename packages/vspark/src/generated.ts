/** The generated artefacts of specs/vspark.yaml, the only place this package reads generated/ from. */
export { operationTable } from '../../../generated/vspark/operations.js';
export type { paths, components, operations } from '../../../generated/vspark/schema.js';
export type * from './generated-types.js';
