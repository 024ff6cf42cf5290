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
const USERINFO_IN_TEXT = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi;
// A header value `Scheme credential` (RFC 9110 §11.4): servers echo the bare credential too.
const SCHEME_VALUE = /^(?:Bearer|OAuth|Basic|Token)\s+(\S+)$/i;

/** Shortest value treated as a secret to search for in free text; shorter ones would redact ordinary words. */
const MIN_SECRET_LENGTH = 6;

/**
 * Removes known secret values and credential-shaped substrings from text, URLs and headers.
 * A client creates one with its tokens; `add()` registers tokens learnt later (V-Spark's company tokens).
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  constructor(secrets: Iterable<string | undefined | null> = []) {
    for (const secret of secrets) this.add(secret);
  }

  /** Registers a secret value; every later redaction removes it wherever it appears. */
  add(secret: string | undefined | null): void {
    if (!secret) return;
    const credential = SCHEME_VALUE.exec(secret)?.[1];
    for (const value of credential === undefined ? [secret] : [secret, credential]) {
      if (value.length < MIN_SECRET_LENGTH) continue;
      this.#secrets.add(value);
      this.#secrets.add(encodeURIComponent(value));
      // As a form-encoded query value (URLSearchParams: space as `+`, `'` `!` `(` `)` `~` percent-encoded).
      this.#secrets.add(new URLSearchParams([['', value]]).toString().slice(1));
      // As a JSON string holds it (`"` and `\` escaped): error bodies are redacted as text, before they are parsed.
      this.#secrets.add(JSON.stringify(value).slice(1, -1));
    }
  }

  /** Free text with every known secret and credential-shaped substring replaced. */
  text(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is not left half-redacted.
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join(REDACTED);
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
    for (const secret of this.#secrets) if (text.includes(secret)) return true;
    return false;
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

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
