/**
 * The generator's operation table for the calling convention: path parameters in path order, body fields listed
 * for the flat argument object, and a spec whose body field clashes with a parameter refused, naming the operation.
 */
import { describe, expect, it } from 'vitest';
import { resolveOperation, type OperationEntry } from '@apiclients/core/internal';
import { rateLimit as sparkRateLimit } from '../../generated/spark/operations.js';
import { rateLimit as statuspageRateLimit } from '../../generated/statuspage/operations.js';
import { buildOperationTable } from '../../scripts/lib/operation-table.mjs';
import { listSpecs, readSpec } from '../../scripts/lib/specs.mjs';

interface Row {
  operationId: string;
  params: { name: string; in: string }[];
  bodyFields: string[];
  bodyRequired: string[];
  bodyOpen: boolean;
  bodyParam: string | null;
}
const build = (spec: unknown) => buildOperationTable(spec) as Row[];

const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties: Object.fromEntries(Object.keys(properties).map((k) => [k, { type: 'string' }])),
  ...extra,
});
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const param = (name: string, where = 'query') => ({ name, in: where, required: where === 'path', schema: { type: 'string' } });

function specWith(operation: Record<string, unknown>, path = '/orgs/{orgId}/rooms/{roomId}', pathParams = [param('roomId', 'path'), param('orgId', 'path')]) {
  return { openapi: '3.1.0', paths: { [path]: { parameters: pathParams, post: { operationId: 'rooms_create', responses: {}, ...operation } } } };
}

describe('the operation table of the flat calling convention', () => {
  it('lists path parameters in the order the path names them, whatever order the spec declares them in', () => {
    const [row] = build(specWith({ parameters: [param('max')] }));
    expect(row?.params.map((p) => `${p.in}:${p.name}`)).toEqual(['path:orgId', 'path:roomId', 'query:max']);
  });

  it('lists the body fields and the required ones, from allOf members too', () => {
    const schema = { allOf: [object({ title: 1 }, { required: ['title'] }), object({ teamId: 1 })] };
    const [row] = build(specWith({ requestBody: json(schema) }));
    expect(row).toMatchObject({ bodyFields: ['title', 'teamId'], bodyRequired: ['title'], bodyOpen: false, bodyParam: null });
  });

  it('lists the fields inside an x-apiclients-envelope', () => {
    const schema = { type: 'object', properties: { component: object({ name: 1, status: 1 }, { required: ['name'] }) } };
    const [row] = build(specWith({ requestBody: json(schema), 'x-apiclients-envelope': 'component' }));
    expect(row).toMatchObject({ bodyFields: ['name', 'status'], bodyRequired: ['name'] });
  });

  it('marks a body that takes any field (additionalProperties) as open', () => {
    const [row] = build(specWith({ requestBody: json(object({ a: 1 }, { additionalProperties: true })) }));
    expect(row?.bodyOpen).toBe(true);
  });

  it('refuses a body field that shares its name with a query parameter, naming the operation', () => {
    const spec = specWith({ parameters: [param('max')], requestBody: json(object({ max: 1, title: 1 })) });
    expect(() => build(spec)).toThrow(/rooms_create: body field\(s\) "max" share a name with a parameter/);
  });

  it('accepts the clash when x-apiclients-body-param names the key the body travels under', () => {
    const spec = specWith({ parameters: [param('max')], requestBody: json(object({ max: 1 })), 'x-apiclients-body-param': 'room' });
    const [row] = build(spec);
    expect(row).toMatchObject({ bodyFields: [], bodyParam: 'room' });
    const clash = specWith({ parameters: [param('max')], requestBody: json(object({ max: 1 })), 'x-apiclients-body-param': 'max' });
    expect(() => build(clash)).toThrow(/rooms_create: x-apiclients-body-param must be a name no parameter has/);
  });

  it('refuses a field or parameter named rawBody, the key of a whole body', () => {
    expect(() => build(specWith({ requestBody: json(object({ rawBody: 1 })) }))).toThrow(/rooms_create: "rawBody" is the name of a whole request body/);
  });
});

describe('x-apiclients-* extensions are checked against their schema, naming the operation', () => {
  const fails = (operation: Record<string, unknown>) => () => build(specWith(operation));

  it('a misspelt pagination style', () => {
    expect(fails({ 'x-apiclients-pagination': { style: 'links', items: 'items' } })).toThrow(
      /rooms_create: x-apiclients-pagination \/style must be equal to one of the allowed values \(link, next-url, page-number\)/,
    );
  });

  it('a pagination policy with a key the runtime does not read, or without what its style needs', () => {
    expect(fails({ 'x-apiclients-pagination': { style: 'link', item: 'items' } })).toThrow(/rooms_create: x-apiclients-pagination .*additional properties/);
    expect(fails({ 'x-apiclients-pagination': { style: 'next-url', items: 'data' } })).toThrow(/rooms_create: x-apiclients-pagination .*'next'/);
  });

  it('an extension that does not exist, and one of the wrong type', () => {
    expect(fails({ 'x-apiclients-envelop': 'component' })).toThrow(/rooms_create: x-apiclients-envelop is not an extension of an operation/);
    expect(fails({ 'x-apiclients-idempotent': 'yes' })).toThrow(/rooms_create: x-apiclients-idempotent \(value\) must be boolean/);
  });

  it('a rate limit without a budget, with a duration that is not one, or counted by something unknown', () => {
    expect(fails({ 'x-apiclients-rate-limit': { per: '1s', by: 'credential' } })).toThrow(/rooms_create: x-apiclients-rate-limit .*'requests'/);
    expect(fails({ 'x-apiclients-rate-limit': { requests: 1, per: 'a second', by: 'credential' } })).toThrow(/rooms_create: x-apiclients-rate-limit \/per must match pattern/);
    expect(fails({ 'x-apiclients-rate-limit': { requests: 1, per: '1s', by: 'ip' } })).toThrow(/rooms_create: x-apiclients-rate-limit \/by must be equal to one of the allowed values \(credential\)/);
    const documentLevel = { ...specWith({}), 'x-apiclients-rate-limit': { requests: 0, per: '1s', by: 'credential' } };
    expect(() => build(documentLevel)).toThrow(/the document: x-apiclients-rate-limit \/requests must be >= 1/);
  });

  it('a mock port that is not a whole number from 1024 to 65535', () => {
    expect(() => build({ ...specWith({}), 'x-apiclients-mock-port': 80 })).toThrow(/the document: x-apiclients-mock-port \(value\) must be >= 1024/);
    expect(() => build({ ...specWith({}), 'x-apiclients-mock-port': '4010' })).toThrow(/the document: x-apiclients-mock-port \(value\) must be integer/);
    expect(() => build({ ...specWith({}), 'x-apiclients-mock-port': 4010 })).not.toThrow();
  });

  it('a parameter extension with a value that is not a media type', () => {
    const spec = specWith({ parameters: [{ ...param('format'), 'x-apiclients-accept': { csv: 'csv please' } }] });
    expect(() => build(spec)).toThrow(/rooms_create, parameter format: x-apiclients-accept/);
  });
});

describe('x-apiclients-rate-limit reaches the runtime in milliseconds', () => {
  it('on an operation, in its row; on the document, as the generated rateLimit (Statuspage: 1/s over 60 s)', () => {
    const [row] = build(specWith({ 'x-apiclients-rate-limit': { requests: 1, per: '1m', by: 'credential' } })) as unknown as { rateLimit: unknown }[];
    expect(row?.rateLimit).toEqual({ requests: 1, perMs: 60_000, windowMs: 60_000, by: 'credential' });
    expect(statuspageRateLimit).toEqual({ requests: 1, perMs: 1_000, windowMs: 60_000, by: 'credential' });
    expect(sparkRateLimit).toBeNull();
  });
});

describe('the compact generated tables and resolveOperation agree with the full table, for every operation of every spec', () => {
  for (const { vendor, file } of listSpecs()) {
    it(vendor, async () => {
      const full = build(readSpec(file)) as unknown as (OperationEntry & { operationId: string; bodyParam: string | null; envelope: string | null; anonymous: boolean })[];
      const { operationTable: table } = (await import(`../../generated/${vendor}/operations.ts`)) as { operationTable: Record<string, OperationEntry> };
      expect(Object.keys(table)).toEqual(full.map((row) => row.operationId));
      for (const { operationId, bodyParam, envelope, anonymous, ...row } of full) {
        const resolved = resolveOperation(table[operationId] as OperationEntry);
        expect({ ...resolved, bodyParam: resolved.bodyParam ?? null, envelope: resolved.envelope ?? null, anonymous: resolved.anonymous ?? false }, operationId).toEqual({
          ...row,
          bodyParam,
          envelope,
          anonymous,
        });
      }
    });
  }
});
