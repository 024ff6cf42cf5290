/**
 * The method signatures generated from specs/vss.yaml: one interface per resource (`Resources`), a `…Params`
 * type per operation and an alias per schema, all exported by the package for users to annotate their own code.
 */
export type * from '../../../generated/vss/client.js';
