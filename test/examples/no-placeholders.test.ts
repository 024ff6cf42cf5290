/**
 * Nothing made up reaches what the mocks serve: every response of every operation, error statuses included, has an
 * example for each media type (else Prism invents `"string"`), every response header has an example value (else
 * Prism sends `string`) unless the testing kit's front writes that header itself, no example holds a placeholder,
 * and each vendor's error examples have the envelope its real API sends.
 */
import { describe, expect, it } from 'vitest';
import { listSpecs } from '../../scripts/lib/specs.mjs';
import { loadSpec, namedExamples, responseExamples } from '../lib/spec-validator.js';
import { eachString, formatOf } from '../lib/value-formats.js';

type Node = Record<string, any>;
const VERBS = ['get', 'put', 'post', 'delete', 'patch'];

// Headers the kit's front writes whatever the spec says (packages/testing/src/vendor-quirks.ts).
const WRITTEN_BY_THE_FRONT: Record<string, string[]> = { spark: ['link', 'trackingid'] };

/** `"string"` (Prism's invention), `...` or `ROUTER_...` (elided in a source), `<vm_name>` (a documentation placeholder). */
const isPlaceholder = (text: string) => text === 'string' || /\.\.\.$/.test(text.trim()) && text.trim().length <= 12 || /^<[\w ]+>$/.test(text);

// The error body of each vendor, as captured or documented (../shared/reference/README.md).
const ERROR_ENVELOPES: Record<string, (body: any) => boolean> = {
  // {message, errors: [{description}], trackingId}: the captured 400 and 403 bodies (reference/spark/examples).
  spark: (body) => typeof body.message === 'string' && Array.isArray(body.errors) && body.errors.every((e: Node) => typeof e.description === 'string') && formatOf(body.trackingId ?? '')?.startsWith('Webex tracking id') === true,
  // {message} (Statuspage), or {error} (python-statuspageio reads both, with an `errors` list).
  statuspage: (body) => typeof body.message === 'string' || typeof body.error === 'string',
  // {status, error, message}: the API's JSON errors (specs/vss.yaml, components.responses).
  vss: (body) => typeof body.message === 'string' && typeof body.error === 'string',
  vspark: (body: unknown) => typeof body === 'string' && body.length > 0,
};

describe.each(listSpecs().map((s: { vendor: string }) => s.vendor))('%s', (vendor) => {
  const spec: Node = loadSpec(vendor);
  const deref = (node: Node | undefined): Node | undefined => {
    let current = node;
    while (current?.$ref) current = current.$ref.replace(/^#\//, '').split('/').reduce((o: Node, k: string) => o?.[k], spec);
    return current;
  };
  const responses = Object.entries<Node>(spec.paths).flatMap(([path, item]) =>
    VERBS.filter((verb) => item[verb]).flatMap((verb) => Object.entries<Node>(item[verb].responses ?? {}).map(([status, response]) => ({ where: `${verb.toUpperCase()} ${path} ${status}`, status, response: deref(response)! }))),
  );

  it('has an example for every media type of every response, errors included', () => {
    const without = responses.flatMap(({ where, response }) =>
      Object.entries<Node>(response.content ?? {})
        .filter(([, media]) => media.example === undefined && !Object.keys(media.examples ?? {}).length)
        .map(([type]) => `${where} ${type}`),
    );
    expect(without).toEqual([]);
  });

  it('has an example value for every response header the front does not write', () => {
    const without = responses.flatMap(({ where, response }) =>
      Object.entries<Node>(response.headers ?? {})
        .filter(([name]) => !(WRITTEN_BY_THE_FRONT[vendor] ?? []).includes(name.toLowerCase()))
        .filter(([, header]) => {
          const resolved = deref(header)!;
          return resolved.example === undefined && !Object.keys(resolved.examples ?? {}).length && deref(resolved.schema)?.example === undefined;
        })
        .map(([name]) => `${where} ${name}`),
    );
    expect(without).toEqual([]);
  });

  it('holds no placeholder in any example, of a response or a request', () => {
    const found: string[] = [];
    for (const { where, value } of [...responseExamples(spec), ...namedExamples(spec)]) eachString(value, (_key, text, path) => isPlaceholder(text) && found.push(`${where} ${path} = ${JSON.stringify(text)}`));
    expect(found).toEqual([]);
  });

  it('answers every error status with the error body of the real API', () => {
    const wrong = responseExamples(spec)
      .filter(({ where }) => /^\S+ \S+ [45]/.test(where) && !/ text\/html /.test(where))
      .filter(({ where, value }) => !/ text\/plain /.test(where) || vendor === 'vspark' ? !ERROR_ENVELOPES[vendor]!(value as Node) : false)
      .map(({ where }) => where);
    expect(wrong).toEqual([]);
  });
});
