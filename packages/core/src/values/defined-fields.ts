/** The fields of an options object that were given: what a caller left undefined does not override a default. */

/** The fields of `source` among `keys` whose value is not undefined, in a new object. */
export function definedFields<T extends object, K extends keyof T>(source: T, keys: readonly K[]): { [P in K]?: Exclude<T[P], undefined> } {
  const out: { [P in K]?: Exclude<T[P], undefined> } = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key] as Exclude<T[K], undefined>;
  return out;
}
