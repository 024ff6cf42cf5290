import type { MockQuirk } from '../mock-quirk.js';

/** The media type of each value of V-Spark's `format` parameter. */
const MEDIA_TYPES: Record<string, string> = { csv: 'text/csv', json: 'application/json' };

/**
 * V-Spark's `/status` answers in the format the `format` query parameter names (`json` or `csv`), whatever the
 * `Accept` header says (docs.medallia.com/voci/v-spark/api-reference/endpoints/status; the V-Spark sample program
 * "Using the /status API with Python" sends `format=csv` with python-requests' `Accept: *\/*`). Prism chooses by
 * `Accept`, so the mock turns the parameter into the `Accept` Prism reads.
 */
export const vsparkFormatQuery: MockQuirk = {
  request(request) {
    const mediaType = MEDIA_TYPES[request.url.searchParams.get('format')?.toLowerCase() ?? ''];
    if (mediaType) request.headers.accept = mediaType;
  },
};
