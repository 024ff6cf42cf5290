/** The generated artefacts of specs/statuspage.yaml, the only place this package reads generated/ from. */
export { operationTable, rateLimit } from '../../../generated/statuspage/operations.js';
export type { paths, components, operations } from '../../../generated/statuspage/schema.js';
export type * from './generated-types.js';
