/** Reading into a parsed JSON body by a dotted path (`meta.pages.next_url`), as the operation table names places. */

/** The value at dotted `path` in `value` (the value itself for no path); undefined where a step is missing. */
export function valueAt(value: unknown, path: string | undefined): unknown {
  if (!path) return value;
  return path.split('.').reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}
