/** What the mock of each vendor does in front of Prism to answer like the real API: one line per quirk. */
import type { MockQuirk } from './mock-quirk.js';
import { laterPagesLastExample, pageNumberAfter } from './quirks/later-pages-last-example.js';
import { ownOriginLinks } from './quirks/own-origin-links.js';
import { SPARK_CURSOR, sparkLinkHeader } from './quirks/spark-link-header.js';
import { sparkTrackingId } from './quirks/spark-tracking-id.js';
import { statuspageJsonSuffix } from './quirks/statuspage-json-suffix.js';
import { textPlainCharset } from './quirks/text-plain-charset.js';
import { vsparkFormatQuery } from './quirks/vspark-format-query.js';
import { vssTokenRequestBody } from './quirks/vss-token-request-body.js';

/** The quirks of one vendor's mock, and the real API's base URLs that its links start with. */
export interface VendorQuirks {
  /** Longest first; each is replaced by the mock's own origin in links and bodies. */
  realBases: readonly string[];
  /** Applied in order: request rewrites on the way to Prism, response rewrites on the way back. */
  quirks: readonly MockQuirk[];
}

/** Every vendor's quirks; a spec of another name gets none. */
export const VENDOR_QUIRKS: Record<string, VendorQuirks> = {
  spark: {
    // The seed's legacy host serves the same paths (specs/spark.yaml, servers).
    realBases: ['https://webexapis.com/v1', 'https://api.ciscospark.com/v1'],
    quirks: [laterPagesLastExample((request) => request.url.searchParams.has(SPARK_CURSOR)), sparkLinkHeader, sparkTrackingId, textPlainCharset, ownOriginLinks],
  },
  statuspage: {
    realBases: ['https://api.statuspage.io/v1'],
    // Lists are paged by number from 1, subscribers from 0 (specs/statuspage.yaml, x-apiclients-pagination).
    quirks: [statuspageJsonSuffix, laterPagesLastExample((request) => pageNumberAfter('page', request.url.pathname.endsWith('/subscribers') ? 0 : 1)(request)), ownOriginLinks],
  },
  vss: {
    // The token endpoint is on the host, outside /v2 (specs/vss.yaml, /auth/request-token).
    realBases: ['https://vss-api.eis.utoronto.ca/v2', 'https://vss-api.eis.utoronto.ca'],
    quirks: [vssTokenRequestBody, laterPagesLastExample(pageNumberAfter('page', 1)), ownOriginLinks],
  },
  vspark: {
    // V-Spark's default listener (specs/vspark.yaml, servers); its answers hold no links.
    realBases: ['http://localhost:3000'],
    quirks: [vsparkFormatQuery],
  },
};
