/**
 * StatuspageClient: every service of Atlassian's Statuspage API as a property (`page`, `pages`, `components`,
 * `componentGroups`, `incidents`, `incidentUpdates`, `incidentTemplates`, `incidentSubscribers`, `postmortems`,
 * `subscribers`, `metrics`, `metricsProviders`, `pageAccessUsers`, `pageAccessGroups`, `statusEmbedConfig`, `users`,
 * `permissions`), typed from specs/statuspage.yaml. The client fills `pageId` and
 * `organizationId` in, adds the request envelopes, pages lists by page number, and waits out rate limits.
 */
import { authorization, ClientBase, ConfigurationError, createVendorClient, readEnv, type CommonClientOptions, type Logger } from '@apiclients/core/internal';
import type { Client } from 'openapi-fetch';
import { RATE_LIMIT_STATUSES, statuspageErrors } from './errors.js';
import { componentLookup } from './component-lookup.js';
import { operationTable, rateLimit, type operations, type paths, type Resources } from './generated.js';
import { incidentLifecycle, type IncidentLifecycle } from './incident-lifecycle.js';
import type { Services } from './services.js';
import { setComponentStatus, type SetComponentStatus } from './set-component-status.js';

/** Options of {@link StatuspageClient} (python-statuspageio's `api_key`, `page_id`, `organization_id`, …). */
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

/** Every method of an organization's service (`users`, `permissions`), refusing to run: the organization id is missing. */
function withoutOrganization<T extends object>(service: string, methods: T): T {
  const refuse = (name: string) => () => {
    throw new ConfigurationError(`${service}.${name} needs an organizationId: pass { organizationId } or set STATUSPAGE_ORGANIZATION_ID`);
  };
  return Object.fromEntries(Object.keys(methods).map((name) => [name, refuse(name)])) as unknown as T;
}

const consoleLogger: Logger = { debug: (m) => console.error(`[statuspage] ${m}`), warn: (m) => console.error(`[statuspage] ${m}`) };

/** The services that come from the operation table as they are. */
type TableServices = Omit<Services, 'components' | 'incidents' | 'metrics' | 'users' | 'permissions'>;

// Every service of the table is a property of the client (declaration merging types what the constructor assigns).
export interface StatuspageClient extends TableServices {}

/** A client for one Statuspage page. */
export class StatuspageClient extends ClientBase {
  /**
   * Components, with `setStatus(nameOrId, status)`: a component found by name (one listing of the page's
   * components, kept for the life of the client and made again for a name it lacks) or identifier.
   */
  readonly components: Services['components'] & { setStatus: SetComponentStatus };
  /**
   * Incidents, with python-statuspageio's `createScheduled`, and an incident's life in three calls: `open`,
   * `postUpdate`, `resolve` (components by name or identifier, each with the status to give it).
   */
  readonly incidents: Services['incidents'] & { createScheduled: Services['incidents']['create'] } & IncidentLifecycle;
  /** Metrics, with python-statuspageio's name `listMetricsForProvider` for `listForProvider`. */
  readonly metrics: Services['metrics'] & { listMetricsForProvider: Services['metrics']['listForProvider'] };
  /** Team members of the organization: `list`, `create`, `delete` (they need an `organizationId`). */
  readonly users: Services['users'];
  /** A team member's roles on the organization's pages: `get`, `update` (they need an `organizationId`). */
  readonly permissions: Services['permissions'];
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
        // 1 request a second per key over a rolling minute (the spec's x-apiclients-rate-limit).
        rateLimit,
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
    this.adoptResources(resources);
    // python-statuspageio's create_scheduled: an incident whose status is `scheduled` (one POST serves both).
    const createScheduled: Services['incidents']['create'] = (params, callOptions) =>
      services.incidents.create({ ...params, status: params.status ?? 'scheduled' }, callOptions);
    const resolveComponent = componentLookup(services.components);
    this.components = { ...services.components, setStatus: setComponentStatus(services.components, resolveComponent) };
    this.incidents = { ...services.incidents, createScheduled, ...incidentLifecycle(services.incidents, resolveComponent) };
    this.metrics = { ...services.metrics, listMetricsForProvider: services.metrics.listForProvider };
    this.users = organizationId ? services.users : withoutOrganization('users', services.users);
    this.permissions = organizationId ? services.permissions : withoutOrganization('permissions', services.permissions);
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
