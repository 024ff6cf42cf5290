/**
 * Which proxy a request goes through, as curl and Python's requests decide it: `https_proxy` for https targets and
 * `http_proxy` for http ones (the lower-case name first, then the upper-case one), a `proxy` option instead of
 * both, and `no_proxy`/`NO_PROXY` naming the hosts reached directly. curl's rules:
 * https://curl.se/docs/manpage.html#--noproxy and https://everything.curl.dev/usingcurl/proxies/env.html
 * An IP address is matched as curl (7.86+), Go (golang.org/x/net/http/httpproxy) and Python's requests match it:
 * by an entry naming the same address or a CIDR range holding it (`10.0.0.0/8`, `fd00::/8`), never by a suffix.
 */
import { BlockList, isIP } from 'node:net';
import { ConfigurationError } from '../../errors/api-client-error.js';
import { Redactor } from '../../redact/redact.js';

/** The proxies of one client, read once when it is created. */
export interface ProxySettings {
  /** The proxy for http targets. */
  http: string | undefined;
  /** The proxy for https targets. */
  https: string | undefined;
  /** The hosts reached directly. */
  noProxy: NoProxy;
}

/**
 * A parsed `NO_PROXY`: every host (`*`), or a list of entries, each with an optional port: a host suffix, or an
 * IP address or CIDR range (`addresses`, which IP targets are checked against).
 */
type NoProxy = 'all' | NoProxyEntry[];
interface NoProxyEntry {
  host: string;
  port: string | undefined;
  addresses?: BlockList;
}

const CIDR = /^([^/]+)\/(\d{1,3})$/;

/** The addresses an entry names, when it is an IP address or a CIDR range. */
function addressesOf(host: string): BlockList | undefined {
  const [address = host, bits] = CIDR.exec(host)?.slice(1) ?? [host];
  const family = isIP(address);
  if (family === 0) return undefined;
  const list = new BlockList();
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (bits === undefined) list.addAddress(address, type);
  else if (Number(bits) <= (family === 4 ? 32 : 128)) list.addSubnet(address, Number(bits), type);
  else return undefined;
  return list;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

// A proxy given without a scheme (`proxy.corp:3128`) is an http proxy, as curl takes it. `source` (the variable's
// name, or the `proxy` option) is what a ConfigurationError names when the URL cannot be used.
function proxyUrl(value: string, source: string): string {
  const url = value.includes('://') ? value : `http://${value}`;
  checkProxyUrl(url, source);
  return url;
}

/**
 * Refuses, when the client is created, a proxy URL every request would fail on: one that is no URL, or whose user
 * name or password is not valid percent-encoding (`p%zz`: a `%` written as itself, not `%25`), which decoding them
 * for `Proxy-Authorization` throws a bare `URIError` on. The error quotes the URL without its credentials.
 */
function checkProxyUrl(url: string, source: string): void {
  const refuse = (why: string) => new ConfigurationError(`${source}: the proxy URL "${new Redactor().url(url)}" ${why}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse('is not a valid URL');
  }
  for (const [part, text] of [['user name', parsed.username], ['password', parsed.password]] as const) {
    try {
      decodeURIComponent(text);
    } catch {
      throw refuse(`has malformed percent-encoding in its ${part} (write a literal % as %25)`);
    }
  }
}

/** The proxy of the first of `names` set (and not empty) in `env`. */
function proxyFromEnv(env: Record<string, string | undefined>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = nonEmpty(env[name]);
    if (value !== undefined) return proxyUrl(value, name);
  }
  return undefined;
}

function withoutBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** Parses a `NO_PROXY` list: comma- or space-separated; `*` alone means every host. */
export function parseNoProxy(value: string | undefined): NoProxy {
  const entries = (value ?? '').split(/[\s,]+/).map((entry) => entry.toLowerCase()).filter((entry) => entry !== '');
  if (entries.includes('*')) return 'all';
  return entries.map((entry) => {
    // `[::1]:8080` and `host:8080` carry a port; a bare IPv6 literal (more than one colon) does not.
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracketed) return withAddresses({ host: bracketed[1] as string, port: bracketed[2] });
    const colons = entry.split(':').length - 1;
    const [name = entry, port] = colons === 1 ? entry.split(':') : [entry];
    // A leading `.` or `*.` means the same as none: the domain and every host under it.
    return withAddresses({ host: name.replace(/^\*?\./, ''), port });
  });
}

function withAddresses(entry: NoProxyEntry): NoProxyEntry {
  const addresses = addressesOf(entry.host);
  return addresses ? { ...entry, addresses } : entry;
}

/** The proxies a client uses: the `proxy` option (for both schemes), `false` for none, or the environment. */
export function proxySettings(option: string | URL | false | undefined, env: Record<string, string | undefined>): ProxySettings {
  const noProxy = parseNoProxy(nonEmpty(env.no_proxy) ?? nonEmpty(env.NO_PROXY));
  if (option === false) return { http: undefined, https: undefined, noProxy: [] };
  if (option !== undefined) {
    const url = proxyUrl(String(option), 'the proxy option');
    return { http: url, https: url, noProxy };
  }
  // Under CGI a request's `Proxy:` header becomes HTTP_PROXY ("httpoxy", https://httpoxy.org): when REQUEST_METHOD
  // says we run as a CGI script, the upper-case name is not read, as Go's net/http and Python's urllib do.
  const cgi = nonEmpty(env.REQUEST_METHOD) !== undefined;
  return {
    http: proxyFromEnv(env, cgi ? ['http_proxy'] : ['http_proxy', 'HTTP_PROXY']),
    https: proxyFromEnv(env, ['https_proxy', 'HTTPS_PROXY']),
    noProxy,
  };
}

/** Whether `NO_PROXY` sends a request to `target` directly. */
export function bypassesProxy(target: URL, noProxy: NoProxy): boolean {
  if (noProxy === 'all') return true;
  const host = withoutBrackets(target.hostname.toLowerCase()).replace(/\.$/, '');
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  const family = isIP(host);
  for (const entry of noProxy) {
    // An entry with a port matches that port only.
    if (entry.port !== undefined && entry.port !== port) continue;
    // An IP address: by an entry naming it or a range holding it (`0.0.1` is no suffix of `127.0.0.1`).
    if (family !== 0) {
      if (entry.addresses?.check(host, family === 4 ? 'ipv4' : 'ipv6')) return true;
      continue;
    }
    // A name: itself, or any host under the domain.
    if (host === entry.host || host.endsWith(`.${entry.host}`)) return true;
  }
  return false;
}

/** The proxy URL for a request to `target`, or undefined to connect directly. */
export function proxyFor(target: URL, settings: ProxySettings): string | undefined {
  const proxy = target.protocol === 'https:' ? settings.https : target.protocol === 'http:' ? settings.http : undefined;
  if (proxy === undefined || bypassesProxy(target, settings.noProxy)) return undefined;
  return proxy;
}
