/**
 * The V-Spark installation a mock starts from: companies (each with its token, the `uuid` of `/config`),
 * their organizations and folders, each folder with its status and configuration in V-Spark's formats
 * (specs/vspark.yaml, examples `ConfigCompanies`, `ConfigFolders`, `FolderStatus`; keys in the order they show).
 */
import { createHash } from 'node:crypto';
import { ConfigurationError } from '@apiclients/core';
import type { Json } from '../../spec-ref.js';
import type { MockStore } from '../../mock-store.js';

/** A folder of the seed: what `/status` shows of it (over the defaults), and its `/config/folders` fields. */
export interface VsparkSeedFolder {
  /** Default `active`. */
  mode?: string;
  /** ASR server → its state (default `{ srvr1: 'OK' }`). */
  servers?: Record<string, string>;
  /** Job managers by address, as `/status` shows them (none by default). */
  jobmgr?: Record<string, Record<string, unknown>>;
  /** Files waiting (default 0) and when the queue last moved (default: when the mock was seeded). */
  queued?: { count?: number; lastactive?: string };
  /** Fields of its `/config/folders` entry over the defaults. */
  config?: Record<string, unknown>;
}

/** A company of the seed. */
export interface VsparkSeedCompany {
  /** Its token, `uuid` in `/config` (default: 32 hex digits made from its short name). */
  token?: string;
  /** Display name (default: the short name). */
  name?: string;
  /** Fields of its `/config` entry over the defaults. */
  config?: Record<string, unknown>;
  /** Organization short name → folder name → folder. */
  orgs: Record<string, Record<string, VsparkSeedFolder>>;
}

/** Seed data of the V-Spark stateful mock; each part left out takes its default. */
export interface VsparkSeed {
  /** The installation's root token (default {@link VSPARK_MOCK_ROOT_TOKEN}). */
  rootToken?: string;
  /** Company short name → company (default {@link VSPARK_MOCK_COMPANIES}). */
  companies?: Record<string, VsparkSeedCompany>;
}

/** The root token of the default seed. */
export const VSPARK_MOCK_ROOT_TOKEN = 'vspark-mock-root-token';

/** The companies of the default seed: the documentation's DocTestCo with two folders, and Acme with one. */
export const VSPARK_MOCK_COMPANIES: Readonly<Record<string, VsparkSeedCompany>> = {
  DocTestCo: {
    token: '077d93ffd9b902b2cb7c6a0c521fd42c',
    name: 'Doc Test Co',
    orgs: { 'DocTestCo-DocTesting': { Test01: {}, Test02: { queued: { count: 3 } } } },
  },
  Acme: { name: 'Acme Inc', orgs: { 'Acme-Sales': { Inbound: { servers: { srvr1: 'OK', srvr2: 'DOWN' } } } } },
};

/** Where the records go: companies by short name (with their organizations' names), folders by `company/org/folder`. */
export const COMPANIES = 'companies';
export const FOLDERS = 'folders';

/** Fills `store` with the seed's companies and folders; returns the root token. */
export function seedHierarchy(store: MockStore, seed: VsparkSeed | undefined, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  // V-Spark writes lastactive with milliseconds, always .000 (the documentation's "2019-06-24T18:36:15.000Z").
  const lastactive = `${now.toISOString().slice(0, 19)}.000Z`;
  const tokens = new Set<string>();
  for (const [short, company] of Object.entries(seed?.companies ?? VSPARK_MOCK_COMPANIES)) {
    const uuid = company.token ?? createHash('md5').update(`vspark-mock:${short}`).digest('hex');
    if (tokens.has(uuid)) throw new ConfigurationError(`seed.companies: two companies have the token of ${JSON.stringify(short)}`);
    tokens.add(uuid);
    const servers = new Set<string>();
    for (const [org, folders] of Object.entries(company.orgs)) {
      for (const [name, folder] of Object.entries(folders)) {
        const status: Json = { mode: folder.mode ?? 'active', servers: folder.servers ?? { srvr1: 'OK' } };
        if (folder.jobmgr) status.jobmgr = folder.jobmgr;
        status.queued = { count: folder.queued?.count ?? 0, lastactive: folder.queued?.lastactive ?? lastactive };
        for (const server of Object.keys(status.servers as Json)) servers.add(server);
        const config = {
          apps: [],
          asroptions: {},
          audiotype: 'Mono',
          callback: { posturl: '', sendaudio: 'no', sendtext: 'no' },
          created: day,
          custom_meta: [],
          mode: status.mode,
          modelchan0: 'eng1:callcenter',
          nspeakers: 1,
          purifyaudio: true,
          purifytext: true,
          status: 'OK',
          servers: Object.keys(status.servers as Json),
          ...folder.config,
        };
        store.put(FOLDERS, { id: `${short}/${org}/${name}`, company: short, org, folder: name, status, config });
      }
    }
    const config = {
      allowedmodels: ['eng1:callcenter'],
      apptemplate: [],
      cloudtoken: '',
      cloudmodels: [],
      created: day,
      limithours: -1,
      name: company.name ?? short,
      retention: -1,
      status: 'OK',
      servers: [...servers],
      ...company.config,
      uuid,
    };
    store.put(COMPANIES, { id: short, orgs: Object.keys(company.orgs), config });
  }
  const root = seed?.rootToken ?? VSPARK_MOCK_ROOT_TOKEN;
  if (tokens.has(root)) throw new ConfigurationError('seed.rootToken: a company has the same token');
  return root;
}
