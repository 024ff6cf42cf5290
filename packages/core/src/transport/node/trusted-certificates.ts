/**
 * The certificates a client trusts when given `ca`: Node's own (its bundled roots and `NODE_EXTRA_CA_CERTS`) plus
 * the caller's. Passing `ca` to Node's TLS replaces the roots instead of adding to them
 * (https://nodejs.org/api/tls.html#tlscreatesecurecontextoptions), so the defaults are put back here.
 */
import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';
import type { Pem } from '../connection-options.js';

/** One or several PEM blocks, as Node's TLS takes them. */
export function pemList(value: Pem | readonly Pem[]): (string | Buffer)[] {
  const list: readonly Pem[] = Array.isArray(value) ? value : [value as Pem];
  return list.map((pem) => (typeof pem === 'string' ? pem : Buffer.from(pem.buffer, pem.byteOffset, pem.byteLength)));
}

// NODE_EXTRA_CA_CERTS is read by Node once, at startup (https://nodejs.org/api/cli.html#node_extra_ca_certsfile).
function extraCaCertificates(): string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    return [readFileSync(file, 'utf8')];
  } catch {
    return []; // Node has already warned about the unreadable file.
  }
}

/** The trusted certificates: undefined (Node's defaults) without `ca`, else the defaults and `ca`. */
export function trustedCertificates(ca: Pem | readonly Pem[] | undefined): (string | Buffer)[] | undefined {
  if (ca === undefined) return undefined;
  const getDefaults = (tls as { getCACertificates?: (type: 'default') => string[] }).getCACertificates;
  const defaults = getDefaults ? getDefaults('default') : [...tls.rootCertificates, ...extraCaCertificates()];
  return [...defaults, ...pemList(ca)];
}
