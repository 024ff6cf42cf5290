/** Which proxy a request goes through: the environment as curl and requests read it, the `proxy` option, NO_PROXY. */
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../src/index.js';
import { createTransport } from '../src/node.js';
import { bypassesProxy, parseNoProxy, proxyFor, proxySettings } from '../src/transport/node/proxy-for.js';

const P = 'http://proxy.corp:3128';
const via = (url: string, env: Record<string, string>, option?: string | false) => proxyFor(new URL(url), proxySettings(option, env));

describe('the environment', () => {
  it('https targets use https_proxy, http targets http_proxy', () => {
    const env = { https_proxy: 'http://s.corp:1', http_proxy: 'http://h.corp:2' };
    expect(via('https://api.test/x', env)).toBe('http://s.corp:1');
    expect(via('http://api.test/x', env)).toBe('http://h.corp:2');
  });

  it('the lower-case name wins over the upper-case one; an empty one counts as unset', () => {
    expect(via('https://api.test/', { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2' })).toBe('http://lower:1');
    expect(via('https://api.test/', { HTTPS_PROXY: 'http://upper:2' })).toBe('http://upper:2');
    expect(via('https://api.test/', { https_proxy: '', HTTPS_PROXY: 'http://upper:2' })).toBe('http://upper:2');
    expect(via('https://api.test/', { no_proxy: 'api.test', NO_PROXY: 'other.test', HTTPS_PROXY: P })).toBeUndefined();
  });

  it('no proxy variable: direct', () => {
    expect(via('https://api.test/', {})).toBeUndefined();
    expect(via('http://api.test/', { https_proxy: P })).toBeUndefined();
  });

  it('under CGI (REQUEST_METHOD set) ignores HTTP_PROXY, which a request’s Proxy header sets (httpoxy), not http_proxy', () => {
    expect(via('http://api.test/', { HTTP_PROXY: P, REQUEST_METHOD: 'GET' })).toBeUndefined();
    expect(via('http://api.test/', { http_proxy: P, REQUEST_METHOD: 'GET' })).toBe(P);
    expect(via('https://api.test/', { HTTPS_PROXY: P, REQUEST_METHOD: 'GET' })).toBe(P);
    expect(via('http://api.test/', { HTTP_PROXY: P })).toBe(P);
  });

  it('a proxy without a scheme is an http proxy, as curl takes it', () => {
    expect(via('https://api.test/', { HTTPS_PROXY: 'proxy.corp:3128' })).toBe(P);
  });
});

describe('the proxy option', () => {
  it('is used for both schemes, over the environment', () => {
    expect(via('https://api.test/', { HTTPS_PROXY: 'http://env:1' }, P)).toBe(P);
    expect(via('http://api.test/', {}, P)).toBe(P);
  });

  it('false ignores the environment, NO_PROXY included', () => {
    expect(via('https://api.test/', { HTTPS_PROXY: P }, false)).toBeUndefined();
  });

  it('NO_PROXY still applies to it (curl: --proxy with no_proxy set)', () => {
    expect(via('https://api.test/', { NO_PROXY: 'api.test' }, P)).toBeUndefined();
  });
});

describe('NO_PROXY', () => {
  const bypass = (url: string, noProxy: string) => bypassesProxy(new URL(url), parseNoProxy(noProxy));

  it.each([
    ['https://api.test/', 'api.test', true],
    ['https://eu.api.test/', 'api.test', true], // a domain covers its hosts
    ['https://eu.api.test/', '.api.test', true], // a leading dot means the same
    ['https://api.test/', '.api.test', true],
    ['https://eu.api.test/', '*.api.test', true],
    ['https://myapi.test/', 'api.test', false], // a suffix only at a dot
    ['https://api.test/', 'other.test, api.test', true], // comma and space separated
    ['https://API.Test/', 'api.test', true], // case-insensitive
    ['https://api.test./', 'api.test', true], // a trailing dot on the host
    ['https://anything.test/', '*', true],
    ['https://api.test/', '', false],
  ])('%s against %j: %s', (url, noProxy, expected) => {
    expect(bypass(url, noProxy)).toBe(expected);
  });

  it('an entry with a port matches that port only (the scheme default when the URL has none)', () => {
    expect(bypass('https://api.test:8443/', 'api.test:8443')).toBe(true);
    expect(bypass('https://api.test/', 'api.test:8443')).toBe(false);
    expect(bypass('https://api.test/', 'api.test:443')).toBe(true);
    expect(bypass('http://api.test/', 'api.test:80')).toBe(true);
  });

  it('IP literals match exactly, IPv6 with or without brackets', () => {
    expect(bypass('http://127.0.0.1:8080/', '127.0.0.1')).toBe(true);
    expect(bypass('http://127.0.0.2/', '127.0.0.1')).toBe(false);
    expect(bypass('http://[::1]:8080/', '::1')).toBe(true);
    expect(bypass('http://[::1]:8080/', '[::1]:8080')).toBe(true);
    expect(bypass('http://[::1]:8080/', '[::1]:9090')).toBe(false);
  });

  it('an IP address is matched by the same address or a CIDR range holding it, never by a suffix (curl 7.86+, Go)', () => {
    expect(bypass('http://127.0.0.1/', '0.0.1')).toBe(false);
    expect(bypass('http://127.0.0.1/', '.0.0.1')).toBe(false);
    expect(bypass('http://10.1.2.3/', '10.0.0.0/8')).toBe(true);
    expect(bypass('http://11.1.2.3/', '10.0.0.0/8')).toBe(false);
    expect(bypass('http://10.1.2.3:8080/', '10.0.0.0/8:8080')).toBe(true);
    expect(bypass('http://10.1.2.3/', '10.0.0.0/8:8080')).toBe(false);
    expect(bypass('http://[fd00::5]/', 'fd00::/8')).toBe(true);
    expect(bypass('http://[fe80::5]/', 'fd00::/8')).toBe(false);
    expect(bypass('http://[::1]/', '0:0:0:0:0:0:0:1')).toBe(true); // the same address, written out
    expect(bypass('http://10.1.2.3/', '10.0.0.0/33')).toBe(false); // not a range
    expect(bypass('https://api.test/', '10.0.0.0/8')).toBe(false);
  });
});

describe('a proxy URL no request could use', () => {
  const refusal = (make: () => unknown): ConfigurationError => {
    try {
      make();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return error as ConfigurationError;
    }
    throw new Error('accepted');
  };

  it('malformed percent-encoding in the password: a ConfigurationError naming the variable, the URL without credentials', () => {
    const error = refusal(() => proxySettings(undefined, { HTTPS_PROXY: 'http://u:hunter2%zz@127.0.0.1:1' }));
    expect(error.message).toContain('HTTPS_PROXY: the proxy URL "http://[REDACTED]@127.0.0.1:1/"');
    expect(error.message).toContain('malformed percent-encoding in its password');
    expect(error.message).not.toContain('hunter2');
  });

  it('names the variable read (the lower-case one) and the user name when that is the malformed part', () => {
    const error = refusal(() => proxySettings(undefined, { http_proxy: 'http://%e0%a4@127.0.0.1:1', HTTP_PROXY: P }));
    expect(error.message).toMatch(/^http_proxy: .* in its user name/);
  });

  it('names the proxy option, and refuses at client creation, not at the first request', () => {
    const error = refusal(() => createTransport({ proxy: 'http://u:p%zz@127.0.0.1:1' }));
    expect(error.message).toMatch(/^the proxy option: the proxy URL "http:\/\/\[REDACTED\]@127\.0\.0\.1:1\/" has malformed/);
  });

  it('a URL that does not parse is refused the same way, its credentials still hidden', () => {
    const error = refusal(() => proxySettings('http://u:hunter2@[::1:3128', {}));
    expect(error.message).toContain('is not a valid URL');
    expect(error.message).not.toContain('hunter2');
  });

  it('well-formed percent-encoding is accepted (a literal % as %25)', () => {
    expect(proxySettings(undefined, { HTTPS_PROXY: 'http://u:p%25zz@127.0.0.1:1' }).https).toBe('http://u:p%25zz@127.0.0.1:1');
  });

  it('an unused variable is not read: HTTP_PROXY under CGI', () => {
    expect(proxySettings(undefined, { HTTP_PROXY: 'http://u:p%zz@127.0.0.1:1', REQUEST_METHOD: 'GET' }).http).toBeUndefined();
  });
});
