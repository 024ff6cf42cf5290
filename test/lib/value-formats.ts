/** The wire formats of string values that tell a real answer from a made-up one: dates, ids, tracking ids. */

/** Each format a string value may have, by name; a value of none of them is free text. */
const FORMATS: readonly (readonly [string, RegExp])[] = [
  ['ISO 8601 UTC with milliseconds (2016-07-26T21:05:00.330Z)', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/],
  ['ISO 8601 UTC in seconds (2016-07-26T21:05:00Z)', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/],
  ['ISO 8601 with an offset (2015-10-18T14:26:16+00:00)', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:?\d\d$/],
  ['date with a zone name (2016-07-06 12:15:03 EDT)', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [A-Z]{2,5}$/],
  ['date and time joined by _ (2019-06-24_18:45:58)', /^\d{4}-\d\d-\d\d_\d\d:\d\d:\d\d$/],
  ['date (2017-05-18)', /^\d{4}-\d\d-\d\d$/],
  ['Webex id (base64 of ciscospark://…)', /^Y2lzY29zcGFyazovL[A-Za-z0-9_-]+=*$/],
  ['Webex tracking id (ROUTER_ or NA_ and a UUID)', /^[A-Z]+_[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}$/],
  ['duration in seconds (0.01528s)', /^\d+(\.\d+)?s$/],
];

/** The name of the format of `value`, or undefined for free text. */
export function formatOf(value: string): string | undefined {
  return FORMATS.find(([, pattern]) => pattern.test(value))?.[0];
}

/** Whether a format is one of a date or a time. */
export const isDateFormat = (format: string | undefined): boolean => /date|ISO 8601/i.test(format ?? '');

/** Calls `visit(key, value, path)` for every string held under a key, at any depth (array items keep their parent's key). */
export function eachString(value: unknown, visit: (key: string, text: string, path: string) => void, key = '', path = ''): void {
  if (typeof value === 'string') visit(key, value, path);
  else if (Array.isArray(value)) value.forEach((item, index) => eachString(item, visit, key, `${path}[${index}]`));
  else if (value && typeof value === 'object') for (const [name, inner] of Object.entries(value)) eachString(inner, visit, name, `${path}.${name}`);
}
