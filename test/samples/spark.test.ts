/**
 * specs/spark.yaml against what Spark/Webex really sends and documents: the captured responses in
 * ../shared/reference/spark/examples, Webex's official per-operation examples (examples/official-spec), the official
 * schemas and enums (webex-messaging.json, webex-admin.json), the seed's methods and parameters (ciscosparkapi's
 * "User API Doc"), and every example of our own spec.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDir, responseExamples, specValidator } from '../lib/spec-validator.js';

const { spec, validate } = specValidator('spark');
const sparkDir = join(referenceDir, 'spark');
const examplesDir = join(sparkDir, 'examples');
const officialDir = join(examplesDir, 'official-spec');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** Follows local $refs of our spec. */
const deref = (node: any): any => {
  while (node?.$ref) node = node.$ref.replace(/^#\//, '').split('/').reduce((o: any, k: string) => o?.[k], spec);
  return node;
};
const operations = Object.entries<any>(spec.paths).flatMap(([path, item]) =>
  ['get', 'put', 'post', 'delete', 'patch']
    .filter((verb) => item[verb])
    .map((verb) => ({ path, verb, op: item[verb], params: [...(item.parameters ?? []), ...(item[verb].parameters ?? [])].map(deref) })),
);
const operation = (operationId: string) => {
  const found = operations.find((o) => o.op.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId} in specs/spark.yaml`);
  return found;
};
/** The component schema name a $ref points at (`#/components/schemas/Room` → `Room`). */
const schemaName = (ref: string | undefined) => ref?.split('/').pop();
const bodySchema = (operationId: string, media = 'application/json') =>
  schemaName(deref(operation(operationId).op.requestBody)?.content?.[media]?.schema?.$ref);
const okSchema = (operationId: string) => schemaName(deref(operation(operationId).op.responses['200'])?.content?.['application/json']?.schema?.$ref);
const propertiesOf = (name: string): Record<string, any> => spec.components.schemas[name].properties;

// The captured responses (see reference/README.md, spark/): the status and schema each is an answer of.
const SAMPLES: Record<string, { status: number; schema: string }> = {
  'create-message-response.json': { status: 200, schema: 'Message' },
  'list-teams-response.json': { status: 200, schema: 'TeamList' },
  'list-with-partial-errors.json': { status: 200, schema: 'RoomList' },
  'error-400-required-body-missing.json': { status: 400, schema: 'Error' },
  'error-403-admin-only.json': { status: 403, schema: 'Error' },
  'error-403-failed-to-get-activity.json': { status: 403, schema: 'Error' },
};

describe('Spark captured responses', () => {
  const files = readdirSync(examplesDir).filter((f) => f.endsWith('.json'));

  it('knows the schema of every JSON sample there is', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(SAMPLES[file], file).toBeDefined();
  });

  for (const file of files) {
    it(`${file} validates against ${SAMPLES[file]?.schema}`, () => {
      const { status, body } = readJson(join(examplesDir, file));
      expect(status).toBe(SAMPLES[file]!.status);
      expect(validate(SAMPLES[file]!.schema, body)).toEqual([]);
    });
  }

  it('documents the empty text/plain 401 (error-401-no-token.txt)', () => {
    const sample = readFileSync(join(examplesDir, 'error-401-no-token.txt'), 'utf8');
    expect(sample).toMatch(/Content-Length: 0/);
    expect(sample).toMatch(/Content-Type: text\/plain/);
    const unauthorized = spec.components.responses.Unauthorized;
    expect(unauthorized.content['text/plain'].schema).toEqual({ type: 'string' });
    expect(deref(unauthorized.content['text/plain'].examples.empty).value).toBe('');
    expect(unauthorized.headers.TrackingID).toBeDefined();
  });

  it('documents the 429 with Retry-After and an HTML body (429-rate-limit.txt)', () => {
    const sample = readFileSync(join(examplesDir, '429-rate-limit.txt'), 'utf8');
    expect(sample).toMatch(/Retry-After: 194/);
    expect(sample).toMatch(/Content-Type: text\/html/);
    const tooMany = spec.components.responses.TooManyRequests;
    expect(Object.keys(tooMany.headers)).toContain('Retry-After');
    expect(Object.keys(tooMany.content)).toEqual(expect.arrayContaining(['application/json', 'text/html']));
  });

  it('rejects bodies that break the schemas (the check can fail)', () => {
    expect(validate('Person', { invitePending: true })).not.toEqual([]);
    expect(validate('Person', { loginEnabled: 'yes' })).not.toEqual([]);
    expect(validate('RoomList', { items: [{ title: 42 }] })).not.toEqual([]);
    expect(validate('Error', { errors: [{ description: 1 }] })).not.toEqual([]);
    expect(validate('RoomCreate', { teamId: 'Y2lz' })).not.toEqual([]);
    expect(validate('MessageCreate', { roomId: 'r', files: ['http://a.example/1.png', 'http://a.example/2.png'] })).not.toEqual([]);
    expect(validate('WebhookCreate', { name: 'n', targetUrl: 'https://a.example', resource: 'messages' })).not.toEqual([]);
    expect(validate('AccessTokenRequest', { grant_type: 'password', client_id: 'c', client_secret: 's' })).not.toEqual([]);
    expect(validate('AccessTokenRequest', { grant_type: 'refresh_token', client_id: 'c', client_secret: 's' })).not.toEqual([]);
  });
});

// Webex's official per-operation examples: the operation of ours each documents, and the schemas of its 200 body
// and request body. `operationId: null` for an operation the seed does not have (so neither do we).
type Official = { operationId: string | null; response?: string; request?: string; why?: string };
const OFFICIAL: Record<string, Official> = {
  'admin_get_people.json': { operationId: 'people_list', response: 'PersonList' },
  'messaging_get_people.json': { operationId: 'people_list', response: 'PersonList' },
  'admin_post_people.json': { operationId: 'people_create', response: 'Person', request: 'PersonCreate' },
  'messaging_post_people.json': { operationId: 'people_create', response: 'Person', request: 'PersonCreate' },
  'admin_get_people_me.json': { operationId: 'people_me', response: 'Person' },
  'messaging_get_people_me.json': { operationId: 'people_me', response: 'Person' },
  'admin_get_people_personId.json': { operationId: 'people_get', response: 'Person' },
  'messaging_get_people_personId.json': { operationId: 'people_get', response: 'Person' },
  'admin_put_people_personId.json': { operationId: 'people_update', response: 'Person', request: 'PersonUpdate' },
  'messaging_put_people_personId.json': { operationId: 'people_update', response: 'Person', request: 'PersonUpdate' },
  'admin_delete_people_personId.json': { operationId: 'people_delete' },
  'messaging_delete_people_personId.json': { operationId: 'people_delete' },
  'messaging_get_rooms.json': { operationId: 'rooms_list', response: 'RoomList' },
  'messaging_post_rooms.json': { operationId: 'rooms_create', response: 'Room', request: 'RoomCreate' },
  'messaging_get_rooms_roomId.json': { operationId: 'rooms_get', response: 'Room' },
  'messaging_put_rooms_roomId.json': { operationId: 'rooms_update', response: 'Room', request: 'RoomUpdate' },
  'messaging_delete_rooms_roomId.json': { operationId: 'rooms_delete' },
  'messaging_get_memberships.json': { operationId: 'memberships_list', response: 'MembershipList' },
  'messaging_post_memberships.json': { operationId: 'memberships_create', response: 'Membership', request: 'MembershipCreate' },
  'messaging_get_memberships_membershipId.json': { operationId: 'memberships_get', response: 'Membership' },
  'messaging_put_memberships_membershipId.json': { operationId: 'memberships_update', response: 'Membership', request: 'MembershipUpdate' },
  'messaging_delete_memberships_membershipId.json': { operationId: 'memberships_delete' },
  'messaging_get_messages.json': { operationId: 'messages_list', response: 'MessageList' },
  'messaging_post_messages.json': { operationId: 'messages_create', response: 'Message', request: 'MessageCreate' },
  'messaging_get_messages_messageId.json': { operationId: 'messages_get', response: 'Message' },
  'messaging_delete_messages_messageId.json': { operationId: 'messages_delete' },
  'messaging_get_teams.json': { operationId: 'teams_list', response: 'TeamList' },
  'messaging_post_teams.json': { operationId: 'teams_create', response: 'Team', request: 'TeamCreate' },
  'messaging_get_teams_teamId.json': { operationId: 'teams_get', response: 'Team' },
  'messaging_put_teams_teamId.json': { operationId: 'teams_update', response: 'Team', request: 'TeamUpdate' },
  'messaging_delete_teams_teamId.json': { operationId: 'teams_delete' },
  'messaging_get_team_memberships.json': { operationId: 'team_memberships_list', response: 'TeamMembershipList' },
  'messaging_post_team_memberships.json': { operationId: 'team_memberships_create', response: 'TeamMembership', request: 'TeamMembershipCreate' },
  'messaging_get_team_memberships_membershipId.json': { operationId: 'team_memberships_get', response: 'TeamMembership' },
  'messaging_put_team_memberships_membershipId.json': { operationId: 'team_memberships_update', response: 'TeamMembership', request: 'TeamMembershipUpdate' },
  'messaging_delete_team_memberships_membershipId.json': { operationId: 'team_memberships_delete' },
  'messaging_get_webhooks.json': { operationId: 'webhooks_list', response: 'WebhookList' },
  'messaging_post_webhooks.json': { operationId: 'webhooks_create', response: 'Webhook', request: 'WebhookCreate' },
  'messaging_get_webhooks_webhookId.json': { operationId: 'webhooks_get', response: 'Webhook' },
  'messaging_put_webhooks_webhookId.json': { operationId: 'webhooks_update', response: 'Webhook', request: 'WebhookUpdate' },
  'messaging_delete_webhooks_webhookId.json': { operationId: 'webhooks_delete' },
  'admin_get_organizations.json': { operationId: 'organizations_list', response: 'OrganizationList' },
  'admin_get_organizations_orgId.json': { operationId: 'organizations_get', response: 'Organization' },
  'admin_get_licenses.json': { operationId: 'licenses_list', response: 'LicenseList' },
  'admin_get_licenses_licenseId.json': { operationId: 'licenses_get', response: 'License' },
  'admin_get_roles.json': { operationId: 'roles_list', response: 'RoleList' },
  'admin_get_roles_roleId.json': { operationId: 'roles_get', response: 'Role' },
  'admin_get_events.json': { operationId: 'events_list', response: 'EventList' },
  'messaging_get_events.json': { operationId: 'events_list', response: 'EventList' },
  'admin_get_events_eventId.json': { operationId: 'events_get', response: 'Event' },
  'messaging_get_events_eventId.json': { operationId: 'events_get', response: 'Event' },
  // Webex operations newer than the seed (issue 18). The edit's official request example is null, so no request check.
  'messaging_put_messages_messageId.json': { operationId: 'messages_update', response: 'Message' },
  'messaging_get_messages_direct.json': { operationId: 'messages_list_direct', response: 'MessageList' },
  'messaging_get_rooms_roomId_meetingInfo.json': { operationId: 'rooms_get_meeting_info', response: 'RoomMeetingDetails' },
  'admin_patch_licenses_users.json': { operationId: 'licenses_assign_users', response: 'LicenseUsersAssignResult', request: 'LicenseUsersAssign' },
  'admin_delete_organizations_orgId.json': { operationId: 'organizations_delete' },
};
// Official query parameters we leave out on purpose.
const OMITTED_QUERY: Record<string, string> = {
  // A query parameter on a GET of one team, documented as "The teams description": an artefact of the official spec.
  'messaging_get_teams_teamId.json:description': 'not a real filter',
};

describe('Webex official per-operation examples', () => {
  const files = readdirSync(officialDir).filter((f) => f.endsWith('.json'));

  it('knows the operation of every official file there is', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(OFFICIAL[file], file).toBeDefined();
  });

  for (const file of files) {
    const entry = OFFICIAL[file] ?? { operationId: null };
    const official = readJson(join(officialDir, file));
    describe(`${file} (${official.method} ${official.path})`, () => {
      if (entry.operationId) {
        it(`is ${entry.operationId}: same method, path and path parameters`, () => {
          const { path, verb, params } = operation(entry.operationId!);
          expect(verb.toUpperCase()).toBe(official.method);
          expect(path).toBe(official.path);
          const pathParams = (list: any[]) => list.filter((p) => p.in === 'path').map((p) => p.name).sort();
          expect(pathParams(params)).toEqual(pathParams(official.parameters));
        });

        it('has every official query parameter', () => {
          const ours = operation(entry.operationId!).params.filter((p) => p.in === 'query').map((p) => p.name);
          const theirs = official.parameters.filter((p: any) => p.in === 'query' && !OMITTED_QUERY[`${file}:${p.name}`]);
          expect(ours).toEqual(expect.arrayContaining(theirs.map((p: any) => p.name)));
        });

        it('answers with the schema named here, and the official statuses', () => {
          const responses = operation(entry.operationId!).op.responses;
          for (const status of Object.keys(official.responses)) expect(responses[status], status).toBeDefined();
          if (entry.response) expect(okSchema(entry.operationId!)).toBe(entry.response);
          if (entry.request) expect(bodySchema(entry.operationId!)).toBe(entry.request);
        });
      }

      if (entry.response) {
        it(`its 200 example validates against ${entry.response}`, () => {
          expect(official.responses['200'].example).toBeDefined();
          expect(validate(entry.response!, official.responses['200'].example)).toEqual([]);
        });
      } else {
        it(`has no 200 example we could check (${entry.why ?? 'no 200 body'})`, () => {
          if (entry.operationId) expect(official.responses['200']).toBeUndefined();
          else expect(entry.why).toBeDefined();
        });
      }

      if (entry.request) {
        it(`its request example validates against ${entry.request}`, () => {
          expect(validate(entry.request!, official.requestBody['application/json'].example)).toEqual([]);
        });
      }
    });
  }
});

// Our schema ← the official schema(s) whose properties it must all have (webex-messaging.json `m`, webex-admin.json `a`).
const OFFICIAL_SCHEMAS: Record<string, string[]> = {
  Person: ['m:Person', 'a:Person'],
  Room: ['m:Room'],
  Membership: ['m:Membership'],
  Message: ['m:Message', 'm:ListMessage', 'm:DirectMessage'],
  AttachmentAction: ['m:AttachmentActivity'],
  RoomTab: ['m:RoomTab'],
  LinkedFolder: ['m:ECMFolder'],
  RoomMeetingDetails: ['m:RoomMeetingDetails'],
  Guest: ['a:Guest'],
  Team: ['m:Team'],
  TeamMembership: ['m:TeamMembership'],
  Webhook: ['m:Webhook'],
  Organization: ['a:Organization'],
  License: ['a:LicensewithUsers'],
  Role: ['a:Role'],
  Event: ['m:Event', 'a:Event'],
  Error: ['a:Error'],
};

describe('Webex official schemas', () => {
  const documents = { m: readJson(join(sparkDir, 'webex-messaging.json')), a: readJson(join(sparkDir, 'webex-admin.json')) };
  const officialSchema = (key: string) => {
    const [doc, name] = key.split(':') as ['m' | 'a', string];
    const schemas = documents[doc].components.schemas;
    const resolve = (s: any) => (s?.$ref ? schemas[s.$ref.split('/').pop()] : s);
    return { schema: schemas[name], resolve };
  };

  for (const [ours, theirs] of Object.entries(OFFICIAL_SCHEMAS)) {
    it(`${ours} has every property and enum of ${theirs.join(', ')}`, () => {
      const properties = propertiesOf(ours);
      for (const key of theirs) {
        const { schema, resolve } = officialSchema(key);
        expect(schema, key).toBeDefined();
        for (const [name, property] of Object.entries<any>(schema.properties)) {
          expect(properties[name], `${ours}.${name}`).toBeDefined();
          const theirEnum = resolve(property).enum;
          if (theirEnum) expect(deref(properties[name]).enum, `${ours}.${name} enum`).toEqual(theirEnum);
        }
      }
    });
  }

  it('keeps invitePending and loginEnabled as string enums, and requires almost nothing', () => {
    for (const name of ['invitePending', 'loginEnabled']) expect(propertiesOf('Person')[name]).toMatchObject({ type: 'string', enum: ['true', 'false'] });
    for (const name of Object.keys(OFFICIAL_SCHEMAS)) expect(spec.components.schemas[name].required, name).toBeUndefined();
  });
});

// The seed's API reference (ciscosparkapi "User API Doc"): each method → our operation, and its parameters, by where
// they go. Bodies name the request schema(s) that must have each field.
const SEED: { method: string; operationId: string; path?: string[]; query?: string[]; body?: [string[], string[]] }[] = [
  { method: 'people.list', operationId: 'people_list', query: ['email', 'displayName', 'id', 'orgId', 'max'] },
  { method: 'people.create', operationId: 'people_create', body: [['PersonCreate'], ['emails', 'displayName', 'firstName', 'lastName', 'avatar', 'orgId', 'roles', 'licenses']] },
  { method: 'people.get', operationId: 'people_get', path: ['personId'] },
  { method: 'people.update', operationId: 'people_update', path: ['personId'], body: [['PersonUpdate'], ['emails', 'displayName', 'firstName', 'lastName', 'avatar', 'orgId', 'roles', 'licenses']] },
  { method: 'people.delete', operationId: 'people_delete', path: ['personId'] },
  { method: 'people.me', operationId: 'people_me' },
  { method: 'rooms.list', operationId: 'rooms_list', query: ['teamId', 'type', 'sortBy', 'max'] },
  { method: 'rooms.create', operationId: 'rooms_create', body: [['RoomCreate'], ['title', 'teamId']] },
  { method: 'rooms.get', operationId: 'rooms_get', path: ['roomId'] },
  { method: 'rooms.update', operationId: 'rooms_update', path: ['roomId'], body: [['RoomUpdate'], ['title']] },
  { method: 'rooms.delete', operationId: 'rooms_delete', path: ['roomId'] },
  { method: 'memberships.list', operationId: 'memberships_list', query: ['roomId', 'personId', 'personEmail', 'max'] },
  { method: 'memberships.create', operationId: 'memberships_create', body: [['MembershipCreate'], ['roomId', 'personId', 'personEmail', 'isModerator']] },
  { method: 'memberships.get', operationId: 'memberships_get', path: ['membershipId'] },
  { method: 'memberships.update', operationId: 'memberships_update', path: ['membershipId'], body: [['MembershipUpdate'], ['isModerator']] },
  { method: 'memberships.delete', operationId: 'memberships_delete', path: ['membershipId'] },
  { method: 'messages.list', operationId: 'messages_list', query: ['roomId', 'mentionedPeople', 'before', 'beforeMessage', 'max'] },
  { method: 'messages.create', operationId: 'messages_create', body: [['MessageCreate', 'MessageCreateUpload'], ['roomId', 'toPersonId', 'toPersonEmail', 'text', 'markdown', 'files']] },
  { method: 'messages.get', operationId: 'messages_get', path: ['messageId'] },
  { method: 'messages.delete', operationId: 'messages_delete', path: ['messageId'] },
  { method: 'teams.list', operationId: 'teams_list', query: ['max'] },
  { method: 'teams.create', operationId: 'teams_create', body: [['TeamCreate'], ['name']] },
  { method: 'teams.get', operationId: 'teams_get', path: ['teamId'] },
  { method: 'teams.update', operationId: 'teams_update', path: ['teamId'], body: [['TeamUpdate'], ['name']] },
  { method: 'teams.delete', operationId: 'teams_delete', path: ['teamId'] },
  { method: 'team_memberships.list', operationId: 'team_memberships_list', query: ['teamId', 'max'] },
  { method: 'team_memberships.create', operationId: 'team_memberships_create', body: [['TeamMembershipCreate'], ['teamId', 'personId', 'personEmail', 'isModerator']] },
  { method: 'team_memberships.get', operationId: 'team_memberships_get', path: ['membershipId'] },
  { method: 'team_memberships.update', operationId: 'team_memberships_update', path: ['membershipId'], body: [['TeamMembershipUpdate'], ['isModerator']] },
  { method: 'team_memberships.delete', operationId: 'team_memberships_delete', path: ['membershipId'] },
  { method: 'webhooks.list', operationId: 'webhooks_list', query: ['max'] },
  { method: 'webhooks.create', operationId: 'webhooks_create', body: [['WebhookCreate'], ['name', 'targetUrl', 'resource', 'event', 'filter', 'secret']] },
  { method: 'webhooks.get', operationId: 'webhooks_get', path: ['webhookId'] },
  { method: 'webhooks.update', operationId: 'webhooks_update', path: ['webhookId'], body: [['WebhookUpdate'], ['name', 'targetUrl']] },
  { method: 'webhooks.delete', operationId: 'webhooks_delete', path: ['webhookId'] },
  { method: 'organizations.list', operationId: 'organizations_list', query: ['max'] },
  { method: 'organizations.get', operationId: 'organizations_get', path: ['orgId'] },
  { method: 'licenses.list', operationId: 'licenses_list', query: ['orgId', 'max'] },
  { method: 'licenses.get', operationId: 'licenses_get', path: ['licenseId'] },
  { method: 'roles.list', operationId: 'roles_list', query: ['max'] },
  { method: 'roles.get', operationId: 'roles_get', path: ['roleId'] },
  { method: 'events.list', operationId: 'events_list', query: ['resource', 'type', 'actorId', 'from', 'to', 'max'] },
  { method: 'events.get', operationId: 'events_get', path: ['eventId'] },
  { method: 'access_tokens.get', operationId: 'access_tokens_create', body: [['AuthorizationCodeGrant'], ['client_id', 'client_secret', 'code', 'redirect_uri']] },
  { method: 'access_tokens.refresh', operationId: 'access_tokens_create', body: [['RefreshTokenGrant'], ['client_id', 'client_secret', 'refresh_token']] },
];
// Operations of webex-messaging.json and webex-admin.json that ciscosparkapi (2018) does not have.
const NEWER_THAN_SEED = [
  'attachment_actions_create', 'attachment_actions_get',
  'room_linked_folders_list', 'room_linked_folders_create', 'room_linked_folders_get', 'room_linked_folders_update', 'room_linked_folders_delete',
  'hds_get_organization', 'hds_get_cluster', 'hds_get_node', 'hds_get_database', 'hds_get_tenants', 'hds_get_network_test_results', 'hds_get_cluster_availability',
  'messages_list_direct', 'messages_update', 'room_tabs_list', 'room_tabs_create', 'room_tabs_get', 'room_tabs_update', 'room_tabs_delete', 'rooms_get_meeting_info',
  'admin_audit_events_list', 'admin_audit_events_list_categories',
  'authorizations_list', 'authorizations_delete_by_client_id', 'authorizations_delete', 'authorizations_get_token_expiry',
  'guests_create', 'guests_count', 'licenses_assign_users', 'organizations_delete',
];
// The seed's data models ("Spark Data Objects"): every attribute but json_data and the to_* methods.
const SEED_MODELS: Record<string, string[]> = {
  Person: ['avatar', 'created', 'displayName', 'emails', 'firstName', 'id', 'invitePending', 'lastActivity', 'lastName', 'licenses', 'loginEnabled', 'nickName', 'orgId', 'roles', 'status', 'type'],
  Room: ['created', 'creatorId', 'id', 'isLocked', 'lastActivity', 'teamId', 'title', 'type'],
  Membership: ['created', 'id', 'isModerator', 'isMonitor', 'personDisplayName', 'personEmail', 'personId', 'personOrgId', 'roomId'],
  Message: ['created', 'files', 'html', 'id', 'markdown', 'mentionedPeople', 'personEmail', 'personId', 'roomId', 'roomType', 'text'],
  Team: ['created', 'creatorId', 'id', 'name'],
  TeamMembership: ['created', 'id', 'isModerator', 'personDisplayName', 'personEmail', 'personId', 'personOrgId', 'teamId'],
  Webhook: ['appId', 'created', 'createdBy', 'event', 'filter', 'id', 'name', 'orgId', 'ownedBy', 'resource', 'secret', 'status', 'targetUrl'],
  WebhookEvent: ['actorId', 'appId', 'createdBy', 'data', 'event', 'filter', 'id', 'name', 'orgId', 'ownedBy', 'resource', 'status', 'created'],
  Organization: ['created', 'displayName', 'id'],
  License: ['consumedUnits', 'id', 'name', 'totalUnits'],
  Role: ['id', 'name'],
  Event: ['actorId', 'created', 'data', 'id', 'resource', 'type'],
  AccessToken: ['access_token', 'expires_in', 'refresh_token', 'refresh_token_expires_in'],
};

describe('the seed (ciscosparkapi User API Doc)', () => {
  for (const { method, operationId, path = [], query = [], body } of SEED) {
    it(`${method} is ${operationId} with every parameter`, () => {
      const { params } = operation(operationId);
      expect(params.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(path);
      expect(params.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(expect.arrayContaining(query));
      for (const schema of body?.[0] ?? []) expect(Object.keys(propertiesOf(schema)), schema).toEqual(expect.arrayContaining(body![1]));
    });
  }

  it('has one operation per seed method, plus the Webex operations newer than the seed (issue 18), and nothing else', () => {
    const ids = operations.map((o) => o.op.operationId).sort();
    expect(ids).toEqual([...new Set([...SEED.map((s) => s.operationId), ...NEWER_THAN_SEED])].sort());
  });

  for (const [model, attributes] of Object.entries(SEED_MODELS)) {
    it(`${model} has every attribute of the seed's data model`, () => {
      expect(Object.keys(propertiesOf(model))).toEqual(expect.arrayContaining(attributes));
    });
  }

  it('sends both access-token forms, and only them, as one urlencoded oneOf', () => {
    const { op } = operation('access_tokens_create');
    expect(op.security).toEqual([]);
    expect(op['x-apiclients-idempotent']).toBe(false);
    expect(Object.keys(deref(op.requestBody).content)).toEqual(['application/x-www-form-urlencoded']);
    const exchange = { grant_type: 'authorization_code', client_id: 'c', client_secret: 's', code: 'k', redirect_uri: 'https://a.example/cb' };
    const refresh = { grant_type: 'refresh_token', client_id: 'c', client_secret: 's', refresh_token: 'r' };
    expect(validate('AccessTokenRequest', exchange)).toEqual([]);
    expect(validate('AccessTokenRequest', refresh)).toEqual([]);
  });

  it('takes a message as JSON (remote file URL) or multipart (local file)', () => {
    expect(Object.keys(deref(operation('messages_create').op.requestBody).content)).toEqual(['application/json', 'multipart/form-data']);
    expect(propertiesOf('MessageCreateUpload').files).toMatchObject({ type: 'string', contentMediaType: 'application/octet-stream' });
  });
});

describe('Spark lists and errors', () => {
  const seedIds = new Set(SEED.map((s) => s.operationId));
  const lists = operations.filter((o) => seedIds.has(o.op.operationId) && o.op.operationId.endsWith('_list'));
  const paged = operations.filter((o) => o.op['x-apiclients-pagination']);

  it('has a list for each of the eleven seed resources that have one (all but access_tokens)', () => expect(lists).toHaveLength(11));

  it('pages the seed lists and the Webex lists documented with a Link header or pages', () => {
    const ids = paged.map((o) => o.op.operationId);
    expect(ids).toEqual(expect.arrayContaining([...lists.map((o) => o.op.operationId), 'room_tabs_list', 'room_linked_folders_list', 'admin_audit_events_list']));
    expect(ids).toHaveLength(lists.length + 3);
  });

  for (const { op, params } of lists) {
    it(`${op.operationId} is sized by max`, () => expect(params.map((p) => p.name)).toContain('max'));
  }

  for (const { op } of paged) {
    it(`${op.operationId} pages by Link header over { items }`, () => {
      expect(op['x-apiclients-pagination']).toEqual({ style: 'link', items: 'items' });
      const ok = deref(op.responses['200']);
      expect(ok.headers.Link).toBeDefined();
      expect(deref(ok.content['application/json'].schema).properties.items.type).toBe('array');
    });
  }

  for (const { op } of operations) {
    it(`${op.operationId} documents 400, 401, 403, 404, 409, 429 and 5XX with the shared responses`, () => {
      for (const status of ['400', '401', '403', '404', '409', '429', '5XX']) expect(op.responses[status]?.$ref, status).toMatch(/^#\/components\/responses\//);
    });
  }
});

/** Every request-body example of our spec (paths and webhooks), with the schema it must match. */
function requestExamples() {
  const out: { where: string; schema: Record<string, unknown>; value: unknown }[] = [];
  for (const [group, items] of [['paths', spec.paths], ['webhooks', spec.webhooks ?? {}]] as const) {
    for (const [path, item] of Object.entries<any>(items)) {
      for (const [verb, op] of Object.entries<any>(item)) {
        for (const [media, content] of Object.entries<any>(deref(op?.requestBody)?.content ?? {})) {
          for (const [name, example] of Object.entries<any>(content.examples ?? {})) {
            out.push({ where: `${group} ${verb.toUpperCase()} ${path} request ${media} ${name}`, schema: content.schema, value: deref(example).value });
          }
        }
      }
    }
  }
  return out;
}

describe('Spark spec examples', () => {
  const responses = responseExamples(spec);
  const requests = requestExamples();

  it('has an example for every success response with a body, and every request body', () => {
    for (const { path, verb, op } of operations) {
      const ok = deref(op.responses['200']);
      if (ok) expect(responses.some((e) => e.where.startsWith(`${verb.toUpperCase()} ${path} 200 `)), `${verb} ${path}`).toBe(true);
      const body = deref(op.requestBody)?.content ?? {};
      if (body['application/json'] || body['application/x-www-form-urlencoded']) {
        expect(requests.some((e) => e.where.startsWith(`paths ${verb.toUpperCase()} ${path} request`)), `${verb} ${path} request`).toBe(true);
      }
    }
  });

  for (const example of [...responses, ...requests]) {
    it(`${example.where} matches its schema`, () => {
      expect(validate(example.schema, example.value)).toEqual([]);
    });
  }
});

// Every operation of webex-messaging.json, and the admin operations issue 18 names, against ours: same method and
// path, the official path and query parameters, and the official examples (2xx body, request body) valid for our
// schemas. Official examples that are null or absent are skipped, and said so by the count.
const ADMIN_PATHS = ['/adminAudit/events', '/adminAudit/eventCategories', '/authorizations', '/authorizations/{authorizationId}', '/authorizations/tokenExpiry', '/guests/token', '/guests/count'];

describe('Webex official operations (webex-messaging.json whole, webex-admin.json admin audit, authorizations, guests)', () => {
  const documents = { m: readJson(join(sparkDir, 'webex-messaging.json')), a: readJson(join(sparkDir, 'webex-admin.json')) };
  const normalise = (path: string) => path.replace(/\{[^}]+\}/g, '{}');
  const official = (['m', 'a'] as const).flatMap((doc) =>
    Object.entries<any>(documents[doc].paths)
      .filter(([path]) => doc === 'm' || ADMIN_PATHS.includes(path))
      .flatMap(([path, item]) =>
        ['get', 'put', 'post', 'delete', 'patch'].filter((verb) => item[verb]).map((verb) => ({ doc, path, verb, op: item[verb], params: [...(item.parameters ?? []), ...(item[verb].parameters ?? [])] })),
      ),
  );
  const resolveOfficial = (doc: 'm' | 'a', node: any) => (node?.$ref ? documents[doc].components.requestBodies?.[node.$ref.split('/').pop()] ?? node : node);

  it('counts 59 messaging operations and 8 admin ones', () => {
    expect(official.filter((o) => o.doc === 'm')).toHaveLength(59);
    expect(official.filter((o) => o.doc === 'a')).toHaveLength(8);
  });

  for (const { doc, path, verb, op, params } of official) {
    describe(`${verb.toUpperCase()} ${path} (${doc === 'm' ? 'messaging' : 'admin'})`, () => {
      const ours = () => {
        const found = operations.find((o) => o.verb === verb && normalise(o.path) === normalise(path));
        expect(found, `${verb} ${path} is not in specs/spark.yaml`).toBeDefined();
        return found!;
      };

      it('is in our spec with the same path parameters and every query parameter', () => {
        const { params: ourParams } = ours();
        expect(ourParams.filter((p) => p.in === 'path')).toHaveLength(params.filter((p: any) => p.in === 'path').length);
        const omitted = (name: string) => path === '/teams/{teamId}' && OMITTED_QUERY[`messaging_get_teams_teamId.json:${name}`];
        const query = params.filter((p: any) => p.in === 'query' && !omitted(p.name));
        expect(ourParams.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(expect.arrayContaining(query.map((p: any) => p.name)));
      });

      it('answers each official success status, and its official examples validate against our schemas', () => {
        const { op: ourOp } = ours();
        for (const [status, response] of Object.entries<any>(op.responses)) {
          if (!/^2/.test(status)) continue;
          expect(ourOp.responses[status], status).toBeDefined();
          const example = response.content?.['application/json']?.example;
          if (example == null) continue;
          const schema = deref(ourOp.responses[status]).content['application/json'].schema;
          expect(validate(schema, example), `${status} example`).toEqual([]);
        }
        const requestExample = resolveOfficial(doc, op.requestBody)?.content?.['application/json']?.example;
        if (requestExample != null) expect(validate(deref(ourOp.requestBody).content['application/json'].schema, requestExample)).toEqual([]);
      });
    });
  }
});
