/** The services the operation table binds for Statuspage, as the client and its helpers see them. */
import type { BoundOperations } from '@apiclients/core';
import type { operationTable, operations } from './generated.js';

/** Every service of the table, with the page and organization identifiers filled in by the client. */
export type Services = BoundOperations<typeof operationTable, operations, 'page_id' | 'organization_id'>;
