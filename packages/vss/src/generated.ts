/** The generated artefacts of specs/vss.yaml, the only place this package reads generated/ from. */
export { operationTable } from '../../../generated/vss/operations.js';
export type { paths, components, operations } from '../../../generated/vss/schema.js';
export type * from './generated-types.js';
