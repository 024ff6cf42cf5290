/**
 * The Webex (Spark) stateful mock: records as Webex writes them (spark/spark-records.ts, spark/spark-messages.ts),
 * its error bodies (spark/spark-errors.ts), the caller by token (spark/spark-state.ts), its lists
 * (spark/spark-lists.ts) and its webhooks, delivered signed to their target URLs (spark/spark-webhooks.ts).
 */
import type { StatefulServerOptions } from '../stateful-server.js';
import type { MockCall, MockReply, VendorProfile } from '../vendor-profile.js';
import { missingToken, SPARK_MESSAGES, sparkError } from './spark/spark-errors.js';
import { sparkHandlers } from './spark/spark-handlers.js';
import { trackingId } from './spark/spark-ids.js';
import { newMessage } from './spark/spark-messages.js';
import { newAttachmentAction, newMembership, newOther, newPerson, newRoom, newTeam, newTeamMembership, newWebhook, type Builder, type SparkWrite } from './spark/spark-records.js';
import { sparkPage, type SparkPagingQuirks } from './spark/spark-pages.js';
import { checkSparkSeed, newSparkState, seedSpark, type SparkSeed } from './spark/spark-seed.js';
import { bearerToken, callerOf, stateOf } from './spark/spark-state.js';
import { updatedRecord } from './spark/spark-updates.js';
import { deliverEvents, emit } from './spark/spark-webhooks.js';

export type { SparkPagingQuirks } from './spark/spark-pages.js';
export type { SparkSeed, SparkSeedMessage, SparkSeedPerson, SparkSeedRoom } from './spark/spark-seed.js';

/** Options of the Webex stateful mock. */
export interface SparkMockOptions extends StatefulServerOptions<SparkSeed> {
  /**
   * The only bearer token accepted besides the seeded people's (others get Webex's JSON 401). Default: any
   * `Authorization: Bearer …` is accepted, as `me`; a request without one gets Webex's empty 401.
   */
  accessToken?: string;
  /** Webex's paging defects, to check that a client copes with them (spark/spark-pages.ts); all off by default. */
  quirks?: SparkPagingQuirks;
}

/** The builder of each resource's records (spark/spark-records.ts); others get {@link newOther}'s. */
const BUILDERS: Record<string, Builder> = {
  people: newPerson,
  rooms: newRoom,
  memberships: newMembership,
  messages: newMessage,
  teams: newTeam,
  teamMemberships: newTeamMembership,
  webhooks: newWebhook,
  attachmentActions: newAttachmentAction,
};

/**
 * The Webex behaviour of the stateful mock, with `options`' accepted token, seed and quirks.
 *
 * @throws {ConfigurationError} For a seed whose messages name no seeded room or author, or a wrong thread.
 */
export function sparkProfile(options: SparkMockOptions): VendorProfile<SparkSeed> {
  checkSparkSeed(options.seed);
  const writeOf = (call: MockCall): SparkWrite => {
    const actor = callerOf(call);
    return { store: call.store, state: call.state, now: call.now, baseUrl: call.baseUrl, actor, changed: (resource, event, record) => emit(call, resource, event, record, String(actor.id)) };
  };
  const profile: VendorProfile<SparkSeed> = {
    authorize: (call) => authorize(call, options.accessToken),
    create(call, fields) {
      const resource = call.operation.resource ?? '';
      const write = writeOf(call);
      const record = (BUILDERS[resource] ?? newOther(resource))(write, fields);
      // A room tells of itself, before its creator's membership (spark-records.ts).
      if (resource !== 'rooms') write.changed(resource, 'created', record);
      return record;
    },
    update(call, record, fields) {
      const resource = call.operation.resource ?? '';
      const updated = updatedRecord(call, resource, record, fields);
      writeOf(call).changed(resource, 'updated', updated);
      return updated;
    },
    // Webex's tracking id of the request, on every answer (errors carry theirs in the body too).
    headers: () => ({ trackingid: trackingId() }),
    // Every Webex list is `{ items }`, paged or not.
    list: sparkPage,
    after: (call) => deliverEvents(call),
    notFound: () => sparkError(404, SPARK_MESSAGES.notFound),
    invalid: (_call, problems) => invalid(problems),
    rateLimited: (_call, seconds) => sparkError(429, SPARK_MESSAGES.rateLimited, undefined, { 'retry-after': String(seconds) }),
    serverError: (_call, seconds) => sparkError(503, SPARK_MESSAGES.unavailable, undefined, { 'retry-after': String(seconds) }),
    newState: () => newSparkState(options.quirks),
    seed: (context, seed) => seedSpark(context, seed),
  };
  profile.handlers = sparkHandlers(profile, writeOf);
  return profile;
}

/** No bearer token: Webex's empty 401; a token other than the accepted ones: its JSON 401. */
function authorize(call: MockCall, accessToken: string | undefined): MockReply | undefined {
  // The OAuth token exchange is the one call sent without a token (specs/spark.yaml: `security: []`).
  if (call.operation.operationId === 'access_tokens_create') return undefined;
  const token = bearerToken(call);
  if (token === undefined) return missingToken();
  if (accessToken !== undefined && token !== accessToken && !Object.hasOwn(stateOf(call).tokens, token)) return sparkError(401, SPARK_MESSAGES.invalidToken);
  return undefined;
}

/** A request the spec refuses: a missing body in the words of Webex's capture, other problems one `errors` entry each. */
function invalid(problems: string[]): MockReply {
  const descriptions = problems.map((problem) => (problem === 'the request body is required' ? SPARK_MESSAGES.bodyMissing : problem));
  return sparkError(400, descriptions.join('; '), descriptions);
}
