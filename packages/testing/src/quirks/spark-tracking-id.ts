import { randomUUID } from 'node:crypto';
import type { MockQuirk } from '../mock-quirk.js';

/**
 * Webex sends a `TrackingID` header on every answer, a new one each time (`ROUTER_5A0CB5D2-B92F-01BB-7C3F-AC12D9227C3F`,
 * in the 429 captured in WebexPythonSDK PR #49; developer.webex.com/docs/basics, "Troubleshooting": quote the
 * tracking id to support). Prism sends the spec's one example value, and only where the spec declares the header.
 */
export const sparkTrackingId: MockQuirk = {
  response(response) {
    response.headers.trackingid = `ROUTER_${randomUUID().toUpperCase()}`;
  },
};
