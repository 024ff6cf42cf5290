/**
 * The data behind `npm run spec:coverage` (scripts/lib/spec-coverage-seeds.mjs, spec-coverage-official.mjs) against
 * specs/: every method of every seed maps to an operation our spec has, so removing one from a spec fails here.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSpecs, readSpec, root } from '../../scripts/lib/specs.mjs';
import { SEEDS } from '../../scripts/lib/spec-coverage-seeds.mjs';
import { OFFICIAL_SPECS } from '../../scripts/lib/spec-coverage-official.mjs';
import { officialCoverage, operationsOf, scopeOf, seedCoverage, vendorCoverage, wholeDocumentCoverage } from '../../scripts/lib/spec-coverage.mjs';

const specFile = (vendor: string) => join(root, 'specs', `${vendor}.yaml`);
const vendors = listSpecs().map((s: { vendor: string }) => s.vendor);

describe('seed methods', () => {
  it('cover every spec in specs/, and nothing else', () => {
    expect(Object.keys(SEEDS).sort()).toEqual([...vendors].sort());
  });

  for (const [vendor, seed] of Object.entries(SEEDS)) {
    it(`${vendor}: every method of ${seed.file} maps to an operation of specs/${vendor}.yaml, under the group's tag`, () => {
      const ours = operationsOf(readSpec(specFile(vendor)));
      const byId = new Map(ours.map((op: { operationId: string }) => [op.operationId, op]));
      for (const group of seed.groups) {
        expect(group.methods.length, `${vendor} ${group.name}`).toBeGreaterThan(0);
        for (const [method, operationId] of group.methods) {
          const op = byId.get(operationId) as { tags: string[] } | undefined;
          expect(op, `${group.name}.${method} -> ${operationId} is not in specs/${vendor}.yaml`).toBeDefined();
          expect(op?.tags[0], `${group.name}.${method} -> ${operationId}`).toBe(group.resource);
        }
      }
      expect(seedCoverage(seed, ours).every((row: { covered: boolean }) => row.covered)).toBe(true);
    });
  }

  it('counts what the seeds hold: ciscosparkapi 45 methods, python-statuspageio 26, V-Spark 3 calls, VSS 2', () => {
    const count = (vendor: string) => SEEDS[vendor]!.groups.reduce((n: number, g: { methods: unknown[] }) => n + g.methods.length, 0);
    expect([count('spark'), count('statuspage'), count('vspark'), count('vss')]).toEqual([45, 26, 3, 2]);
    expect(SEEDS.spark!.groups.map((g: { resource: string }) => g.resource)).toHaveLength(12);
  });
});

describe('official operations in scope', () => {
  it('are scoped by tags our specs have', () => {
    for (const [vendor, official] of Object.entries(OFFICIAL_SPECS)) {
      const tags = new Set(operationsOf(readSpec(specFile(vendor))).map((op: { tags: string[] }) => op.tags[0]));
      for (const resource of Object.keys(official.scope)) expect(tags.has(resource), `${vendor}: ${resource}`).toBe(true);
    }
  });

  it('count an operation once across documents, whatever its parameters are called, and only under a scope path', () => {
    const official = { name: 'x', files: ['a.json', 'b.json'], scopeBy: 'path' as const, scope: { teams: ['/teams'] } };
    const documents = {
      'a.json': { paths: { '/teams/{id}': { get: { summary: 'Get' }, delete: { summary: 'Delete' } }, '/teamsX': { get: {} } } },
      'b.json': { paths: { '/teams/{teamId}': { get: { summary: 'Get' } }, '/team/memberships': { get: {} } } },
    };
    const ours = [{ method: 'get', path: '/teams/{teamId}', operationId: 'teams_get', summary: '', tags: ['teams'], covers: [] }];
    expect(officialCoverage(official, documents, ours)).toEqual([
      { resource: 'teams', method: 'get', path: '/teams/{id}', summary: 'Get', files: ['a.json', 'b.json'], covered: true, operationId: 'teams_get' },
      { resource: 'teams', method: 'delete', path: '/teams/{id}', summary: 'Delete', files: ['a.json'], covered: false, operationId: undefined },
    ]);
  });

  it('scope by tag takes an operation with any in-scope tag', () => {
    const official = { scopeBy: 'tag', scope: { metrics: ['metrics', 'metric providers'] } };
    expect(scopeOf(official, { path: '/x', tags: ['metric providers'] })).toBe('metrics');
    expect(scopeOf(official, { path: '/x', tags: ['users', 'permissions'] })).toBeUndefined();
  });

  it('leave out what Webex serves beyond the twelve resources, and /access_token, which Webex does not document', () => {
    const report = vendorCoverage('spark', specFile('spark'));
    if (!report.official) throw new Error('spark has an official spec');
    expect(report.official.missing).toEqual([]);
    expect(report.official.operations.every((op: { path: string }) => !op.path.startsWith('/meetings'))).toBe(true);
    expect(report.resources.find((r: { resource: string }) => r.resource === 'access_tokens')?.official).toEqual({ covered: 0, total: 0 });
    expect(report.official.covered).toBeGreaterThan(0);
  });
});

describe('Webex (issue 18)', () => {
  const report = vendorCoverage('spark', specFile('spark'));

  it('covers every operation of webex-messaging.json, tag by tag', () => {
    const whole = report.official?.whole.find((w: { file: string }) => w.file === 'spark/webex-messaging.json');
    expect(whole).toBeDefined();
    expect(whole!.tags).toHaveLength(12);
    for (const tag of whole!.tags) expect({ tag: tag.tag, covered: tag.covered, missing: tag.missing }).toEqual({ tag: tag.tag, covered: tag.total, missing: [] });
    expect(whole!.tags.reduce((n: number, t: { total: number }) => n + t.total, 0)).toBe(59);
  });

  it('covers the admin audit events, authorizations and guest operations of webex-admin.json, and all in scope', () => {
    const calls = report.official!.operations.filter((op: { covered: boolean }) => op.covered).map((op: { method: string; path: string }) => `${op.method.toUpperCase()} ${op.path}`);
    expect(calls).toEqual(expect.arrayContaining([
      'GET /adminAudit/events', 'GET /adminAudit/eventCategories', 'GET /authorizations', 'DELETE /authorizations',
      'DELETE /authorizations/{authorizationId}', 'GET /authorizations/tokenExpiry', 'POST /guests/token', 'GET /guests/count',
    ]));
    expect(report.official!.covered).toBe(report.official!.total);
  });

  it('fails the count when an operation goes missing (the check can fail)', () => {
    const without = wholeDocumentCoverage({ paths: { '/room/tabs': { get: { tags: ['Room Tabs'] }, post: { tags: ['Room Tabs'] } } } }, [
      { method: 'get', path: '/room/tabs', operationId: 'room_tabs_list', summary: '', tags: ['room_tabs'] },
    ]);
    expect(without).toEqual([{ tag: 'Room Tabs', covered: 1, total: 2, missing: ['POST /room/tabs'] }]);
  });
});

describe('npm run spec:coverage', () => {
  it('prints a table per vendor and exits 0', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'spec-coverage.mjs')], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const vendor of vendors) expect(run.stdout).toMatch(new RegExp(`^${vendor}: specs/${vendor}\\.yaml, \\d+ operations$`, 'm'));
    expect(run.stdout).toMatch(/^ {2}official: Webex webex-messaging\.json \+ webex-admin\.json: \d+ of \d+ operations in scope covered$/m);
    expect(run.stdout).toMatch(/^ {2}seed: {5}python-statuspageio .*: 26 of 26 methods covered$/m);
    expect(run.stdout).toMatch(/^ {2}\.\.\/shared\/reference\/spark\/webex-messaging\.json, every operation by its own tags: 59 of 59 covered$/m);
  });
});

describe('Statuspage against the whole official document', () => {
  it('covers every official operation: 112 of 112, and every tag in full', () => {
    const report = vendorCoverage('statuspage', specFile('statuspage'));
    if (!report.official) throw new Error('statuspage has an official spec');
    expect(report.official.missing).toEqual([]);
    expect([report.official.covered, report.official.total]).toEqual([112, 112]);
    const partial = report.resources.filter((r) => r.official !== undefined && r.official.covered < r.official.total);
    expect(partial).toEqual([]);
  });

  it('npm run spec:coverage prints 112 of 112 for Statuspage, and a full row per tag', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'spec-coverage.mjs')], { encoding: 'utf8' });
    const section = run.stdout.slice(run.stdout.indexOf('statuspage:'), run.stdout.indexOf('vspark:'));
    expect(section).toContain("Atlassian's statuspage-official-openapi.json: 112 of 112 operations in scope covered");
    for (const tag of ['component_groups', 'incident_updates', 'incident_templates', 'postmortems', 'incident_subscribers', 'page_access_users', 'page_access_groups', 'metrics_providers', 'status_embed_config']) {
      expect(section, tag).toMatch(new RegExp(`\\n  ${tag} +\\d+ +(\\d+)/\\1\\n`));
    }
  });

  it('counts an official PUT as covered by our PATCH that says x-apiclients-covers: [put], and not otherwise', () => {
    const official = { name: 'x', files: ['a.json'], scopeBy: 'path' as const, scope: { things: ['/things'] } };
    const documents = { 'a.json': { paths: { '/things/{id}': { patch: { summary: 'Update' }, put: { summary: 'Update' } } } } };
    const patch = { method: 'patch', path: '/things/{thing_id}', operationId: 'things_update', summary: '', tags: ['things'], covers: [] as string[] };
    const covered = (ours: (typeof patch)[]) => officialCoverage(official, documents, ours).map((op: { method: string; covered: boolean }) => [op.method, op.covered]);
    expect(covered([patch])).toEqual([['patch', true], ['put', false]]);
    expect(covered([{ ...patch, covers: ['put'] }])).toEqual([['patch', true], ['put', true]]);
  });
});
