/**
 * The stateful mock's request log (`server.requests`, `GET /__mock/requests`) shows a body's secret-named fields as
 * the clients' debug log does: `[REDACTED]`, as it shows credential headers and `?token=`.
 */
import { SparkClient } from '@apiclients/spark';
import { afterEach, describe, expect, it } from 'vitest';
import { startStatefulMock } from '../src/stateful/start-stateful-mock.js';
import type { StatefulMockServer } from '../src/stateful/stateful-server.js';

const WEBHOOK_SECRET = 'whsec-0123456789';
const CLIENT_SECRET = 'cs-abcdefghijkl';
const REFRESH_TOKEN = 'rt-mnopqrstuvwx';
const PASSWORD = 'pw-yz0123456789';

let server: StatefulMockServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const overHttp = async (mock: StatefulMockServer) => (await (await fetch(`${mock.url}/__mock/requests`)).json()) as { body: unknown }[];

describe('the request log', () => {
  it("redacts a JSON body's secret fields (a Webex webhook's secret), keeping the others", async () => {
    server = await startStatefulMock('spark', { seed: { me: { email: 'bot@webex.bot', type: 'bot' } } });
    const bot = new SparkClient({ accessToken: 'bot-token', baseUrl: server.url, maxRetries: 0 });
    await bot.webhooks.create({ name: 'hook', targetUrl: 'http://127.0.0.1:9/hook', resource: 'messages', event: 'created', secret: WEBHOOK_SECRET });
    const expected = { name: 'hook', targetUrl: 'http://127.0.0.1:9/hook', resource: 'messages', event: 'created', secret: '[REDACTED]' };
    expect(server.requests.at(-1)?.body).toEqual(expected);
    expect((await overHttp(server)).at(-1)?.body).toEqual(expected);
    // The mock itself kept the secret: it signs its deliveries with it.
    expect(JSON.stringify(server.state())).toContain(WEBHOOK_SECRET);
  });

  it("redacts a form's and a nested object's secret fields (client_secret, refresh_token, password)", async () => {
    server = await startStatefulMock('spark', {});
    const form = new URLSearchParams({ grant_type: 'refresh_token', client_id: 'app', client_secret: CLIENT_SECRET, refresh_token: REFRESH_TOKEN });
    await fetch(`${server.url}/v1/access_token`, { method: 'POST', body: form });
    await fetch(`${server.url}/v1/anything`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: { name: 'ada', password: PASSWORD } }) });
    const expected = [
      { grant_type: 'refresh_token', client_id: 'app', client_secret: '[REDACTED]', refresh_token: '[REDACTED]' },
      { user: { name: 'ada', password: '[REDACTED]' } },
    ];
    expect(server.requests.map((r) => r.body)).toEqual(expected);
    const logged = await overHttp(server);
    expect(logged.map((r) => r.body)).toEqual(expected);
    for (const secret of [CLIENT_SECRET, REFRESH_TOKEN, PASSWORD]) expect(JSON.stringify([server.requests, logged])).not.toContain(secret);
  });
});
