/**
 * Every Spark resource method against Prism serving specs/spark.yaml. Prism refuses a request the spec does not
 * allow (a missing required field, a bad enum, no bearer token), so a pass proves the client sends what the spec
 * describes; results are checked against the spec's schemas.
 */
import { describe, expect, inject, it } from 'vitest';
import { SparkClient } from '@apiclients/spark';
import { specValidator } from '../lib/spec-validator.js';

const baseUrl = inject('prism').spark as string;
// Every request the client sends, as `METHOD /path`, so the last test can tell that each operation was called.
const sent: string[] = [];
const recording: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  sent.push(`${(init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase()} ${url.pathname.slice(new URL(baseUrl).pathname.replace(/\/$/, '').length)}`);
  return fetch(input, init);
};
const spark = new SparkClient({ baseUrl, accessToken: 'contract-test-token', fetch: recording });
const { spec, validate } = specValidator('spark');
const one = async <T>(list: AsyncIterable<T> & { take(n: number): { toArray(): Promise<T[]> } }) => (await list.take(1).toArray())[0];

describe('Spark against Prism', () => {
  it('people', async () => {
    expect(validate('Person', await one(spark.people.list({ email: 'a@example.com' })))).toEqual([]);
    expect(validate('Person', await spark.people.me())).toEqual([]);
    expect(validate('Person', await spark.people.get('p1'))).toEqual([]);
    expect(validate('Person', await spark.people.create({ emails: ['new@example.com'], displayName: 'New' }))).toEqual([]);
    expect(validate('Person', await spark.people.update('p1', { displayName: 'Renamed' }))).toEqual([]);
    await spark.people.delete('p1');
  });

  it('rooms', async () => {
    expect(validate('Room', await one(spark.rooms.list({ type: 'group', sortBy: 'lastactivity', max: 10 })))).toEqual([]);
    expect(validate('Room', await spark.rooms.create({ title: 'Project' }))).toEqual([]);
    expect(validate('Room', await spark.rooms.get('r1'))).toEqual([]);
    expect(validate('Room', await spark.rooms.update('r1', { title: 'Renamed' }))).toEqual([]);
    await spark.rooms.delete('r1');
  });

  it('memberships', async () => {
    expect(validate('Membership', await one(spark.memberships.list({ roomId: 'r1' })))).toEqual([]);
    expect(validate('Membership', await spark.memberships.create({ roomId: 'r1', personEmail: 'a@example.com' }))).toEqual([]);
    expect(validate('Membership', await spark.memberships.get('m1'))).toEqual([]);
    expect(validate('Membership', await spark.memberships.update('m1', { isModerator: true }))).toEqual([]);
    await spark.memberships.delete('m1');
  });

  it('messages, JSON and multipart', async () => {
    expect(validate('Message', await one(spark.messages.list({ roomId: 'r1', mentionedPeople: 'me' })))).toEqual([]);
    expect(validate('Message', await spark.messages.create({ roomId: 'r1', text: 'hi', files: 'https://example.com/a.png' }))).toEqual([]);
    const upload = { data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), filename: 'a.png' };
    expect(validate('Message', await spark.messages.create({ roomId: 'r1', text: 'file', files: upload }))).toEqual([]);
    expect(validate('Message', await spark.messages.get('m1'))).toEqual([]);
    await spark.messages.delete('m1');
  });

  it('teams and team memberships', async () => {
    expect(validate('Team', await one(spark.teams.list()))).toEqual([]);
    expect(validate('Team', await spark.teams.create({ name: 'Team' }))).toEqual([]);
    expect(validate('Team', await spark.teams.get('t1'))).toEqual([]);
    expect(validate('Team', await spark.teams.update('t1', { name: 'Renamed' }))).toEqual([]);
    await spark.teams.delete('t1');
    expect(validate('TeamMembership', await one(spark.teamMemberships.list({ teamId: 't1' })))).toEqual([]);
    expect(validate('TeamMembership', await spark.teamMemberships.create({ teamId: 't1', personEmail: 'a@example.com' }))).toEqual([]);
    expect(validate('TeamMembership', await spark.teamMemberships.get('tm1'))).toEqual([]);
    expect(validate('TeamMembership', await spark.teamMemberships.update('tm1', { isModerator: true }))).toEqual([]);
    await spark.teamMemberships.delete('tm1');
  });

  it('webhooks', async () => {
    expect(validate('Webhook', await one(spark.webhooks.list()))).toEqual([]);
    const body = { name: 'hook', targetUrl: 'https://example.com/hook', resource: 'messages', event: 'created' } as const;
    expect(validate('Webhook', await spark.webhooks.create({ ...body }))).toEqual([]);
    expect(validate('Webhook', await spark.webhooks.get('w1'))).toEqual([]);
    expect(validate('Webhook', await spark.webhooks.update('w1', { name: 'hook2', targetUrl: 'https://example.com/h2' }))).toEqual([]);
    await spark.webhooks.delete('w1');
  });

  it('organizations, licenses, roles, events', async () => {
    expect(validate('Organization', await one(spark.organizations.list()))).toEqual([]);
    expect(validate('Organization', await spark.organizations.get('o1'))).toEqual([]);
    expect(validate('License', await one(spark.licenses.list()))).toEqual([]);
    expect(validate('License', await spark.licenses.get('l1'))).toEqual([]);
    expect(validate('Role', await one(spark.roles.list()))).toEqual([]);
    expect(validate('Role', await spark.roles.get('x1'))).toEqual([]);
    expect(validate('Event', await one(spark.events.list({ resource: 'messages', type: 'created', from: '2026-01-01T00:00:00.000Z' })))).toEqual([]);
    expect(validate('Event', await spark.events.get('e1'))).toEqual([]);
  });

  it('access tokens', async () => {
    expect(validate('AccessToken', await spark.accessTokens.get({ client_id: 'c', client_secret: 's', code: 'x', redirect_uri: 'https://app.example.com/cb' }))).toEqual([]);
    expect(validate('AccessToken', await spark.accessTokens.refresh({ client_id: 'c', client_secret: 's', refresh_token: 'r' }))).toEqual([]);
  });

  it('cards: attachment actions, a card message, edits, direct messages, threads', async () => {
    const action = await spark.attachmentActions.create({ type: 'submit', messageId: 'm1', inputs: { choice: 'yes' } });
    expect(validate('AttachmentAction', action)).toEqual([]);
    expect(validate('AttachmentAction', await spark.attachmentActions.get('a1'))).toEqual([]);
    const card = { contentType: 'application/vnd.microsoft.card.adaptive' as const, content: { type: 'AdaptiveCard' as const, version: '1.2', body: [{ type: 'TextBlock', text: 'Ship it?' }] } };
    expect(validate('Message', await spark.messages.create({ roomId: 'r1', parentId: 'm0', markdown: 'Ship it?', attachments: [card] }))).toEqual([]);
    expect(validate('Message', await spark.messages.update('m1', { roomId: 'r1', markdown: '**Shipped**' }))).toEqual([]);
    const direct = await spark.messages.listDirect({ personEmail: 'julie@example.com' });
    expect(validate('MessageList', direct)).toEqual([]);
    const thread = await spark.messages.thread('m1').toArray();
    expect(thread.length).toBeGreaterThan(0);
    for (const message of thread) expect(validate('Message', message)).toEqual([]);
  });

  it('room tabs, linked folders, meeting info', async () => {
    const tab = { roomId: 'r1', contentUrl: 'https://www.example.com/status', displayName: 'Status' };
    expect(validate('RoomTab', await one(spark.roomTabs.list({ roomId: 'r1' })))).toEqual([]);
    expect(validate('RoomTab', await spark.roomTabs.create(tab))).toEqual([]);
    expect(validate('RoomTab', await spark.roomTabs.get('t1'))).toEqual([]);
    expect(validate('RoomTab', await spark.roomTabs.update('t1', { ...tab, displayName: 'Renamed' }))).toEqual([]);
    await spark.roomTabs.delete('t1');
    const folder = { roomId: 'r1', contentUrl: 'https://example.sharepoint.com/Shared%20Documents', displayName: 'Documents', driveId: 'd1', itemId: 'i1', defaultFolder: 'false' };
    expect(validate('LinkedFolder', await one(spark.roomLinkedFolders.list({ roomId: 'r1' })))).toEqual([]);
    expect(validate('LinkedFolder', await spark.roomLinkedFolders.create(folder))).toEqual([]);
    expect(validate('LinkedFolder', await spark.roomLinkedFolders.get('f1'))).toEqual([]);
    expect(validate('LinkedFolder', await spark.roomLinkedFolders.update('f1', folder))).toEqual([]);
    await spark.roomLinkedFolders.delete('f1');
    expect(validate('RoomMeetingDetails', await spark.rooms.getMeetingInfo('r1'))).toEqual([]);
  });

  it('hybrid data security', async () => {
    expect(validate('HdsOrgDetailsResponse', await spark.hds.getOrganization('o1'))).toEqual([]);
    expect(validate('HdsClusterDetailsResponse', await spark.hds.getCluster('c1'))).toEqual([]);
    expect(validate('HdsNodeDetailsResponse', await spark.hds.getNode('n1'))).toEqual([]);
    expect(validate('HdsDatabaseDetailsResponse', await spark.hds.getDatabase('o1'))).toEqual([]);
    expect(validate('HdsMultiTenantOrgDetailsResponse', await spark.hds.getTenants('o1'))).toEqual([]);
    expect(validate('HdsNetworkTestsResultsResponse', await spark.hds.getNetworkTestResults('n1', { triggerType: 'All' }))).toEqual([]);
    const period = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' };
    expect(validate('HdsClustersAvailabilityDetailsResponse', await spark.hds.getClusterAvailability('c1', period))).toEqual([]);
  });

  it('admin: audit events, authorizations, guests, licenses, organizations', async () => {
    const period = { orgId: 'o1', from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' };
    expect(validate('AuditEvent', await one(spark.adminAuditEvents.list({ ...period, eventCategories: 'LOGINS,LOGOUT' })))).toEqual([]);
    expect(validate('AdminAuditEventCategoryList', await spark.adminAuditEvents.listCategories())).toEqual([]);
    expect(validate('AuthorizationList', await spark.authorizations.list({ personEmail: 'julie@example.com' }))).toEqual([]);
    await spark.authorizations.deleteByClientId({ clientId: 'C1' });
    await spark.authorizations.delete('au1');
    expect(validate('TokenExpiry', await spark.authorizations.getTokenExpiry())).toEqual([]);
    expect(validate('Guest', await spark.guests.create({ subject: 'guest-1', displayName: 'Guest One' }))).toEqual([]);
    expect(String(await spark.guests.count())).toMatch(/^[0-9]+$/);
    const assignment = { email: 'john.andersen@example.com', licenses: [{ id: 'l1', operation: 'add' as const }] };
    expect(validate('LicenseUsersAssignResult', await spark.licenses.assignUsers(assignment))).toEqual([]);
    await spark.organizations.delete('o1');
  });

  it('called every operation of specs/spark.yaml at least once', () => {
    const templates = Object.entries<any>(spec.paths).flatMap(([path, item]) =>
      ['get', 'put', 'post', 'delete', 'patch'].filter((verb) => item[verb]).map((verb) => ({ call: `${verb.toUpperCase()} ${path}`, pattern: new RegExp(`^${verb.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '[^/]+')}$`) })),
    );
    const uncalled = templates.filter(({ pattern, call }) => !sent.some((s) => pattern.test(s) && !templates.some((t) => t.call !== call && !t.call.includes('{') && t.pattern.test(s))));
    expect(uncalled.map((t) => t.call)).toEqual([]);
    expect(templates).toHaveLength(76);
  });
});
