/**
 * Replaying a real client's request against a mock with plain fetch, and what the real API's own document says the
 * answer is. Nothing here goes through our clients.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceDir } from '../lib/spec-validator.js';

/** One request as an independent client sends it. */
export interface Replayed {
  /** The client call it stands for, e.g. `rooms.create` of ciscosparkapi. */
  call: string;
  method: string;
  /** Path and query, as the client writes them (relative to the API's base URL). */
  path: string;
  headers?: Record<string, string>;
  /** JSON-encoded when an object, sent as is when a string. */
  body?: unknown;
}

/** What came back. */
export interface Answer {
  status: number;
  mediaType: string;
  headers: Headers;
  text: string;
  /** The parsed body, when JSON. */
  json: unknown;
}

/** Sends `request` to the mock at `base` with fetch and reads the whole answer. */
export async function replay(base: string, request: Replayed): Promise<Answer> {
  const init: RequestInit = { method: request.method, headers: request.headers ?? {} };
  if (request.body !== undefined) init.body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  const response = await fetch(new URL(request.path.replace(/^\//, ''), `${base}/`), init);
  return answerOf(response);
}

/** Reads a fetch response into an {@link Answer}. */
export async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  return { status: response.status, mediaType, headers: response.headers, text, json: /json/.test(mediaType) && text ? JSON.parse(text) : undefined };
}

type Operation = { parameters?: { name?: string; in?: string; $ref?: string }[]; responses?: Record<string, { content?: Record<string, unknown> }> };
type OpenApi = { paths: Record<string, Record<string, Operation>>; components?: { parameters?: Record<string, { name: string; in: string }> } };

/** A vendor's own OpenAPI documents in ../shared/reference, to say which status and media type the real API answers with. */
export function officialDocuments(...files: string[]): OpenApi[] {
  return files.map((file) => JSON.parse(readFileSync(join(referenceDir, file), 'utf8')) as OpenApi);
}

/** The template of `documents` that a concrete path matches, static segments first (`/incidents/unresolved` before `/incidents/{id}`). */
function templateOf(documents: OpenApi[], path: string): { document: OpenApi; template: string } | undefined {
  const bare = path.split('?')[0]!.replace(/\.json$/, '');
  const candidates = documents.flatMap((document) =>
    Object.keys(document.paths)
      .filter((template) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(bare))
      .map((template) => ({ document, template, variables: (template.match(/\{/g) ?? []).length })),
  );
  return candidates.sort((a, b) => a.variables - b.variables)[0];
}

/** The first success status, and its media type, that the official documents give `method path`; undefined when they have no such operation. */
export function officialSuccess(documents: OpenApi[], method: string, path: string): { status: number; mediaType: string | undefined } | undefined {
  const found = templateOf(documents, path);
  const responses = found?.document.paths[found.template]?.[method.toLowerCase()]?.responses;
  if (!responses) return undefined;
  const status = Object.keys(responses).filter((code) => /^2\d\d$/.test(code)).sort()[0];
  if (!status) return undefined;
  return { status: Number(status), mediaType: Object.keys(responses[status]!.content ?? {})[0] };
}

/** Whether the official documents give `method path` a query parameter named `name` (e.g. `page`: the list is paged). */
export function officiallyTakes(documents: OpenApi[], method: string, path: string, name: string): boolean {
  const found = templateOf(documents, path);
  if (!found) return false;
  const item = found.document.paths[found.template]!;
  const parameters = [...((item.parameters as Operation['parameters']) ?? []), ...(item[method.toLowerCase()]?.parameters ?? [])];
  return parameters.some((parameter) => {
    const resolved = parameter.$ref ? found.document.components?.parameters?.[parameter.$ref.split('/').pop()!] : parameter;
    return resolved?.in === 'query' && resolved.name === name;
  });
}

/** Follows next links from a first answer until there is none; throws after `cap` pages, which means a list that never ends. */
export async function pagesToEnd(first: Answer, nextOf: (answer: Answer) => string | null, fetchNext: (url: string) => Promise<Answer>, cap = 10): Promise<{ pages: Answer[]; nextUrls: string[] }> {
  const pages = [first];
  const nextUrls: string[] = [];
  for (let next = nextOf(first); next !== null; next = nextOf(pages.at(-1)!)) {
    if (pages.length >= cap) throw new Error(`Still a next page after ${cap} pages: ${next}`);
    nextUrls.push(next);
    pages.push(await fetchNext(next));
  }
  return { pages, nextUrls };
}
