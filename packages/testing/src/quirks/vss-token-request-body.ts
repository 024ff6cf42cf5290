import type { MockQuirk } from '../mock-quirk.js';

/**
 * VSS's token endpoint reads only the Basic credentials and accepts a JSON body beside them: clients send the
 * one-time password there, `{"otp": null}` when there is none (pyvss `get_token`, github.com/EIS-ITS/pyvss; the
 * wiki's "Authentication" page, eis-vss.atlassian.net/wiki/spaces/API). Our spec declares no body, which Prism
 * answers with 415, so the mock drops the body before Prism sees it.
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
