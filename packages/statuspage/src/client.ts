/**
 * StatuspageClient: every service of python-statuspageio as a property (`page`, `components`, `incidents`,
 * `subscribers`, `metrics`, `users`), typed from specs/statuspage.yaml. The client fills `pageId` and
 * `organizationId` in, adds the request envelopes, pages lists by page number, and waits out rate limits.
 */
import {
  authorization,
  ClosableClient,
  ConfigurationError,
  createVendorClient,
  readEnv,
  type BoundOperations,
  type CommonClientOptions,
  type Logger,
} from '@apiclients/core';
import type { Client } from 'openapi-fetch';
import { RATE_LIMIT_STATUSES, statuspageErrors } from './errors.js';
import { operationTable, type operations, type paths } from './generated.js';

/** Options of {@link StatuspageClient} (the seed's `api_key`, `page_id`, `organization_id`, …). */
export interface StatuspageClientOptions extends CommonClientOptions {
  /** Your API key; falls back to `STATUSPAGE_API_KEY`. Sent as `Authorization: OAuth <key>`. */
  apiKey?: string | undefined;
  /** The page to manage; falls back to `STATUSPAGE_PAGE_ID`. */
  pageId?: string | undefined;
  /** The organization, for the users service only (falls back to `STATUSPAGE_ORGANIZATION_ID`). */
  organizationId?: string | undefined;
  /** Logs each request and response (API key redacted) to the logger, or to the console. */
  verbose?: boolean | undefined;
}

/** The API's server. */
export const STATUSPAGE_BASE_URL = 'https://api.statuspage.io/v1';

type Services = BoundOperations<typeof operationTable, operations, 'pageId' | 'organizationId'>;

// The seed warns once per process, not once per client.
let warnedAboutOrganization = false;

function warnOnce(logger: Logger | undefined): void {
  if (warnedAboutOrganization) return;
  warnedAboutOrganization = true;
  const message = 'No organizationId provided: the users service needs one (set STATUSPAGE_ORGANIZATION_ID).';
  if (logger) logger.warn(message);
  else if (typeof process !== 'undefined' && typeof process.emitWarning === 'function') process.emitWarning(message);
  else console.warn(message);
}

/** Every users method, refusing to run: the organization id is missing. */
function usersWithoutOrganization(users: Services['users']): Services['users'] {
  const refuse = (name: string) => () => {
    throw new ConfigurationError(`users.${name} needs an organizationId: pass { organizationId } or set STATUSPAGE_ORGANIZATION_ID`);
  };
  return Object.fromEntries(Object.keys(users).map((name) => [name, refuse(name)])) as unknown as Services['users'];
}

const consoleLogger: Logger = { debug: (m) => console.error(`[statuspage] ${m}`), warn: (m) => console.error(`[statuspage] ${m}`) };

/** A client for one Statuspage page. */
export class StatuspageClient extends ClosableClient {
  /** The page: `get`, `update`. */
  readonly page: Services['page'];
  /** Components: `list`, `create`, `get`, `update`, `delete`. */
  readonly components: Services['components'];
  /** Incidents: `list`, `listUnresolved`, `listScheduled`, `listUpcoming`, `listActiveMaintenance`, `get`, `create`, `createScheduled`, `update`, `delete`. */
  readonly incidents: Services['incidents'] & { createScheduled: Services['incidents']['create'] };
  /** Subscribers: `list`, `create`, `delete`. */
  readonly subscribers: Services['subscribers'];
  /** Metrics: `listAvailable`, `listLinked`, `listMetricsForProvider`, `create`, `delete`, `deleteAllData`, `submitData`. */
  readonly metrics: Services['metrics'] & { listMetricsForProvider: Services['metrics']['listForProvider'] };
  /** Team members of the organization: `list`, `create`, `delete`. */
  readonly users: Services['users'];
  /** The plain openapi-fetch client, for calls the services do not cover. */
  readonly raw: Client<paths>;
  /** The page this client manages. */
  readonly pageId: string;

  constructor(options: StatuspageClientOptions = {}) {
    super();
    const apiKey = options.apiKey ?? readEnv('STATUSPAGE_API_KEY');
    if (!apiKey) throw new ConfigurationError('No apiKey provided: pass { apiKey } or set STATUSPAGE_API_KEY');
    const pageId = options.pageId ?? readEnv('STATUSPAGE_PAGE_ID');
    if (!pageId) throw new ConfigurationError('No pageId provided: pass { pageId } or set STATUSPAGE_PAGE_ID');
    const organizationId = options.organizationId ?? readEnv('STATUSPAGE_ORGANIZATION_ID');
    const logger = options.logger ?? (options.verbose ? consoleLogger : undefined);
    if (!organizationId) warnOnce(logger);
    this.pageId = pageId;

    const credential = authorization('OAuth', apiKey);
    const { raw, operations: services, close } = createVendorClient<operations, paths, typeof operationTable, 'pageId' | 'organizationId'>(
      { ...options, ...(logger ? { logger } : {}) },
      {
        baseUrl: STATUSPAGE_BASE_URL,
        table: operationTable,
        credential,
        secrets: [apiKey],
        defaults: {
          // Statuspage allows 1 request a second and answers more with 420 or 429 (reference/statuspage README).
          rateLimitStatuses: RATE_LIMIT_STATUSES,
          rateLimitFallbackMs: 1_000,
          errorShape: { classFor: statuspageErrors.classFor },
        },
        bind: { defaults: { pageId, ...(organizationId ? { organizationId } : {}) } },
      },
    );
    this.closeWith(close);
    this.raw = raw;
    this.page = services.page;
    this.components = services.components;
    // The seed's create_scheduled: an incident whose status is `scheduled` (one POST serves both).
    const createScheduled: Services['incidents']['create'] = (args, callOptions) =>
      services.incidents.create({ ...args, body: { ...args.body, status: args.body.status ?? 'scheduled' } }, callOptions);
    this.incidents = { ...services.incidents, createScheduled };
    this.subscribers = services.subscribers;
    this.metrics = { ...services.metrics, listMetricsForProvider: services.metrics.listForProvider };
    this.users = organizationId ? services.users : usersWithoutOrganization(services.users);
  }
}

/**
 * The plain openapi-fetch client of the spec, already bound to the base URL, the credentials and the core
 * transport (retries, timeouts, redaction, typed errors). Takes the same options as {@link StatuspageClient}; the same
 * client is every wrapper's `.raw`.
 */
export function createStatuspageFetchClient(options: StatuspageClientOptions = {}): Client<paths> {
  return new StatuspageClient(options).raw;
}
