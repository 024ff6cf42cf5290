/**
 * Our Statuspage spec against Atlassian's official OpenAPI document (../shared/reference/statuspage): every operation
 * of ours is one of theirs, their examples match our schemas, and every example of our spec matches its schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDir, responseExamples, specValidator } from '../lib/spec-validator.js';

type Json = Record<string, any>;

const { spec, validate } = specValidator('statuspage');
const official: Json = JSON.parse(
  readFileSync(join(referenceDir, 'statuspage', 'statuspage-official-openapi.json'), 'utf8'),
);

const VERBS = ['get', 'put', 'post', 'delete', 'patch'];

// Our operations that the official document lacks, and why we have them anyway.
const NOT_IN_OFFICIAL: Record<string, string> = {
  // python-statuspageio's metrics.list_available; documented by the StatusPage.io v1 docs
  // (doers.statuspage.io/api/v1/metrics/, "Get a list of available public metric providers"), gone from the 2024 document.
  metrics_list_available: 'GET /metrics_providers is only in the StatusPage.io v1 documentation',
};

/** `/pages/{page_id}/components/{id}` → `/pages/{}/components/{}`: parameter names may differ between specs. */
const normalise = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

/** Follows `$ref`s inside one document. */
function deref(doc: Json, node: any): any {
  while (node?.$ref) node = node.$ref.replace(/^#\//, '').split('/').reduce((o: any, k: string) => o?.[k], doc);
  return node;
}

interface Operation {
  id: string;
  verb: string;
  path: string;
  item: Json;
  op: Json;
}

function operationsOf(doc: Json): Operation[] {
  return Object.entries<Json>(doc.paths ?? {}).flatMap(([path, item]) =>
    VERBS.filter((verb) => item[verb]).map((verb) => ({ id: item[verb].operationId, verb, path, item, op: item[verb] })),
  );
}

/** Path-level and operation-level parameters, resolved. */
function parametersOf(doc: Json, { item, op }: Operation): Json[] {
  return [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => deref(doc, p));
}

const ours = operationsOf(spec);
const theirs = operationsOf(official);
const officialFor = (o: Operation) => theirs.find((t) => t.verb === o.verb && normalise(t.path) === normalise(o.path));

describe('Statuspage operations against the official document', () => {
  it('has every official operation, once: its own method, or PATCH standing for PUT (x-apiclients-covers)', () => {
    const keys = ours.flatMap((o) => [o.verb, ...(o.op['x-apiclients-covers'] ?? [])].map((verb) => `${verb} ${normalise(o.path)}`));
    expect(new Set(keys).size, 'an official operation covered twice').toBe(keys.length);
    const missing = theirs.map((t) => `${t.verb} ${normalise(t.path)}`).filter((key) => !keys.includes(key));
    expect(missing).toEqual([]);
    expect(theirs).toHaveLength(112);
    expect(ours).toHaveLength(112 - 13 + Object.keys(NOT_IN_OFFICIAL).length);
  });

  for (const o of ours) {
    if (o.id in NOT_IN_OFFICIAL) {
      it(`${o.id}: ${o.verb.toUpperCase()} ${o.path} is not in the official document (${NOT_IN_OFFICIAL[o.id]})`, () => {
        // If Atlassian documents it again, this fails: match it like the others.
        expect(officialFor(o)).toBeUndefined();
      });
      continue;
    }
    it(`${o.id}: ${o.verb.toUpperCase()} ${o.path} is an official operation`, () => {
      expect(officialFor(o), `${o.verb} ${o.path}`).toBeDefined();
    });
  }

  it('sends PATCH where the official document offers PATCH and PUT with one body, and says it covers the PUT', () => {
    const bodyOf = (t: Operation | undefined) => JSON.stringify(deref(official, deref(official, t?.op.requestBody)?.content?.['application/json']?.schema) ?? null);
    const pairs = theirs.filter((t) => t.verb === 'put' && t.item.patch);
    expect(pairs).toHaveLength(13);
    for (const put of pairs) {
      const patch = theirs.find((t) => t.verb === 'patch' && t.path === put.path)!;
      // Where the two differ, both would be ours; in the 2024 document they never do (descriptions aside).
      expect(bodyOf(patch).replaceAll(/"description":"[^"]*"/g, ''), put.path).toBe(bodyOf(put).replaceAll(/"description":"[^"]*"/g, ''));
      const mine = ours.find((o) => normalise(o.path) === normalise(put.path) && o.verb === 'patch');
      expect(mine?.op['x-apiclients-covers'], `${put.path}: our PATCH covers the PUT`).toEqual(['put']);
      expect(ours.find((o) => normalise(o.path) === normalise(put.path) && o.verb === 'put'), put.path).toBeUndefined();
    }
    // Nothing else claims to cover an operation, and what it claims exists.
    const covering = ours.filter((o) => o.op['x-apiclients-covers']);
    expect(covering).toHaveLength(13);
  });

  it('pages exactly the lists the official document pages, with the parameters it has', () => {
    for (const o of ours.filter((x) => x.verb === 'get' && !(x.id in NOT_IN_OFFICIAL))) {
      const officialQuery = parametersOf(official, officialFor(o)!).filter((p) => p.in === 'query').map((p) => p.name);
      const pagination = o.op['x-apiclients-pagination'];
      expect(Boolean(pagination), `${o.id}: official query ${officialQuery}`).toBe(officialQuery.includes('page'));
      if (!pagination) continue;
      expect(officialQuery, o.id).toContain(pagination.perPageParam);
      const ourQuery = parametersOf(spec, o).filter((p) => p.in === 'query').map((p) => p.name);
      expect(ourQuery, o.id).toEqual(expect.arrayContaining([pagination.pageParam, pagination.perPageParam]));
    }
  });

  it('names each request body envelope in x-apiclients-envelope, and requires it; a body without one is unwrapped officially too', () => {
    for (const o of ours.filter((x) => x.op.requestBody)) {
      const schema = deref(spec, Object.values<any>(deref(spec, o.op.requestBody).content)[0].schema);
      const envelope = o.op['x-apiclients-envelope'];
      if (envelope) {
        expect(schema.required, o.id).toEqual([envelope]);
        expect(Object.keys(schema.properties), o.id).toEqual([envelope]);
        continue;
      }
      const theirContent = deref(official, officialFor(o)?.op.requestBody)?.content;
      const theirBody = deref(official, theirContent && Object.values<any>(theirContent)[0].schema);
      // Two official operations have no body at all (components_add_page_access_groups, page_access_users_update).
      if (!theirBody) continue;
      expect(Object.keys(theirBody.properties), o.id).toEqual(expect.arrayContaining(Object.keys(schema.properties)));
    }
  });
});

/** Every `content.*.example(s)` of an operation's responses in an OpenAPI 3.0 document. */
function contentExamples(doc: Json, o: Operation) {
  const out: { where: string; status: string; value: unknown }[] = [];
  for (const [status, response] of Object.entries<any>(o.op.responses ?? {})) {
    for (const [media, content] of Object.entries<any>(deref(doc, response)?.content ?? {})) {
      const named = Object.entries<any>(content.examples ?? {}).map(([name, ex]) => [name, deref(doc, ex).value] as const);
      if ('example' in content) named.push(['example', content.example]);
      for (const [name, value] of named) {
        out.push({ where: `${o.verb.toUpperCase()} ${o.path} ${status} ${media} ${name}`, status, value });
      }
    }
  }
  return out;
}

/** Our JSON schema for one response status of one of our operations. */
function ourResponseSchema(o: Operation, status: string) {
  const response = deref(spec, o.op.responses?.[status] ?? o.op.responses?.[`${status[0]}XX`]);
  return response?.content?.['application/json']?.schema;
}

/**
 * An object built from the property-level `example`s of an official schema (how Redocly renders its samples):
 * the closest thing to a sample the official document has for the resources we return.
 */
function propertyExamples(schema: Json): Json {
  const sample: Json = {};
  for (const [name, property] of Object.entries<any>(schema.properties ?? {})) {
    if ('example' in property) sample[name] = property.example;
    else if (property.type === 'array' && property.items && 'example' in property.items) sample[name] = [property.items.example];
  }
  return sample;
}

describe('official examples against our schemas', () => {
  const matched = ours.flatMap((o) => {
    const t = officialFor(o);
    return t ? [{ o, t }] : [];
  });
  const examples = matched.flatMap(({ o, t }) => contentExamples(official, t).map((e) => ({ ...e, o })));

  it('finds the official response examples of our operations', () => {
    // The 2024-08-24 document has response examples only for the bulk metric data and the permissions operations.
    expect(examples.map((e) => e.where).sort()).toEqual([
      'GET /organizations/{organization_id}/permissions/{user_id} 200 application/json response',
      'POST /pages/{page_id}/metrics/data 202 application/json response',
      'PUT /organizations/{organization_id}/permissions/{user_id} 200 application/json response',
    ]);
  });

  for (const example of examples) {
    it(`${example.where} matches our schema`, () => {
      const schema = ourResponseSchema(example.o, example.status);
      expect(schema, `${example.o.id} ${example.status}`).toBeDefined();
      expect(validate(schema, example.value)).toEqual([]);
    });
  }

  // The official schemas our operations return, and the names they have in our spec.
  const OURS_OF: Record<string, string> = {
    Page: 'Page',
    Component: 'Component',
    Incident: 'Incident',
    IncidentUpdate: 'IncidentUpdate',
    Subscriber: 'Subscriber',
    MetricsProvider: 'MetricsProvider',
    Metric: 'Metric',
    User: 'User',
    SingleMetricAddResponse: 'MetricDataResponse',
    MetricAddResponse: 'MetricBulkData',
    GroupComponent: 'ComponentGroup',
    ComponentUptime: 'ComponentUptime',
    ComponentGroupUptime: 'ComponentGroupUptime',
    IncidentTemplate: 'IncidentTemplate',
    Postmortem: 'Postmortem',
    PageAccessUser: 'PageAccessUser',
    PageAccessGroup: 'PageAccessGroup',
    StatusEmbedConfig: 'StatusEmbedConfig',
    Permissions: 'Permissions',
    SubscriberCountByType: 'SubscriberCountByType',
    SubscriberCountByTypeAndState: 'SubscriberCountByTypeAndState',
  };

  it('knows our name for every official schema our operations return', () => {
    const returned = new Set<string>();
    for (const { t } of matched) {
      for (const [status, response] of Object.entries<any>(t.op.responses)) {
        if (!status.startsWith('2')) continue;
        const schema = deref(official, response)?.content?.['application/json']?.schema;
        const ref = schema?.$ref ?? schema?.items?.$ref;
        if (ref) returned.add(ref.split('/').pop());
      }
    }
    expect([...returned].filter((name) => !(name in OURS_OF))).toEqual([]);
  });

  for (const [theirName, ourName] of Object.entries(OURS_OF)) {
    const sample = propertyExamples(official.components.schemas[theirName]);
    if (Object.keys(sample).length === 0) continue;
    // The official Subscriber types `components` as a string and gives a list as its example; the API answers a list,
    // as our schema says, so this sample passes ours (and would fail theirs).
    it(`the property examples of the official ${theirName} match our ${ourName}`, () => {
      expect(validate(ourName, sample)).toEqual([]);
    });
  }
});

/** Every request-body and parameter example of our spec, with the schema it must match. */
function requestExamples(doc: Json) {
  const out: { where: string; schema: Json; value: unknown }[] = [];
  for (const o of operationsOf(doc)) {
    const body = deref(doc, o.op.requestBody);
    for (const [media, content] of Object.entries<any>(body?.content ?? {})) {
      for (const [name, ex] of Object.entries<any>(content.examples ?? {})) {
        out.push({ where: `${o.id} request ${media} ${name}`, schema: content.schema, value: deref(doc, ex).value });
      }
    }
    for (const p of parametersOf(doc, o)) {
      if ('example' in p) out.push({ where: `${o.id} parameter ${p.name}`, schema: p.schema, value: p.example });
    }
  }
  return out;
}

describe('Statuspage spec examples', () => {
  it('has an example for every success response with a body', () => {
    for (const o of ours) {
      for (const [status, response] of Object.entries<any>(o.op.responses)) {
        if (!status.startsWith('2')) continue;
        for (const [media, content] of Object.entries<any>(deref(spec, response).content ?? {})) {
          expect(Object.keys(content.examples ?? {}).length + ('example' in content ? 1 : 0), `${o.id} ${status} ${media}`).toBeGreaterThan(0);
        }
      }
    }
  });

  for (const example of [...responseExamples(spec), ...requestExamples(spec)]) {
    it(`${example.where} matches its schema`, () => {
      expect(validate(example.schema, example.value)).toEqual([]);
    });
  }

  it('rejects values that break the schemas (the check can fail)', () => {
    expect(validate('Component', { id: 'ftgks51sfs2d', status: 'broken' })).not.toEqual([]);
    expect(validate('Incident', { impact: 'catastrophic' })).not.toEqual([]);
    expect(validate('Subscriber', { components: 'ftgks51sfs2d' })).not.toEqual([]);
    // A body without its envelope.
    expect(validate('ComponentCreateRequest', { name: 'Payments API' })).not.toEqual([]);
    expect(validate('MetricDataRequest', { data: { timestamp: 1724137288 } })).not.toEqual([]);
  });

  it('accepts the empty component status the API lists', () => {
    expect(validate('Component', { id: 'c1', name: 'API', status: '' })).toEqual([]);
  });
});
