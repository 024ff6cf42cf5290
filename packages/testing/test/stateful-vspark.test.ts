// The V-Spark stateful mock with our client, its vspark-status CLI and plain fetch: the export of a seeded
// hierarchy to CSV byte for byte, the root token against company tokens, V-Spark's plain-text errors.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AuthenticationError, exportStatus, statusFileName, VSparkClient } from '@apiclients/vspark';
import { afterEach, describe, expect, it } from 'vitest';
import { VSPARK_MOCK_ROOT_TOKEN, type VsparkSeed, type VsparkSeedFolder } from '../src/stateful/profiles/vspark.js';
import { startStatefulMock } from '../src/stateful/start-stateful-mock.js';
import type { StatefulMockServer } from '../src/stateful/stateful-server.js';

const CLI = fileURLToPath(new URL('../../vspark/dist/cli.js', import.meta.url));
const NOW = new Date('2024-05-01T12:34:56.789Z');
const ROOT = 'root-token-7f3a9c2e51';
const SEED = {
  rootToken: ROOT,
  companies: {
    Acme: {
      token: 'acme-token-0b8d4e6f12',
      orgs: {
        'Acme-Sales': {
          Inbound: { queued: { count: 2, lastactive: '2024-04-30T08:00:00.000Z' } },
          Outbound: { servers: { asr1: 'OK', asr2: 'DOWN' }, queued: { count: 7, lastactive: '2024-04-30T09:15:00.000Z' } },
        },
        'Acme-Support': { Tier1: { mode: 'inactive', servers: {} } },
      },
    },
    Beta: { token: 'beta-token-93c1a7d5e4', orgs: { 'Beta-Ops': { 'Calls, "night"': { servers: { srvr9: 'OK' } } } } },
  },
} satisfies VsparkSeed;

let server: StatefulMockServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Every folder of the seed, in its order, with its status as the seed says (defaults filled in). */
function seededFolders(): { company: string; org: string; folder: string; status: Required<Pick<VsparkSeedFolder, 'mode' | 'servers'>> & { queued: { count: number; lastactive: string } } }[] {
  return Object.entries(SEED.companies).flatMap(([company, { orgs }]) =>
    Object.entries(orgs).flatMap(([org, folders]) =>
      Object.entries(folders as Record<string, VsparkSeedFolder>).map(([folder, seeded]) => ({
        company,
        org,
        folder,
        status: {
          mode: seeded.mode ?? 'active',
          servers: seeded.servers ?? { srvr1: 'OK' },
          queued: { count: seeded.queued?.count ?? 0, lastactive: seeded.queued?.lastactive ?? '2024-05-01T12:34:56.000Z' },
        },
      })),
    ),
  );
}

const quoted = (field: string) => (/[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

/** The CSV V-Spark writes for `folders`, the path columns first (none for one folder). */
function expectedCsv(folders: ReturnType<typeof seededFolders>, pathColumns: ('company' | 'org' | 'folder')[]): string {
  let csv = `${[...pathColumns, 'mode', 'server', 'server_status', 'queued_count', 'queued_lastactive'].join(',')}\n`;
  for (const f of folders) {
    const where = pathColumns.map((column) => quoted(f[column]));
    const servers = Object.entries(f.status.servers);
    for (const [name, state] of servers.length ? servers : [['', '']]) csv += `${[...where, f.status.mode, name, state, f.status.queued.count, f.status.queued.lastactive].join(',')}\n`;
  }
  return csv;
}

describe('V-Spark stateful mock', () => {
  it('exportStatus and the vspark-status CLI write each seeded folder’s CSV byte for byte', async () => {
    server = await startStatefulMock('vspark', { seed: SEED, now: () => NOW });
    const folders = seededFolders();
    // The file names are the package's (`"` is not allowed on Windows); the bytes are what this test expects.
    const expected = new Map(folders.map((f) => [statusFileName(f, 'csv'), expectedCsv([f], [])]));
    expect(expected.get('Acme-Acme-Sales-Outbound-status.csv')).toBe('mode,server,server_status,queued_count,queued_lastactive\nactive,asr1,OK,7,2024-04-30T09:15:00.000Z\nactive,asr2,DOWN,7,2024-04-30T09:15:00.000Z\n');

    const written = new Map<string, string>();
    const result = await exportStatus({ client: new VSparkClient({ baseUrl: server.url, token: ROOT, maxRetries: 0 }), format: 'csv', write: async (name, bytes) => void written.set(name, Buffer.from(bytes).toString('utf8')) });
    expect(result.failed).toEqual([]);
    expect(result.written).toEqual([...expected.keys()]);
    expect(Object.fromEntries(written)).toEqual(Object.fromEntries(expected));

    const out = await mkdtemp(join(tmpdir(), 'vspark-mock-export-'));
    try {
      await promisify(execFile)(process.execPath, [CLI, `127.0.0.1:${server.port}`, 'csv', '--out', out, '--quiet'], { env: { ...process.env, VSPARK_TOKEN: ROOT } });
      expect((await readdir(out)).sort()).toEqual([...expected.keys()].sort());
      for (const [name, csv] of expected) expect((await readFile(join(out, name))).equals(Buffer.from(csv, 'utf8')), name).toBe(true);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('answers /status?format=csv at every level, and JSON by default', async () => {
    server = await startStatefulMock('vspark', { seed: SEED, now: () => NOW });
    const folders = seededFolders();
    const csvAt = async (path: string) => {
      const response = await fetch(`${server!.url}${path}${path.includes('?') ? '&' : '?'}format=csv&token=${ROOT}`);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      return response.text();
    };
    expect(await csvAt('/status')).toBe(expectedCsv(folders, ['company', 'org', 'folder']));
    expect(await csvAt('/status/Acme')).toBe(expectedCsv(folders.filter((f) => f.company === 'Acme'), ['org', 'folder']));
    expect(await csvAt('/status/Acme/Acme-Sales')).toBe(expectedCsv(folders.filter((f) => f.org === 'Acme-Sales'), ['folder']));
    expect(await csvAt('/status/Beta/Beta-Ops/Calls%2C%20%22night%22')).toBe('mode,server,server_status,queued_count,queued_lastactive\nactive,srvr9,OK,0,2024-05-01T12:34:56.000Z\n');

    const json = await fetch(`${server.url}/status/Beta?format=json&token=${SEED.companies.Beta.token}`);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await json.json()).toEqual({ 'Beta-Ops': { 'Calls, "night"': folders.find((f) => f.company === 'Beta')!.status } });
    const vspark = new VSparkClient({ baseUrl: server.url, token: SEED.companies.Acme.token, maxRetries: 0 });
    expect(await vspark.status.org('Acme', 'Acme-Sales')).toEqual(Object.fromEntries(folders.filter((f) => f.org === 'Acme-Sales').map((f) => [f.folder, f.status])));
    expect(await vspark.status.folder('Acme', 'Acme-Support', 'Tier1', { format: 'csv' })).toBe('mode,server,server_status,queued_count,queued_lastactive\ninactive,,,0,2024-05-01T12:34:56.000Z\n');
  });

  it('the root token sees every company, a company token only its own; a wrong token gets V-Spark’s 401', async () => {
    server = await startStatefulMock('vspark', { seed: SEED });
    const root = new VSparkClient({ baseUrl: server.url, token: ROOT, maxRetries: 0 });
    expect(Object.keys(await root.config.companies())).toEqual(['Acme', 'Beta']);
    expect(Object.fromEntries(await root.companyTokens())).toEqual({ Acme: SEED.companies.Acme.token, Beta: SEED.companies.Beta.token });
    expect(Object.keys(await root.config.folders())).toEqual(['Acme', 'Beta']);

    const acme = new VSparkClient({ baseUrl: server.url, token: SEED.companies.Acme.token, maxRetries: 0 });
    expect(Object.keys(await acme.config.companies())).toEqual(['Acme']);
    expect(Object.keys(await acme.status.all())).toEqual(['Acme']);
    await expect(acme.status.company('Beta')).rejects.toBeInstanceOf(AuthenticationError);

    const wrong = new VSparkClient({ baseUrl: server.url, token: 'not-a-token', maxRetries: 0 });
    await expect(wrong.config.companies()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(exportStatus({ client: wrong, format: 'csv', write: async () => {} })).rejects.toBeInstanceOf(AuthenticationError);
    for (const path of ['/config?token=not-a-token', '/status?format=csv', `/status/Beta?token=${SEED.companies.Acme.token}`]) {
      const response = await fetch(`${server.url}${path}`);
      expect([response.status, response.headers.get('content-type'), await response.text()], path).toEqual([401, 'text/plain; charset=utf-8', 'Unauthorized']);
    }
    const missing = await fetch(`${server.url}/status/Acme/Acme-Nope?token=${ROOT}`);
    expect([missing.status, await missing.text()]).toEqual([404, 'Not Found']);
    expect((await fetch(`${server.url}/status?format=xml&token=${ROOT}`)).status).toBe(400);
    // The request log keeps no token.
    expect(server.requests.some((r) => r.url.includes(ROOT) || r.url.includes(SEED.companies.Acme.token))).toBe(false);
  });

  it('starts from a default installation with the documentation’s company', async () => {
    server = await startStatefulMock('vspark');
    const response = await fetch(`${server.url}/config?token=${VSPARK_MOCK_ROOT_TOKEN}`);
    const companies = (await response.json()) as Record<string, { uuid: string; name: string }>;
    expect(companies.DocTestCo).toMatchObject({ uuid: '077d93ffd9b902b2cb7c6a0c521fd42c', name: 'Doc Test Co', status: 'OK' });
    const folders = (await (await fetch(`${server.url}/config/folders?token=${companies.DocTestCo!.uuid}`)).json()) as Record<string, unknown>;
    expect(folders).toEqual({ DocTestCo: { 'DocTestCo-DocTesting': { Test01: expect.objectContaining({ mode: 'active' }), Test02: expect.objectContaining({ mode: 'active' }) } } });
  });
});
