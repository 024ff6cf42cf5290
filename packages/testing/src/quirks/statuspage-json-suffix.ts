import type { MockQuirk } from '../mock-quirk.js';

/**
 * Statuspage answers `/pages/{page_id}/components.json` as it answers `/pages/{page_id}/components`: its older
 * documentation (doers.statuspage.io/api/v1/) wrote every path with `.json`, and python-statuspageio, built on it,
 * always sends the suffix (python-statuspageio 0.0.1 docs, "Resources and actions": `get pages/{page_id}/incidents/unresolved.json`).
 * Our spec writes the paths without it, so the mock drops the suffix before Prism matches the path (otherwise
 * `/incidents/unresolved.json` would match `/incidents/{incident_id}`).
 */
export const statuspageJsonSuffix: MockQuirk = {
  request(request) {
    if (request.url.pathname.endsWith('.json')) request.url.pathname = request.url.pathname.slice(0, -'.json'.length);
  },
};
