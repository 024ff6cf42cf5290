/**
 * The V-Spark stateful mock: the company → organization → folder hierarchy of the seed, the root token and one
 * token per company (V-Spark Online Help, "Using the /status API with Python": the root token reads everything,
 * a company's token, its `uuid` in `/config`, reads that company), `/config`, `/config/folders` and `/status` at
 * its four levels, in JSON or (`format=csv`) CSV. Errors are V-Spark's plain-text bodies (specs/vspark.yaml,
 * responses `Unauthorized` and `NotFound`).
 */
import type { Json } from '../spec-ref.js';
import type { StatefulServerOptions } from '../stateful-server.js';
import type { MockCall, MockReply, VendorProfile } from '../vendor-profile.js';
import { COMPANIES, FOLDERS, seedHierarchy, type VsparkSeed } from './vspark/seed-hierarchy.js';
import { statusCsv, type FolderRow } from './vspark/status-csv.js';

export { VSPARK_MOCK_COMPANIES, VSPARK_MOCK_ROOT_TOKEN } from './vspark/seed-hierarchy.js';
export type { VsparkSeed, VsparkSeedCompany, VsparkSeedFolder } from './vspark/seed-hierarchy.js';

/** Options of the V-Spark stateful mock. */
export type VsparkMockOptions = StatefulServerOptions<VsparkSeed>;

/** A company's record: its short name (`id`), its organizations' names and its `/config` entry. */
interface CompanyRecord {
  id: string;
  orgs: string[];
  config: Json;
}

/** Who a token lets in: the whole installation, or one company (its short name). */
type Scope = { root: true } | { root: false; company: string };

/** V-Spark's part of the stateful mock: a read-only installation, answered from the seed's hierarchy. */
export function vsparkProfile(_options: VsparkMockOptions): VendorProfile<VsparkSeed> {
  return {
    authorize: (call) => (scopeOf(call) ? undefined : text(401, 'Unauthorized')),
    // V-Spark's API only reads: no operation of the spec creates anything.
    create: (_call, fields) => fields,
    handlers: {
      config_get: (call) => ({ status: 200, body: Object.fromEntries(visibleCompanies(call).map((company) => [company.id, company.config])) }),
      config_folders: (call) => ({ status: 200, body: tree(call, (folder) => folder.config) }),
      status_all: status,
      status_company: status,
      status_org: status,
      status_folder: status,
    },
    notFound: () => text(404, 'Not Found'),
    invalid: (_call, problems) => text(400, `Bad Request: ${problems.join('; ')}`),
    rateLimited: (_call, seconds) => text(429, 'Too Many Requests', { 'retry-after': String(seconds) }),
    serverError: (_call, seconds) => text(503, 'Service Unavailable', { 'retry-after': String(seconds) }),
    newState: () => ({ rootToken: '' }),
    seed: (call, seed) => void (call.state.rootToken = seedHierarchy(call.store, seed, call.now())),
  };
}

/**
 * `/status` at any level: the folders under the path the URL names. A company's token may only name its own
 * company (401 for another, as for a wrong token); a name that does not exist is a 404.
 */
function status(call: MockCall): MockReply {
  const { company, org, folder } = call.params;
  const scope = scopeOf(call)!;
  if (company !== undefined && !scope.root && scope.company !== company) return text(401, 'Unauthorized');
  const all = tree(call, (record) => record.status);
  const path = [company, org, folder].filter((part): part is string => part !== undefined);
  let found: unknown = all;
  for (const part of path) {
    found = Object.hasOwn(found as Json, part) ? (found as Json)[part] : undefined;
    if (found === undefined) return text(404, 'Not Found');
  }
  if (call.query.get('format') !== 'csv') return { status: 200, body: found };
  const rows = folderRecords(call).filter((row) => [row.company, row.org, row.folder].slice(0, path.length).every((part, i) => part === path[i]));
  return { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' }, body: statusCsv(rows, path.length as 0 | 1 | 2 | 3) };
}

/** Company → organization → folder → what `pick` takes of each folder, for the companies the token sees. */
function tree(call: MockCall, pick: (folder: FolderRow & { config: Json }) => unknown): Json {
  const companies: Json = {};
  for (const company of visibleCompanies(call)) companies[company.id] = Object.fromEntries(company.orgs.map((org) => [org, {}]));
  for (const folder of folderRecords(call)) {
    const orgs = companies[folder.company] as Record<string, Json> | undefined;
    if (orgs?.[folder.org]) orgs[folder.org]![folder.folder] = pick(folder);
  }
  return companies;
}

function visibleCompanies(call: MockCall): CompanyRecord[] {
  const scope = scopeOf(call);
  const companies = call.store.list(COMPANIES) as unknown as CompanyRecord[];
  return scope?.root ? companies : companies.filter((company) => company.id === scope?.company);
}

function folderRecords(call: MockCall): (FolderRow & { config: Json })[] {
  const seen = new Set(visibleCompanies(call).map((company) => company.id));
  return (call.store.list(FOLDERS) as unknown as (FolderRow & { config: Json })[]).filter((folder) => seen.has(folder.company));
}

/** The scope of the call's `token` (V-Spark reads it from the query string on every call), or `undefined`. */
function scopeOf(call: MockCall): Scope | undefined {
  const token = call.query.get('token');
  if (!token) return undefined;
  if (token === call.state.rootToken) return { root: true };
  const company = (call.store.list(COMPANIES) as unknown as CompanyRecord[]).find((record) => record.config.uuid === token);
  return company ? { root: false, company: company.id } : undefined;
}

/** A plain-text answer, as V-Spark sends its errors. */
function text(status: number, body: string, headers: Record<string, string> = {}): MockReply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}
