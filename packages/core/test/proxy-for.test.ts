/** Which proxy a request goes through: the environment as curl and requests read it, the `proxy` option, NO_PROXY. */
import { describe, expect, it } from 'vitest';
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
