/** The services the operation table binds for Statuspage, as the client and its helpers see them. */
import type { Resources } from './generated.js';

/** Every service of the table, with the page and organization identifiers filled in by the client: the generated signatures. */
export type Services = Resources;
