/** What a media type (or a Content-Type header) says about how a body is encoded. */

/** The media type of an HTML form body. */
export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

/** Whether a media type is decoded as JSON (`application/json`, `application/problem+json`, any case). */
export function isJson(media: string): boolean {
  return /json/i.test(media);
}
