// Every TypeScript example of every package README type-checks with the repository's strict settings and runs,
// as a user would run it, against the package's local fake server: the fake's URL and token reach the example
// through the environment variables the example reads. Each example has a check below that proves what it did.
import { createHmac } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SpanKind } from '@opentelemetry/api';
import { SparkClient as SparkNodeClient } from '@apiclients/spark';
import { startStatefulMock } from '@apiclients/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as spark from '../../packages/spark/test/fake-spark.js';
import * as statuspage from '../../packages/statuspage/test/fake-statuspage.js';
import * as statefulStatuspage from '../../packages/statuspage/test/stateful-statuspage.js';
import * as vspark from '../../packages/vspark/test/fake-vspark.js';
import * as vss from '../../packages/vss/test/fake-vss.js';
import { afterThisTest, cleanUp, startedForThisTest } from '../lib/for-this-test.js';
import { reply } from '../reliability/support/fault-server.js';
import { startHttpsFake } from '../node-transport/support/https-fake.js';
import { startRealProxy } from '../node-transport/support/real-proxy.js';
import { makeTestPki, missingOpenssl } from '../node-transport/support/test-pki.js';
import { examplesOf, root, typeCheck, writeExamples, type ReadmeExample } from './readme-examples.js';
import { recordSpans } from './recording-tracer.js';
import { runExample } from './run-example.js';

const READMES = ['core', 'spark', 'statuspage', 'vss', 'vspark'].map((name) => `packages/${name}/README.md`);
const dir = join(root, 'test/readme/.extracted');
const work = join(dir, 'cwd');

const found = READMES.map((readme) => ({ readme, ...examplesOf(readme) }));
const examples: ReadmeExample[] = found.flatMap((f) => f.examples);
let files = new Map<string, string>();

beforeAll(() => {
  files = writeExamples(dir, examples);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

afterEach(cleanUp);
const fake = startedForThisTest;
const run = (id: string, env: Record<string, string>) => runExample(files.get(id), env, work);

/** The multipart form a recorded request carried. */
async function formOf(request: { headers: Record<string, unknown>; body: Buffer } | undefined): Promise<FormData> {
  const type = String(request?.headers['content-type']);
  return new Response(new Uint8Array(request?.body ?? []), { headers: { 'content-type': type } }).formData();
}

const statuspageEnv = (url: string) => ({
  STATUSPAGE_API_KEY: statuspage.API_KEY,
  STATUSPAGE_PAGE_ID: statuspage.PAGE_ID,
  STATUSPAGE_ORGANIZATION_ID: statuspage.ORG_ID,
  STATUSPAGE_BASE_URL: url,
});

const checks: Record<string, () => Promise<void>> = {
  'core-paging': async () => {
    const server = await fake(spark.startFakeSpark());
    const { logs } = await run('core-paging', { API_TOKEN: spark.TOKEN, API_BASE_URL: server.url });
    expect(logs).toEqual(['Room 1', 'Room 2', 'Room 3', 'Room 4', 'Room 5', 'room1, room2']);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${spark.TOKEN}`)).toBe(true);
  },
  'core-errors': async () => {
    const server = await fake(spark.startFakeSpark());
    const { logs } = await run('core-errors', { API_TOKEN: spark.TOKEN, API_BASE_URL: server.url });
    expect(logs).toEqual(['not found: GET /v1/rooms/gone']);
  },
  'core-node-transport': async () => {
    const noOpenssl = missingOpenssl();
    if (noOpenssl) return console.warn(`core-node-transport not run: ${noOpenssl}`);
    const pki = makeTestPki();
    const api = await fake(startHttpsFake(pki, reply.json({ ok: true })));
    const proxy = await fake(startRealProxy());
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'corporate-ca.pem'), pki.ca);
    const { logs } = await run('core-node-transport', { HTTPS_PROXY: proxy.url, NO_PROXY: '', API_CA_FILE: join(dir, 'corporate-ca.pem'), API_BASE_URL: api.url });
    expect(logs).toEqual(['200 200 200']);
    // Through the proxy, one tunnel per connection opened.
    expect(proxy.connects.length).toBeGreaterThanOrEqual(1);
    expect(proxy.connects.every((target) => target === `localhost:${api.port}`)).toBe(true);
    expect(api.requests.map((r) => r.path).sort()).toEqual(['/items/a', '/items/b', '/items/c']);
  },
  'core-middleware': async () => {
    const server = await fake(spark.startFakeSpark());
    server.script.push(spark.answer(503, '{}', { 'content-type': 'application/json' }));
    const { logs } = await run('core-middleware', { API_TOKEN: spark.TOKEN, API_BASE_URL: server.url });
    // `traced`, registered first, runs outermost: it also sees the answer `health` gives without a request.
    expect(logs).toEqual(['attempt 1: 503', 'attempt 2 after 503: 200', '200', 'attempt 1: 200', '{"ok":true}']);
    expect(server.requests.map((r) => [r.url, r.headers['x-request-source'], r.headers.authorization])).toEqual([
      ['/v1/rooms', 'nightly-report', `Bearer ${spark.TOKEN}`],
      ['/v1/rooms', 'nightly-report', `Bearer ${spark.TOKEN}`],
    ]);
  },
  'core-opentelemetry': async () => {
    const server = await fake(spark.startFakeSpark());
    const spans = recordSpans();
    const { logs } = await run('core-opentelemetry', { API_TOKEN: spark.TOKEN, API_BASE_URL: server.url });
    expect(logs).toEqual(['200']);
    const { hostname, port } = new URL(server.url);
    expect(spans).toEqual([
      {
        name: 'GET',
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': 'GET',
          'url.full': `${server.url}/rooms`,
          'server.address': hostname,
          'server.port': Number(port),
          'http.response.status_code': 200,
        },
        status: undefined,
        ended: true,
      },
    ]);
    expect(server.requests[0]?.headers.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-0000000000000001-01');
    expect(JSON.stringify(spans)).not.toContain(spark.TOKEN);
  },
  'spark-quickstart': async () => {
    const server = await fake(spark.startFakeSpark());
    const { logs } = await run('spark-quickstart', { WEBEX_ACCESS_TOKEN: spark.TOKEN, WEBEX_BASE_URL: server.url });
    expect(logs).toEqual(['Room 1', 'Room 2', 'Room 3', 'Room 4', 'Room 5', 'sent m-new']);
    const upload = (await formOf(server.requests.at(-1))).get('files') as File;
    expect([upload.name, upload.type, await upload.text()]).toEqual(['report.pdf', 'application/pdf', '%PDF-1.4 weekly report\n']);
  },
  'spark-observe': async () => {
    const server = await fake(spark.startFakeSpark());
    const { logs } = await run('spark-observe', { WEBEX_ACCESS_TOKEN: spark.TOKEN, WEBEX_BASE_URL: server.url });
    expect(logs).toEqual([
      'messages_create attempt 1: 200',
      'message1: 200, tracking id ROUTER_FAKE',
      'rooms_list attempt 1: 200',
      'page 1: 2 rooms, tracking id ROUTER_FAKE',
      'rooms_list attempt 1: 200',
      'page 2: 0 rooms, tracking id ROUTER_FAKE',
      'rooms_list attempt 1: 200',
      'page 3: 2 rooms, tracking id ROUTER_FAKE',
      'rooms_list attempt 1: 200',
      'page 4: 1 rooms, tracking id ROUTER_FAKE',
    ]);
  },
  'spark-errors': async () => {
    const server = await fake(spark.startFakeSpark());
    const { logs } = await run('spark-errors', { WEBEX_ACCESS_TOKEN: spark.TOKEN, WEBEX_BASE_URL: server.url });
    expect(logs).toEqual(['Webex said 404: not found (tracking id ROUTER_404)']);
  },
  'spark-webhook': async () => {
    const secret = 'webhook-secret-3e1f';
    const { module, logs } = await run('spark-webhook', { WEBEX_WEBHOOK_SECRET: secret });
    const handleWebhook = module.handleWebhook as (request: Request) => Promise<Response>;
    const body = JSON.stringify({ resource: 'messages', event: 'created', data: { id: 'm1' } });
    const delivery = (signature: string) => new Request('http://127.0.0.1/hook', { method: 'POST', body, headers: { 'x-spark-signature': signature } });
    expect((await handleWebhook(delivery(createHmac('sha1', secret).update(body).digest('hex')))).status).toBe(204);
    expect((await handleWebhook(delivery(createHmac('sha1', 'another').update(body).digest('hex')))).status).toBe(401);
    expect(logs).toEqual(['messages created: m1']);
  },
  'spark-cards': async () => {
    const server = await fake(spark.startFakeSpark());
    const { logs } = await run('spark-cards', { WEBEX_ACCESS_TOKEN: spark.TOKEN, WEBEX_BASE_URL: server.url });
    expect(logs).toEqual(['Release 2.0 is ready: shipping on **Friday**.', 'Ship it on Friday?']);
    const sent = server.requests.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body.toString()));
    expect(sent[1].attachments[0].content.actions).toEqual([{ type: 'Action.Submit', title: 'Answer' }]);
    const question = [...server.messages.values()].find((m) => m.text === 'Release 2.0 is ready.');
    expect(sent[1].parentId).toBe(question?.id);
    // The edit is of the question, a message of text: Webex refuses to edit one with a card.
    expect(server.requests.filter((r) => r.method === 'PUT').map((r) => r.url)).toEqual([`/v1/messages/${question?.id}`]);
  },
  'spark-receiver': async () => {
    const secret = 'receiver-secret-8d2a';
    const server = await fake(spark.startFakeSpark());
    // The card was sent as a reply (reply2): the thanks go in its thread, under the thread's first message.
    server.actions.set('action1', { id: 'action1', type: 'submit', messageId: 'reply2', roomId: 'room1', inputs: { choice: 'yes' }, personId: 'person2' });
    const { module, logs } = await run('spark-receiver', { WEBEX_ACCESS_TOKEN: spark.TOKEN, WEBEX_BASE_URL: server.url, WEBEX_WEBHOOK_SECRET: secret, PORT: '0' });
    const listening = module.server as import('node:http').Server;
    afterThisTest(() => new Promise((resolve) => listening.close(resolve)));
    await new Promise((resolve) => (listening.listening ? resolve(undefined) : listening.once('listening', resolve)));
    expect(server.webhooks).toMatchObject([{ name: 'release bot', resource: 'attachmentActions', event: 'created', secret }]);
    const url = `http://127.0.0.1:${(listening.address() as import('node:net').AddressInfo).port}/webex`;
    const body = JSON.stringify({ resource: 'attachmentActions', event: 'created', actorId: 'person2', data: { id: 'action1' } });
    const signed = await fetch(url, { method: 'POST', body, headers: { 'x-spark-signature': createHmac('sha1', secret).update(body).digest('hex') } });
    expect(signed.status).toBe(200);
    expect(logs).toEqual(['person2 answered {"choice":"yes"}']);
    expect([...server.messages.values()].at(-1)).toMatchObject({ roomId: 'room1', parentId: 'parent1', text: 'Thanks!' });
    expect((await fetch(url, { method: 'POST', body })).status).toBe(401);
  },
  'spark-echo-bot': async () => {
    // The stateful Webex mock: the bot's own answer is delivered to it too, as Webex does.
    const mock = await startStatefulMock('spark', {
      seed: {
        me: { email: 'echo@webex.bot', displayName: 'Echo Bot', type: 'bot' },
        people: [{ email: 'alice@example.com', displayName: 'Alice', accessToken: 'alice-token' }],
        rooms: [{ title: 'Ops', members: ['alice@example.com'] }],
      },
    });
    afterThisTest(() => mock.stop());
    const secret = 'echo-bot-secret-41c7';
    const { module } = await run('spark-echo-bot', { WEBEX_ACCESS_TOKEN: 'echo-bot-token', WEBEX_BASE_URL: mock.url, WEBEX_WEBHOOK_SECRET: secret, PORT: '0' });
    const listening = module.server as import('node:http').Server;
    afterThisTest(() => new Promise((resolve) => listening.close(resolve)));
    await new Promise((resolve) => (listening.listening ? resolve(undefined) : listening.once('listening', resolve)));
    const targetUrl = `http://127.0.0.1:${(listening.address() as import('node:net').AddressInfo).port}/webex`;
    const bot = new SparkNodeClient({ accessToken: 'echo-bot-token', baseUrl: mock.url });
    const alice = new SparkNodeClient({ accessToken: 'alice-token', baseUrl: mock.url });
    await bot.webhooks.create({ name: 'echo', targetUrl, resource: 'messages', event: 'created', secret });
    const [room] = await alice.rooms.list().toArray();
    const question = await alice.messages.create({ roomId: room!.id!, markdown: '<@personEmail:echo@webex.bot|Echo Bot> deploy now' });
    await mock.settled();
    // One answer, in the question's thread; the bot's answer, delivered to it, was not answered.
    const messages = await alice.messages.list({ roomId: room!.id! }).toArray();
    expect(messages.map((m) => [m.text, m.parentId])).toEqual([['running: deploy now', question.id], ['Echo Bot deploy now', undefined]]);
  },
  'statuspage-quickstart': async () => {
    const server = await fake(statuspage.startFakeStatuspage());
    const { logs } = await run('statuspage-quickstart', statuspageEnv(server.url));
    expect(logs).toEqual([
      'Component 1: operational',
      'Component 2: operational',
      'Component 3: operational',
      'Component 1 is now major_outage',
      'scheduled: Database upgrade (scheduled)',
    ]);
    expect(server.requests[1]?.body).toEqual({ component: { status: 'major_outage' } });
  },
  'statuspage-incident-life': async () => {
    const server = await fake(statefulStatuspage.startStatefulStatuspage({ components: ['Payments API', 'Checkout', 'Website'] }));
    const env = { STATUSPAGE_API_KEY: statefulStatuspage.API_KEY, STATUSPAGE_PAGE_ID: statefulStatuspage.PAGE_ID, STATUSPAGE_BASE_URL: server.url };
    const { logs } = await run('statuspage-incident-life', env);
    expect(logs).toEqual([
      'opened: Card payments failing (investigating)',
      'updated: monitoring',
      'resolved: resolved',
      'unknown: Chekout; close: Checkout',
      'Payments API: operational',
      'Checkout: operational',
      'Website: under_maintenance',
    ]);
    expect(server.incidents[0]?.incident_updates.map((u) => u.status)).toEqual(['resolved', 'monitoring', 'investigating']);
  },
  'statuspage-scaled-out': async () => {
    const server = await fake(statuspage.startFakeStatuspage());
    const started = performance.now();
    const { logs } = await run('statuspage-scaled-out', statuspageEnv(server.url));
    expect(logs).toEqual(['3 components updated, none refused']);
    expect(server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(3);
    // Paced by the spec's budget: a turn every 1.017 s.
    expect(performance.now() - started).toBeGreaterThanOrEqual(2 * 1_017);
  },
  'statuspage-with-response': async () => {
    const server = await fake(statuspage.startFakeStatuspage());
    const { logs } = await run('statuspage-with-response', statuspageEnv(server.url));
    expect(logs).toEqual(['200: Component 1 is under_maintenance']);
  },
  'statuspage-errors': async () => {
    const server = await fake(statuspage.startFakeStatuspage());
    const { logs } = await run('statuspage-errors', statuspageEnv(server.url));
    expect(logs).toEqual(["invalid: name can't be blank"]);
  },
  'vss-quickstart': async () => {
    const server = await fake(vss.startFakeVss());
    const { logs } = await run('vss-quickstart', { VSS_API_TOKEN: vss.TOKEN, VSS_BASE_URL: `${server.url}/v2` });
    expect(logs).toEqual([1, 2, 3, 4, 5].map((id) => `${id} vm-${id}`));
    expect(Object.fromEntries(server.queries[0] ?? [])).toMatchObject({
      expand: '1',
      filter: 'status,eq,ERROR;created_on,gt,2016-07-10',
      sort: 'created_on,desc',
      per_page: '100',
    });
  },
  'vss-wait-for': async () => {
    const server = await fake(vss.startFakeVss({ progress: { 42: ['PENDING', 'IN_PROGRESS', 'PROCESSED'], 43: ['PENDING', 'PROCESSED'], 44: ['ERROR'], 45: ['PENDING'] } }));
    const { logs } = await run('vss-wait-for', { VSS_API_TOKEN: vss.TOKEN, VSS_BASE_URL: `${server.url}/v2` });
    expect(logs).toEqual(['42: PROCESSED', '43: PROCESSED, 44: ERROR', '45 is still PENDING after 1000 ms']);
    expect([server.polls.get(42), server.polls.get(43), server.polls.get(44)]).toEqual([3, 2, 1]);
  },
  'vss-login': async () => {
    const server = await fake(vss.startFakeVss());
    const { logs } = await run('vss-login', { VSS_USERNAME: vss.USER.username, VSS_PASSWORD: vss.USER.password, VSS_BASE_URL: `${server.url}/v2` });
    expect(logs[0]).toBe(`42: vm-42 is ${vss.changeRequest(42).status}`);
    expect(logs[1]).toMatch(/^no such request: .*Request 99999 not found/);
    expect(logs).toHaveLength(2);
  },
  'vspark-quickstart': async () => {
    const server = await fake(vspark.startFakeVSpark());
    const { logs } = await run('vspark-quickstart', { VSPARK_HOST: server.host, VSPARK_TOKEN: vspark.ROOT_TOKEN });
    const folders = Object.entries(vspark.TREE).flatMap(([co, orgs]) => Object.entries(orgs).flatMap(([org, fs]) => fs.map((f) => `${co} / ${org} / ${f}`)));
    expect(logs).toEqual(['Acme, Beta', ...folders, 'Inbound is active']);
  },
  'vspark-export': async () => {
    const server = await fake(vspark.startFakeVSpark());
    const { logs } = await run('vspark-export', { VSPARK_HOST: server.host, VSPARK_TOKEN: vspark.ROOT_TOKEN });
    expect(logs[0]).toBe('4 of 5 folders exported');
    expect(logs[1]).toMatch(/^failed: Beta\/Beta-Ops\/Broken: /);
    expect(logs).toHaveLength(2);
    expect(readdirSync(join(work, 'status')).sort()).toHaveLength(4);
    expect(readFileSync(join(work, 'status/Acme-Acme-Sales-Inbound-status.csv'), 'utf8')).toBe(vspark.csvFor('Inbound'));
    expect(server.tokensUsed.get('/status/Beta/Beta-Ops/Calls')).toBe(vspark.COMPANY_TOKENS.Beta);
  },
};

describe('package README examples', () => {
  it('every ```ts block of a README is a marked example, each with a check', () => {
    expect(found.flatMap((f) => f.unmarked)).toEqual([]);
    expect(found.filter((f) => f.examples.length === 0).map((f) => f.readme)).toEqual([]);
    expect(examples.map((e) => e.id).sort()).toEqual(Object.keys(checks).sort());
  });

  it('type-check with the repository strict tsconfig', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.ts'))).toHaveLength(examples.length);
    expect(typeCheck(dir)).toBe('');
  });

  it.each(examples.map((e) => [e.id, e.where] as const))('%s (%s) runs', async (id) => {
    const check = checks[id];
    if (!check) throw new Error(`no check for the README example ${id}`);
    await check();
  });
});
