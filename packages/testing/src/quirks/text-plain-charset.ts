import type { MockQuirk } from '../mock-quirk.js';

/**
 * Webex's `text/plain` answers (the empty body of a 401) say their charset: `Content-Type: text/plain;
 * charset=utf-8` (curl capture, imapex-training/mod_general_development_skills, 2016). Prism sends the bare media
 * type of the spec, which cannot carry the parameter.
 */
export const textPlainCharset: MockQuirk = {
  response(response) {
    if (/^text\/plain\s*$/i.test(response.headers['content-type'] ?? '')) response.headers['content-type'] = 'text/plain; charset=utf-8';
  },
};
