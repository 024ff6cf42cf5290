/**
 * StatuspageClient: every service of python-statuspageio as a property (`page`, `components`, `incidents`,
 * `subscribers`, `metrics`, `users`), typed from specs/statuspage.yaml. The client fills `pageId` and
 * `organizationId` in, adds the request envelopes, pages lists by page number, and waits out rate limits.
 */
import {
  authorization,
  ClientBase,
  ConfigurationError,
  createVendorClient,
  readEnv,
  type CommonClientOptions,
  type Logger,
} from '@apiclients/core/internal';
import type { Client } from 'openapi-fetch';
import { RATE_LIMIT_STATUSES, statuspageErrors } from './errors.js';
import { operationTable, type operations, type paths, type Resources } from './generated.js';

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

type Services = Resources;

/** Every users method, refusing to run: the organization id is missing. */
function usersWithoutOrganization(users: Services['users']): Services['users'] {
  const refuse = (name: string) => () => {
    throw new ConfigurationError(`users.${name} needs an organizationId: pass { organizationId } or set STATUSPAGE_ORGANIZATION_ID`);
  };
  return Object.fromEntries(Object.keys(users).map((name) => [name, refuse(name)])) as unknown as Services['users'];
}

const consoleLogger: Logger = { debug: (m) => console.error(`[statuspage] ${m}`), warn: (m) => console.error(`[statuspage] ${m}`) };

/** The services that come from the operation table as they are. */
type TableServices = Omit<Services, 'incidents' | 'metrics' | 'users'>;

// Every service of the table is a property of the client (declaration merging types what the constructor assigns).
export interface StatuspageClient extends TableServices {}

/** A client for one Statuspage page. */
export class StatuspageClient extends ClientBase {
  /** Incidents, with python-statuspageio's `createScheduled`. */
  readonly incidents: Services['incidents'] & { createScheduled: Services['incidents']['create'] };
  /** Metrics, with python-statuspageio's name `listMetricsForProvider` for `listForProvider`. */
  readonly metrics: Services['metrics'] & { listMetricsForProvider: Services['metrics']['listForProvider'] };
  /** Team members of the organization: `list`, `create`, `delete` (they need an `organizationId`). */
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
    this.pageId = pageId;

    const credential = authorization('OAuth', apiKey);
    const { raw, transport, operations: services } = createVendorClient<operations, paths, typeof operationTable, 'page_id' | 'organization_id'>(
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
        bind: { defaults: { page_id: pageId, ...(organizationId ? { organization_id: organizationId } : {}) } },
      },
    );
    this.raw = raw;
    this.attachTransport(transport);
    // The generated signatures (names, docs) are what the bound operations are: checked here, at compile time.
    const resources: Resources = services;
    Object.assign(this, resources);
    // The seed's create_scheduled: an incident whose status is `scheduled` (one POST serves both).
    const createScheduled: Services['incidents']['create'] = (params, callOptions) =>
      services.incidents.create({ ...params, status: params.status ?? 'scheduled' }, callOptions);
    this.incidents = { ...services.incidents, createScheduled };
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
