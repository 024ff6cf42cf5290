import { isJsonType, type MockQuirk } from '../mock-quirk.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Links to the real API become links to the mock: in `Link` headers and in JSON bodies (VSS `next_url`,
 * `_links`, the URLs of unexpanded lists), the real base URL is replaced by the origin the client reached the mock
 * at. The real APIs link to themselves (developer.webex.com/docs/basics "Pagination"; the VSS wiki's "Request"
 * page, eis-vss.atlassian.net/wiki/spaces/API/pages/8880251/Request), so the mock links to itself: a client that
 * follows links stays on the mock, and a same-origin check passes whatever port the mock was started on.
 */
export const ownOriginLinks: MockQuirk = {
  response(response, _request, { origin, realBases }) {
    if (!realBases.length) return;
    // Longest first: `https://vss-api.eis.utoronto.ca/v2` before `https://vss-api.eis.utoronto.ca`.
    const pattern = new RegExp(realBases.map(escapeRegExp).join('|'), 'g');
    if (response.headers.link) response.headers.link = response.headers.link.replace(pattern, origin);
    if (isJsonType(response.headers['content-type'])) {
      const text = response.body.toString('utf8');
      const rewritten = text.replace(pattern, origin);
      if (rewritten !== text) response.body = Buffer.from(rewritten, 'utf8');
    }
  },
};
