/**
 * A bounded copy of a value for `JSON.stringify` and logs: an error body is whatever the server sent, and a body
 * nested 20 000 deep makes `JSON.stringify` throw a RangeError, a 30 MB one fills a log. The copy keeps the first
 * levels, items and characters, and says what it left out.
 */

/** How much of a value {@link boundedCopy} keeps. */
export interface CopyBounds {
  /** Levels of objects and arrays kept; deeper ones become a marker. */
  depth: number;
  /** Items of one array, or keys of one object, kept. */
  items: number;
  /** Characters of one string kept. */
  stringLength: number;
  /** Values kept in all; later ones become a marker. */
  values: number;
}

/** The bounds of an error's `toJSON()`: enough for any real error body, small enough for a log line. */
export const ERROR_JSON_BOUNDS: CopyBounds = { depth: 12, items: 100, stringLength: 8_192, values: 2_000 };

/** `value` with every level, list, string and total past `bounds` cut, and a marker saying so. */
export function boundedCopy(value: unknown, bounds: CopyBounds = ERROR_JSON_BOUNDS): unknown {
  let left = bounds.values;
  const copy = (item: unknown, depth: number): unknown => {
    if (left-- <= 0) return '[…]';
    if (typeof item === 'string') {
      return item.length > bounds.stringLength ? `${item.slice(0, bounds.stringLength)}…[${item.length - bounds.stringLength} more characters]` : item;
    }
    if (typeof item === 'bigint') return String(item);
    if (item === null || typeof item !== 'object') return typeof item === 'function' || typeof item === 'symbol' ? undefined : item;
    if (depth >= bounds.depth) return Array.isArray(item) ? '[…nested list]' : '[…nested object]';
    if (Array.isArray(item)) {
      const kept = item.slice(0, bounds.items).map((one) => copy(one, depth + 1));
      if (item.length > bounds.items) kept.push(`[…${item.length - bounds.items} more items]`);
      return kept;
    }
    const source = typeof (item as { toJSON?: unknown }).toJSON === 'function' && !(item instanceof Error) ? (item as { toJSON: () => unknown }).toJSON() : item;
    if (source !== item) return copy(source, depth);
    const out: Record<string, unknown> = {};
    const keys = Object.keys(item);
    for (const key of keys.slice(0, bounds.items)) {
      // Defined, not assigned: a `__proto__` key stays a plain key.
      Object.defineProperty(out, key, { value: copy((item as Record<string, unknown>)[key], depth + 1), enumerable: true, writable: true, configurable: true });
    }
    if (keys.length > bounds.items) out['…'] = `${keys.length - bounds.items} more keys`;
    return out;
  };
  return copy(value, 0);
}
