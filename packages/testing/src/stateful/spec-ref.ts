/** Local `$ref`s of an OpenAPI document (`#/components/…`), followed to what they name. */

export type Json = Record<string, unknown>;

/** Follows `value`'s `$ref` (and the `$ref` it leads to, and so on) within `doc`; other values come back as they are. */
export function deref(doc: Json, value: unknown): Json | undefined {
  let node = value as Json | undefined;
  for (let hops = 0; node && typeof node.$ref === 'string' && hops < 20; hops++) {
    node = (node.$ref as string)
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((at, part) => (at as Json | undefined)?.[part], doc) as Json | undefined;
  }
  return node;
}
