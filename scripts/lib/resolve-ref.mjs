// A spec node with its `$ref`s followed (JSON Pointer, RFC 6901: `~1` is `/`, `~0` is `~`): shared by every step
// of generation that reads schemas, parameters or responses.

/** `node` itself, or what its `$ref` chain points at within `spec`. */
export function resolveRef(spec, node) {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    const path = current.$ref.replace(/^#\//, '').split('/');
    current = path.reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return current;
}
