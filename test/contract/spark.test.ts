/**
 * Every Spark resource method against Prism serving specs/spark.yaml. Prism refuses a request the spec does not
 * allow (a missing required field, a bad enum, no bearer token), so a pass proves the client sends what the spec
 * describes; results are checked against the spec's schemas.
 */
import { describe, expect, inject, it } from 'vitest';
import { SparkClient } from '@apiclients/spark';
import { specValidator } from '../lib/spec-validator.js';

const baseUrl = inject('prism').spark as string;
const spark = new SparkClient({ baseUrl, accessToken: 'contract-test-token' });
const { validate } = specValidator('spark');
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
});
