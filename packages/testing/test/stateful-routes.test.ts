// The stateful mock names each operation's resource and method as the generator does: the two read the same spec
// and must agree on every operation of every vendor, or a generic CRUD answer would go to the wrong records.
import { describe, expect, it } from 'vitest';
import { loadSpecRoutes } from '../src/stateful/spec-operations.js';
import { MOCK_VENDORS, mockSpecPath } from '../src/mock-vendors.js';

describe.each(MOCK_VENDORS)('%s', (vendor) => {
  it('routes every operation under the generator’s resource and method', async () => {
    const { operationTable } = (await import(`../../../generated/${vendor}/operations.ts`)) as { operationTable: Record<string, { resource: string; method: string; verb: string; path: string }> };
    const routes = loadSpecRoutes(mockSpecPath(vendor));
    const ours = Object.fromEntries(routes.operations.map((o) => [o.operationId, { resource: o.resource, method: o.method, verb: o.verb, path: o.path }]));
    const theirs = Object.fromEntries(Object.entries(operationTable).map(([id, e]) => [id, { resource: e.resource, method: e.method, verb: e.verb, path: e.path }]));
    expect(ours).toEqual(theirs);
  });

  it('finds each operation from a request to its own path', () => {
    const routes = loadSpecRoutes(mockSpecPath(vendor));
    for (const operation of routes.operations) {
      const path = operation.path.replace(/\{[^}]+\}/g, 'x1');
      const found = routes.match(operation.verb.toUpperCase(), path);
      // A literal path of the same shape (`/people/me`) may win over a parameter: then it must be that literal one.
      expect(found?.operation.path.replace(/\{[^}]+\}/g, 'x1')).toBe(path);
    }
  });
});
