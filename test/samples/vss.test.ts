/**
 * The real VSS samples in ../shared/reference/vss, every response body of the seed (the VSS wiki's "Request" page,
 * ../shared/seeds/003_c09a205698604328.txt), and every example of our spec, match our schemas.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDir, responseExamples, specValidator } from '../lib/spec-validator.js';

const { spec, validate } = specValidator('vss');

// A paged list of URLs of any VSS resource: the envelope of RequestList with the URL branch only. The service list
// sample (/v2/vss/service) is not a request, but the wiki documents the same paging envelope for it.
const PAGED_URL_LIST = {
  type: 'object',
  required: ['data', 'meta'],
  properties: {
    _links: { $ref: '#/components/schemas/Links' },
    data: { type: 'array', items: { $ref: '#/components/schemas/Link' } },
    meta: { $ref: '#/components/schemas/ListMeta' },
  },
};

// Which schema each captured sample is an answer of (see reference/README.md, vss/).
const SCHEMA_OF: Record<string, string | Record<string, unknown>> = {
  'request-summary.wiki.json': 'RequestSummary',
  'request-snapshot-list.wiki.json': 'RequestList',
  'vss-service-list.wiki.json': PAGED_URL_LIST,
};

const V2 = 'https://vss-api.eis.utoronto.ca/v2';
const pages = (query: string, page: number, last: number, perPage: number, total: number) => ({
  first_url: `${V2}/request/change?${query}page=1`,
  last_url: `${V2}/request/change?${query}page=${last}`,
  next_url: page < last ? `${V2}/request/change?${query}page=${page + 1}` : null,
  page,
  pages: last,
  per_page: perPage,
  prev_url: page > 1 ? `${V2}/request/change?${query}page=${page - 1}` : null,
  total,
});

// The response bodies of the seed, transcribed by hand from its prose, in its order. Two departures, both in the
// seed's text: its expanded change request lacks the closing quote of "<vm_uuid>" (restored here), and its first
// filter example writes `status%2Ceq%2ERROR` (kept: a documentation typo, still a valid URL).
const SEED: { name: string; schema: string; body: unknown }[] = [
  {
    name: 'List: the summary (GET /v2/request)',
    schema: 'RequestSummary',
    body: {
      _links: {
        api: `${V2}/`,
        change: `${V2}/request/change`,
        export: `${V2}/request/export`,
        folder: `${V2}/request/folder`,
        inventory: `${V2}/request/inventory`,
        new: `${V2}/request/new`,
        self: `${V2}/request`,
        snapshot: `${V2}/request/snapshot`,
      },
      data: { change: 33, export: 2, folder: 2, inventory: 4, new: 21, snapshot: 1 },
      meta: { count: 6, time: '0.01528s', user: 'josem' },
    },
  },
  {
    name: 'List: snapshot requests (GET /v2/request/snapshot)',
    schema: 'RequestList',
    body: {
      data: [`${V2}/request/snapshot/1`],
      meta: {
        _link: { self: `${V2}/request/snapshot` },
        count: 1,
        pages: {
          first_url: `${V2}/request/snapshot?per_page=10&page=1`,
          last_url: `${V2}/request/snapshot?per_page=10&page=1`,
          next_url: null,
          page: 1,
          pages: 1,
          per_page: 10,
          prev_url: null,
          total: 1,
        },
        time: '0.00839s',
        user: 'josem',
      },
    },
  },
  {
    name: 'Paging: the "meta" of GET /v2/request/change',
    schema: 'ListMeta',
    body: {
      _link: { self: `${V2}/request/change` },
      count: 10,
      pages: pages('per_page=10&', 1, 4, 10, 33),
      time: '0.01463s',
      user: 'josem',
    },
  },
  {
    name: 'Paging: GET /v2/request/change?per_page=5',
    schema: 'RequestList',
    body: {
      data: [17, 22, 20, 21, 23].map((id) => `${V2}/request/change/${id}`),
      meta: {
        _link: { self: `${V2}/request/change?per_page=5` },
        count: 5,
        pages: pages('per_page=5&', 1, 7, 5, 33),
        time: '0.01349s',
        user: 'josem',
      },
    },
  },
  {
    name: 'Expansion: GET /v2/request/change?per_page=1&page=22&expand=1',
    schema: 'RequestList',
    body: {
      data: [
        {
          attribute: 'net',
          created_on: '2016-07-06 12:15:03 EDT',
          id: 77,
          message: { errors: [], warnings: ['Virtual NIC 2 changed to E1000e'] },
          scheduled: null,
          scheduled_datetime: null,
          status: 'PROCESSED',
          task_id: '586d338d-abfb-4e4e-9391-5a28a87a4707',
          updated_on: '2016-07-06 12:15:03 EDT',
          user: { _links: { self: `${V2}/user` }, username: 'josem' },
          user_id: 2,
          value: { property: 'type', type: 'E1000e', unit: 2 },
          vm_name: '<vm_name>',
          vm_uuid: '<vm_uuid>',
        },
      ],
      meta: {
        _link: { self: `${V2}/request/change?per_page=1&expand=1&page=22` },
        count: 1,
        pages: {
          first_url: `${V2}/request/change?per_page=1&page=1&expand=1`,
          last_url: `${V2}/request/change?per_page=1&page=33&expand=1`,
          next_url: `${V2}/request/change?per_page=1&page=23&expand=1`,
          page: 22,
          pages: 33,
          per_page: 1,
          prev_url: `${V2}/request/change?per_page=1&page=21&expand=1`,
          total: 33,
        },
        time: '0.01134s',
        user: 'josem',
      },
    },
  },
  {
    name: 'Filtering: GET /v2/request/change?filter=status,eq,ERROR',
    schema: 'RequestList',
    body: {
      data: [22, 78, 140, 206, 203, 207].map((id) => `${V2}/request/change/${id}`),
      meta: {
        _link: { self: `${V2}/request/change?filter=status,eq,ERROR` },
        count: 6,
        filter: 'status,eq,ERROR',
        pages: pages('filter=status%2Ceq%2ERROR&per_page=10&', 1, 1, 10, 6),
        time: '0.00941s',
        user: 'josem',
      },
    },
  },
  {
    name: 'Filtering: GET /v2/request/change?filter=status,eq,ERROR;created_on,gt,2016-07-10',
    schema: 'RequestList',
    body: {
      data: [140, 206, 203, 207].map((id) => `${V2}/request/change/${id}`),
      meta: {
        _link: { self: `${V2}/request/change?filter=status,eq,ERROR%3Bcreated_on,gt,2016-07-10` },
        count: 4,
        filter: 'status,eq,ERROR;created_on,gt,2016-07-10',
        pages: pages('filter=status%2Ceq%2CERROR%3Bcreated_on%2Cgt%2C2016-07-10&per_page=10&', 1, 1, 10, 4),
        time: '0.00951s',
        user: 'josem',
      },
    },
  },
  {
    name: 'Sorting: GET /v2/request/change?per_page=10&sort=created_on,desc',
    schema: 'RequestList',
    body: {
      data: [222, 221, 220, 209, 208, 207, 206, 205, 204, 203].map((id) => `${V2}/request/change/${id}`),
      meta: {
        _link: { self: `${V2}/request/change?per_page=10&sort=created_on,desc` },
        count: 10,
        pages: pages('sort=created_on%2Cdesc&per_page=10&', 1, 4, 10, 33),
        sort: 'created_on,desc',
        time: '0.01714s',
        user: 'josem',
      },
    },
  },
];

const seedBody = (prefix: string) => SEED.find((s) => s.name.startsWith(prefix))?.body;
const example = (name: string) => spec.components.examples[name].value;

describe('VSS reference samples', () => {
  const files = readdirSync(join(referenceDir, 'vss')).filter((f) => f.endsWith('.json'));

  it('knows the schema of every sample there is', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(SCHEMA_OF[file], file).toBeDefined();
  });

  for (const file of files) {
    const schema = SCHEMA_OF[file];
    it(`${file} validates against ${typeof schema === 'string' ? schema : 'the paged URL list envelope'}`, () => {
      const { _source, ...sample } = JSON.parse(readFileSync(join(referenceDir, 'vss', file), 'utf8'));
      expect(validate(schema as string, sample)).toEqual([]);
    });
  }
});

describe('VSS seed responses (wiki, "Request")', () => {
  for (const { name, schema, body } of SEED) {
    it(`${name} validates against ${schema}`, () => {
      expect(validate(schema, body)).toEqual([]);
    });
  }

  it('the expanded change request validates as a ChangeRequest', () => {
    const [request] = (seedBody('Expansion') as { data: unknown[] }).data;
    expect(validate('ChangeRequest', request)).toEqual([]);
  });

  it('agrees with the reference samples where both show the same body', () => {
    const sample = (file: string) => {
      const { _source, ...body } = JSON.parse(readFileSync(join(referenceDir, 'vss', file), 'utf8'));
      return body;
    };
    expect(seedBody('List: the summary')).toEqual(sample('request-summary.wiki.json'));
    expect(seedBody('List: snapshot')).toEqual(sample('request-snapshot-list.wiki.json'));
  });

  it("is what the spec's examples show, verbatim but for the wiki's placeholders, which the spec fills in", () => {
    expect(example('RequestSummary')).toEqual(seedBody('List: the summary'));
    expect(example('SnapshotRequestUrls')).toEqual(seedBody('List: snapshot'));
    expect(example('ChangeRequestUrls')).toEqual(seedBody('Paging: GET'));
    const filledIn = { vm_name: '1606T-coreos0', vm_uuid: '5012abcb-a9f3-e112-c1ea-de2fa9dab90a' };
    const expansion = seedBody('Expansion') as { data: Record<string, unknown>[] };
    expect(expansion.data[0]).toMatchObject({ vm_name: '<vm_name>', vm_uuid: '<vm_uuid>' });
    expect(example('ChangeRequestsExpanded')).toEqual({ ...expansion, data: [{ ...expansion.data[0], ...filledIn }] });
    expect(example('ChangeRequestsFiltered')).toEqual(seedBody('Filtering: GET /v2/request/change?filter=status,eq,ERROR;'));
    expect(example('ChangeRequestsSorted')).toEqual(seedBody('Sorting'));
  });
});

describe('VSS schemas reject what the API would not send (the check can fail)', () => {
  const expanded = seedBody('Expansion') as { data: Record<string, unknown>[]; meta: Record<string, any> };

  it('a status outside RequestStatus', () => {
    expect(validate('RequestStatus', 'DONE')).not.toEqual([]);
    const body = { ...expanded, data: [{ ...expanded.data[0], status: 'Error Processed' }] };
    expect(validate('RequestList', body)).not.toEqual([]);
  });

  it('a request without its id, or a list without its paging', () => {
    const { id: _id, ...withoutId } = expanded.data[0] as Record<string, unknown>;
    expect(validate('ChangeRequest', withoutId)).not.toEqual([]);
    const { pages: _, ...metaWithoutPages } = expanded.meta;
    expect(validate('RequestList', { ...expanded, meta: metaWithoutPages })).not.toEqual([]);
  });

  it('per_page above the documented maximum of 100', () => {
    const meta = { ...expanded.meta, pages: { ...expanded.meta.pages, per_page: 101 } };
    expect(validate('ListMeta', meta)).not.toEqual([]);
  });

  it('a page mixing URLs and requests, which neither oneOf branch allows', () => {
    expect(validate('RequestList', { ...expanded, data: [`${V2}/request/change/77`, expanded.data[0]] })).not.toEqual([]);
  });

  it('an empty page is valid (it matches the URL branch only)', () => {
    expect(validate('RequestList', { ...expanded, data: [] })).toEqual([]);
  });

  it('a token answer without a token', () => {
    expect(validate('AccessToken', {})).not.toEqual([]);
  });
});

describe('VSS parameters follow the documented syntax', () => {
  const param = (name: string) => spec.components.parameters[name].schema;

  it('accepts the filters and sorts of the wiki and the live clients', () => {
    for (const filter of ['status,eq,ERROR', 'status,eq,ERROR;created_on,gt,2016-07-10', 'transferred,eq,true', 'name,like,ub%', 'status,in,ERROR,ERROR_RETRY']) {
      expect(validate(param('Filter'), filter), filter).toEqual([]);
    }
    for (const sort of ['created_on,desc', 'name,asc', 'status,asc;created_on,desc']) expect(validate(param('Sort'), sort), sort).toEqual([]);
  });

  it('rejects an unknown operator or direction, and per_page above 100', () => {
    expect(validate(param('Filter'), 'status,equals,ERROR')).not.toEqual([]);
    expect(validate(param('Sort'), 'created_on,down')).not.toEqual([]);
    expect(validate(param('PerPage'), 101)).not.toEqual([]);
    expect(validate(param('PerPage'), 100)).toEqual([]);
  });
});

describe('VSS spec examples', () => {
  const examples = responseExamples(spec);

  it('has an example for every success response', () => {
    for (const [path, item] of Object.entries<any>(spec.paths)) {
      for (const [verb, op] of Object.entries<any>(item)) {
        const where = `${verb.toUpperCase()} ${path} 200 `;
        expect(examples.some((e) => e.where.startsWith(where)), where).toBe(true);
      }
    }
    expect(examples.filter((e) => / 200 /.test(e.where)).length).toBeGreaterThanOrEqual(13);
  });

  for (const example of examples) {
    it(`${example.where} matches its schema`, () => {
      expect(validate(example.schema, example.value)).toEqual([]);
    });
  }

  // Request's anyOf would accept a request of one type as another; check each example against its own type.
  for (const type of ['change', 'export', 'folder', 'inventory', 'new', 'snapshot']) {
    const name = `${type[0]?.toUpperCase()}${type.slice(1)}Request`;
    it(`the ${type} request example is a ${name}`, () => {
      expect(validate(name, example(`${name}Detail`).data)).toEqual([]);
    });
  }
});
