import type { MockQuirk } from '../mock-quirk.js';

/**
 * VSS's token endpoint reads only the Basic credentials (the wiki's "Authentication" page,
 * eis-vss.atlassian.net/wiki/spaces/API: `curl -X POST https://vss-api.eis.utoronto.ca/auth/request-token -u <user>`),
 * and clients send a JSON body beside them for the one-time password, `{"otp": null}` when there is none (seen from
 * independent clients against the real API, apiclients issue 21). Our spec declares no body, which Prism answers
 * with 415, so the mock drops the body before Prism sees it.
 */
export const vssTokenRequestBody: MockQuirk = {
  request(request) {
    if (request.method !== 'POST' || !request.url.pathname.endsWith('/auth/request-token')) return;
    request.body = Buffer.alloc(0);
    delete request.headers['content-type'];
    delete request.headers['content-length'];
    delete request.headers['transfer-encoding'];
  },
};
