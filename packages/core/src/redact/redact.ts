/**
 * Redaction: every secret out of URLs, headers, messages and logs, before anything stores or prints them.
 * Errors and log lines are built only from redacted values (Octokit's request-error does the same).
 */

/** What a secret is replaced with. */
export const REDACTED = '[REDACTED]';

/** Query parameters that carry credentials in the wild (V-Spark `token`, OAuth `access_token`, `code`…). */
export const SECRET_QUERY_PARAMS: readonly string[] = [
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'api_key',
  'apikey',
  'key',
  'client_secret',
  'code',
  'password',
  'secret',
  'signature',
  'sig',
];

/** Headers that carry credentials. */
export const SECRET_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-auth-token',
  'x-spark-signature',
];

// `Authorization: Bearer x`, `OAuth x`, `Basic x`, `token=x` and `https://user:password@` as they appear inside free text.
const SCHEME_IN_TEXT = /\b(Bearer|OAuth|Basic|Token)\s+[A-Za-z0-9\-._~+/]+=*/g;
const SECRET_PARAM_IN_TEXT = new RegExp(
  `([?&;\\s"'](?:${SECRET_QUERY_PARAMS.join('|')})=)[^&\\s"'#]+`,
  'gi',
);
// The scheme starts where a run of scheme characters starts (the lookbehind): from every letter of a long run it
// would rescan the run, quadratic in its length (`a-a-a-…`), an event loop blocked by one error body.
const USERINFO_IN_TEXT = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi;
// A header value `Scheme credential` (RFC 9110 §11.4): servers echo the bare credential too.
const SCHEME_VALUE = /^(?:Bearer|OAuth|Basic|Token)\s+(\S+)$/i;

/**
 * Shortest value searched for anywhere in free text; a shorter secret (a 4-character password) is searched for
 * only as a whole word, so that it does not redact every word it is part of.
 */
const MIN_SECRET_LENGTH = 6;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes known secret values and credential-shaped substrings from text, URLs and headers.
 * A client creates one with its tokens; `add()` registers tokens learnt later (V-Spark's company tokens).
 */
export class Redactor {
  readonly #secrets = new Set<string>();
  readonly #shortSecrets = new Set<string>();
  // Longest first, so a secret that contains another is not left half-redacted; rebuilt after each `add()`.
  #longestFirst: string[] | undefined;
  #shortPattern: RegExp | undefined;

  constructor(secrets: Iterable<string | undefined | null> = []) {
    for (const secret of secrets) this.add(secret);
  }

  /** Registers a secret value; every later redaction removes it wherever it appears. */
  add(secret: string | undefined | null): void {
    if (!secret) return;
    const credential = SCHEME_VALUE.exec(secret)?.[1];
    for (const value of credential === undefined ? [secret] : [secret, credential]) {
      const forms = [
        value,
        encodeURIComponent(value),
        // As a form-encoded query value (URLSearchParams: space as `+`, `'` `!` `(` `)` `~` percent-encoded).
        new URLSearchParams([['', value]]).toString().slice(1),
        // As a JSON string holds it (`"` and `\` escaped): error bodies are redacted as text before they are
        // parsed, and every string of the parsed body again after (other escapes, `\u005f`, parse back to it).
        JSON.stringify(value).slice(1, -1),
      ];
      for (const form of forms) (value.length < MIN_SECRET_LENGTH ? this.#shortSecrets : this.#secrets).add(form);
    }
    this.#longestFirst = undefined;
    this.#shortPattern = undefined;
  }

  /**
   * This redactor with a call's own secrets besides (a per-call token, a password in its body): a copy, so that the
   * client's redactor does not keep every call's secrets for its lifetime (a server sending each request with its
   * user's token would otherwise grow it, and slow every redaction, without end). Itself when there are none.
   */
  with(secrets: Iterable<string | undefined | null>): Redactor {
    let scoped: Redactor | undefined;
    for (const secret of secrets) {
      if (!secret || this.#secrets.has(secret) || this.#shortSecrets.has(secret)) continue;
      if (!scoped) {
        scoped = new Redactor();
        for (const known of this.#secrets) scoped.#secrets.add(known);
        for (const known of this.#shortSecrets) scoped.#shortSecrets.add(known);
      }
      scoped.add(secret);
    }
    return scoped ?? this;
  }

  /** Whether `text` holds a registered secret (in any of its registered forms). */
  holds(text: string): boolean {
    for (const secret of this.#secrets) if (text.includes(secret)) return true;
    return this.#shortSecrets.size > 0 && this.#short().test(text);
  }

  // Short secrets as whole words only: not preceded or followed by a letter or digit.
  #short(): RegExp {
    this.#shortPattern ??= new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${[...this.#shortSecrets].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
      'gu',
    );
    this.#shortPattern.lastIndex = 0;
    return this.#shortPattern;
  }

  /** Free text with every known secret and credential-shaped substring replaced. */
  text(text: string): string {
    let out = text;
    this.#longestFirst ??= [...this.#secrets].sort((a, b) => b.length - a.length);
    for (const secret of this.#longestFirst) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    if (this.#shortSecrets.size > 0) out = out.replace(this.#short(), REDACTED);
    return out
      .replace(SCHEME_IN_TEXT, `$1 ${REDACTED}`)
      .replace(SECRET_PARAM_IN_TEXT, `$1${REDACTED}`)
      .replace(USERINFO_IN_TEXT, `$1${REDACTED}@`);
  }

  /** A URL with secret query parameters, user info and known secrets replaced. */
  url(url: string | URL): string {
    let parsed: URL;
    try {
      parsed = new URL(String(url));
    } catch {
      return this.text(String(url));
    }
    if (parsed.username) parsed.username = REDACTED;
    if (parsed.password) parsed.password = REDACTED;
    // Query values are compared decoded: re-serialising a URL re-encodes them (`'` → `%27`, space → `+`), so a known
    // secret under an unlisted name would otherwise slip through in a form none of its registered ones matches.
    for (const [name, value] of [...parsed.searchParams]) {
      if (SECRET_QUERY_PARAMS.includes(name.toLowerCase()) || this.#holdsSecret(value)) parsed.searchParams.set(name, REDACTED);
    }
    if (this.#holdsSecret(safeDecode(parsed.pathname))) {
      parsed.pathname = parsed.pathname.split('/').map((part) => (this.#holdsSecret(safeDecode(part)) ? REDACTED : part)).join('/');
    }
    if (this.#holdsSecret(safeDecode(parsed.hash))) parsed.hash = REDACTED;
    // URLSearchParams encodes the brackets; keep the marker readable.
    return this.text(parsed.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED));
  }

  #holdsSecret(text: string): boolean {
    return this.holds(text);
  }

  /**
   * A parsed body (JSON) with every string in it, keys included, redacted: text redaction before parsing misses a
   * secret written with other escapes (`\u005f` for `_`, `\/`), which parsing turns back into the secret.
   */
  value(value: unknown): unknown {
    return redactedValue(value, (text) => this.text(text));
  }

  /** A plain header record with credential headers replaced and known secrets removed from the rest. */
  headers(headers: Headers | Record<string, string> | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    if (!headers) return out;
    const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
    for (const [name, value] of entries) {
      out[name.toLowerCase()] = SECRET_HEADERS.includes(name.toLowerCase()) ? REDACTED : this.text(value);
    }
    return out;
  }
}

/** `value` rebuilt with `redact` applied to every string and key; iterative, so any depth JSON.parse gives works. */
function redactedValue(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  const root: Record<string, unknown> = {};
  // Each task copies `from` into `into[key]`.
  const tasks: { from: unknown; into: Record<string, unknown>; key: string }[] = [{ from: value, into: root, key: 'value' }];
  for (let task = tasks.pop(); task; task = tasks.pop()) {
    const { from, into, key } = task;
    let copy: unknown = from;
    if (typeof from === 'string') copy = redact(from);
    else if (Array.isArray(from)) {
      const items: unknown[] = new Array<unknown>(from.length);
      copy = items;
      for (let i = 0; i < from.length; i++) tasks.push({ from: from[i], into: items as unknown as Record<string, unknown>, key: String(i) });
    } else if (from !== null && typeof from === 'object') {
      const record: Record<string, unknown> = {};
      copy = record;
      for (const [name, item] of Object.entries(from)) tasks.push({ from: item, into: record, key: redact(name) });
    }
    // Defined, not assigned: a `__proto__` key (JSON.parse makes it an own property) stays a plain key.
    Object.defineProperty(into, key, { value: copy, enumerable: true, writable: true, configurable: true });
  }
  return root.value;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
