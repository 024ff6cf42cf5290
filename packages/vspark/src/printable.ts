/**
 * Server-chosen text (folder names, error messages) as a terminal may show it: control characters (an escape
 * sequence can clear the screen or write the clipboard, OSC 52), DEL, C1 controls and bidi controls (which reorder
 * what follows on screen) are shown as `\u{…}` escapes, never sent raw.
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** `text` with every control, bidi and invisible formatting character escaped as `\u{hex}`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u{${(c.codePointAt(0) as number).toString(16)}}`);
}
