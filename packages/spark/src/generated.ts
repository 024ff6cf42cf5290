/** The generated artefacts of specs/spark.yaml, the only place this package reads generated/ from. */
export { operationTable } from '../../../generated/spark/operations.js';
export type { paths, components, operations } from '../../../generated/spark/schema.js';
export type * from './generated-types.js';
