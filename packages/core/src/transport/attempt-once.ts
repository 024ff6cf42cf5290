/**
 * One attempt of a request: the request, then each redirect by the redirect policy (redirects.ts), then the body,
 * read within the attempt (so under its timeout). The credential goes only where the redirect policy lets it.
 */
import type { Redactor } from '../redact/redact.js';
import { withQueryCredential, type Credential } from './credential.js';
import type { Exchange, OutgoingRequest } from './exchange.js';
import { MAX_REDIRECTS, nextHop, redirectTarget, sameOrigin, withoutSecrets, type Hop } from './redirects.js';
import type { Sender, SendInit } from './sender.js';

/** What every attempt of one transport shares. */
export interface AttemptSetup {
  /** What puts each hop on the wire. */
  sender: Sender;
  /** The client's headers (lower-case names), beneath the request's own. */
  defaultHeaders: Record<string, string>;
  /** Largest body read, unless the request sets its own. */
  maxResponseBytes: number;
  /** Knows the secrets no URL sent to another origin may carry. */
  redactor: Redactor;
}

/** One attempt: the request, then each redirect by the redirect policy, then the body. */
export async function attemptOnce(
  { sender, defaultHeaders, maxResponseBytes, redactor }: AttemptSetup,
  outgoing: OutgoingRequest,
  method: string,
  credential: Credential | null | undefined,
  signal: SendInit['signal'],
): Promise<Exchange> {
  const follow = (outgoing.redirect ?? 'follow') === 'follow';
  let hop: Hop<string | Uint8Array> = { method, headers: { ...defaultHeaders, ...outgoing.headers }, body: outgoing.body ?? null };
  let url = outgoing.url;
  let trusted = true;
  for (let redirects = 0; ; redirects++) {
    // Each hop's headers are its own copy: the credential joins them unless the request carries its own.
    if (trusted && credential?.in === 'header') hop.headers[credential.name.toLowerCase()] ??= credential.value;
    const target: string = trusted && credential?.in === 'query' ? withQueryCredential(url, credential) : url;
    const sent = await sender.send(target, { method: hop.method, headers: hop.headers, body: hop.body, signal, redirect: follow ? 'manual' : (outgoing.redirect as RequestRedirect) });
    const location: string | null = follow ? redirectTarget(sent.head, sent.url) : null;
    // The URL that answered, as the caller may print it (`.raw`'s `response.url`): without the query credential
    // the transport added (a browser that followed redirects itself answers for another URL, kept as it is).
    const answeredUrl = sent.url === target ? url : sent.url;
    if (location === null) return { response: sent.head, bytes: await sent.read(outgoing.maxResponseBytes ?? maxResponseBytes), url: answeredUrl };
    if (redirects === MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
    await sent.discard();
    const leavesOrigin: boolean = trusted && !sameOrigin(location, outgoing.url);
    hop = nextHop(hop, sent.head.status, leavesOrigin, credential?.in === 'header' ? credential.name : undefined);
    trusted &&= !leavesOrigin;
    // Whatever the credential travels in, no URL sent to another origin carries it (the server may echo it).
    url = trusted ? location : withoutSecrets(location, (text) => redactor.holds(text));
  }
}
