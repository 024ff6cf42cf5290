/**
 * The sender on undici (https://undici.nodejs.org), for Node: a keep-alive pool per origin, proxies from the
 * environment or the `proxy` option, extra CAs and client certificates. Every request names its dispatcher, so the
 * global one (which `NODE_USE_ENV_PROXY` makes a proxy agent on Node 22.21+ and 24) is never used.
 */
import { Agent, ProxyAgent, Pool, request, type Dispatcher } from 'undici';
import { EventEmitter } from 'node:events';
import type { IncomingHttpHeaders } from 'node:http';
import type { Redactor } from '../../redact/redact.js';
import type { AbortEmitter, AttemptController, ResponseHead, Sender, SentResponse } from '../sender.js';
import { BodyTooLarge, collectBounded, declaredOver } from '../bounded-body.js';
import { acceptEncodingFor, decodeBody } from './decode-body.js';
import { ProxyFailure, proxyErrorFor } from './proxy-error.js';
import { proxyFor, proxySettings } from './proxy-for.js';
import type { ConnectionOptions } from '../connection-options.js';
import { pemList, trustedCertificates } from './trusted-certificates.js';

/** Options of {@link createUndiciSender}. */
export interface UndiciSenderOptions extends ConnectionOptions {
  /** Learns the proxy's credentials, so that errors and logs never show them. */
  redactor?: Redactor | undefined;
  /** The environment proxies are read from (default `process.env`). */
  env?: Record<string, string | undefined>;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** A status line and headers from undici; the Headers object is built only when asked for. */
class UndiciResponseHead implements ResponseHead {
  #raw: IncomingHttpHeaders;
  #headers: Headers | undefined;
  constructor(
    readonly status: number,
    readonly statusText: string,
    raw: IncomingHttpHeaders,
  ) {
    this.#raw = raw;
  }
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  get headers(): Headers {
    if (this.#headers) return this.#headers;
    const headers = new Headers();
    for (const [name, value] of Object.entries(this.#raw)) {
      if (Array.isArray(value)) for (const one of value) headers.append(name, one);
      else if (value !== undefined) headers.append(name, value);
    }
    return (this.#headers = headers);
  }
}

/** A timed attempt's controller: an EventEmitter, which undici takes as a signal, for a fraction of an AbortSignal's cost. */
class EmitterAbort extends EventEmitter implements AbortEmitter, AttemptController {
  aborted = false;
  reason: unknown = undefined;
  get signal(): this {
    return this;
  }
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }
}

/** `host:port` of a proxy URL: how errors name it, never with its credentials. */
function proxyName(proxy: URL): string {
  return `${proxy.hostname}:${proxy.port || (proxy.protocol === 'https:' ? '443' : '80')}`;
}

// undici reports a proxy's refusal in the message only: `Proxy response (407) !== 200 when HTTP Tunneling` for a
// CONNECT, `Proxy Authentication Required (407)` for a request sent to the proxy (undici lib/dispatcher/proxy-agent.js).
function proxyStatusOf(error: unknown): number | undefined {
  const match = /Proxy (?:response \((\d{3})\)|Authentication Required \((407)\))/.exec(error instanceof Error ? error.message : '');
  return match ? Number(match[1] ?? match[2]) : undefined;
}

/** Builds the undici sender; its pools and proxy agents are made on first use. */
export function createUndiciSender(options: UndiciSenderOptions = {}): Sender {
  const settings = proxySettings(options.proxy, options.env ?? process.env);
  const connectTimeout = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const tlsOptions = {
    ...(options.ca === undefined ? {} : { ca: trustedCertificates(options.ca) }),
    ...(options.cert === undefined ? {} : { cert: pemList(options.cert) }),
    ...(options.key === undefined ? {} : { key: pemList(options.key) }),
  };
  const poolOptions = { connections: options.connections ?? null };
  for (const proxy of [settings.http, settings.https]) rememberSecrets(proxy, options.redactor);

  let closed = false;
  let direct: Agent | undefined;
  const proxied = new Map<string, ProxyAgent>();
  const dispatcherFor = (proxy: string | undefined): Dispatcher => {
    if (proxy === undefined) return (direct ??= new Agent({ ...poolOptions, connect: { ...tlsOptions, timeout: connectTimeout } }));
    let agent = proxied.get(proxy);
    if (!agent) {
      agent = new ProxyAgent({
        uri: proxy,
        ...poolOptions,
        // https targets go through a CONNECT tunnel; http ones are sent to the proxy in absolute form.
        proxyTunnel: false,
        requestTls: { ...tlsOptions, timeout: connectTimeout },
        proxyTls: { ...(tlsOptions.ca ? { ca: tlsOptions.ca } : {}), timeout: connectTimeout },
        // A proxy that takes the connection and never answers the CONNECT: bounded like a connection.
        clientFactory: (origin, factoryOptions) => new Pool(origin, { ...factoryOptions, headersTimeout: connectTimeout }),
      });
      proxied.set(proxy, agent);
    }
    return agent;
  };
  const anyProxy = settings.http !== undefined || settings.https !== undefined;

  return {
    async send(url, init): Promise<SentResponse> {
      if (closed) throw Object.assign(new Error('the client is closed'), { retryable: false });
      const target = anyProxy ? new URL(url) : undefined;
      const proxy = target && proxyFor(target, settings);
      let answer: Dispatcher.ResponseData;
      try {
        answer = await request(url, {
          dispatcher: dispatcherFor(proxy),
          method: init.method as Dispatcher.HttpMethod,
          // As fetch does: ask for compressed bodies (and undo them below) unless the request says otherwise.
          headers: 'accept-encoding' in init.headers ? init.headers : { ...init.headers, 'accept-encoding': acceptEncodingFor(url) },
          body: init.body,
          signal: init.signal,
        });
      } catch (error) {
        if (proxy === undefined) throw error;
        const name = proxyName(new URL(proxy));
        const status = proxyStatusOf(error);
        const why = status === undefined ? (error instanceof Error ? error.message : String(error)) : `it answered ${status}`;
        throw new ProxyFailure(`through proxy ${name}: ${why}`, name, status, error);
      }
      const { statusCode, statusText, headers, body } = answer;
      // The caller's `redirect: 'error'` (the transport asks for `manual` when it follows redirects itself).
      if (init.redirect === 'error' && REDIRECT_STATUSES.has(statusCode) && headers.location !== undefined) {
        await body.dump();
        throw new TypeError(`unexpected redirect: ${statusCode}`);
      }
      return {
        head: new UndiciResponseHead(statusCode, statusText ?? '', headers),
        url,
        read: (limit) => readUndiciBody(body, statusCode, init.method === 'HEAD' ? undefined : headers['content-encoding'], headers['content-length'], limit),
        discard: async () => {
          await body.dump();
        },
      };
    },
    attemptController: () => new EmitterAbort(),
    errorFor: proxyErrorFor,
    async close() {
      closed = true;
      const all: Dispatcher[] = [...(direct ? [direct] : []), ...proxied.values()];
      direct = undefined;
      proxied.clear();
      await Promise.all(all.map((dispatcher) => dispatcher.close()));
    },
  };
}

/** Registers a proxy URL's credentials (and the `Proxy-Authorization` value made of them) as secrets. */
function rememberSecrets(proxy: string | undefined, redactor: Redactor | undefined): void {
  if (!proxy || !redactor) return;
  let url: URL;
  try {
    url = new URL(proxy);
  } catch {
    return;
  }
  if (!url.password && !url.username) return;
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  redactor.add(password);
  redactor.add(url.password);
  redactor.add(`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`);
}

/**
 * An undici body read whole and decoded, bounded by `limit` as fetch's is (bounded-body.ts): the bytes on the wire
 * while they arrive, then the decoded bytes while they inflate, so a gzip bomb stops at the limit too.
 */
async function readUndiciBody(
  body: Dispatcher.ResponseData['body'],
  status: number,
  contentEncoding: string | string[] | undefined,
  contentLength: string | string[] | undefined,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  if (contentEncoding === undefined && declaredOver(typeof contentLength === 'string' ? contentLength : undefined, limit)) {
    await body.dump();
    throw new BodyTooLarge(status, limit);
  }
  const chunks = body[Symbol.asyncIterator]();
  const raw = await collectBounded(() => chunks.next(), () => body.destroy(), status, limit);
  return decodeBody(raw, contentEncoding, limit, status);
}
