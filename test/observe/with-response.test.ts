/**
 * `withResponse()` on every bound call: the data with the response's status, headers and URL and the vendor's
 * request id, for a get, a create, an error (the same typed rejection) and each page of a list; against the local
 * fakes (which send request ids) and against Prism serving the specs.
 */
import { afterEach, describe, expect, expectTypeOf, inject, it } from 'vitest';
import { NotFoundError, type APIPromise, type WithResponse } from '@apiclients/core';
import { SparkApiError, SparkClient, type Room } from '@apiclients/spark';
import { StatuspageClient } from '@apiclients/statuspage';
import { VssClient } from '@apiclients/vss';
import { VSparkClient } from '@apiclients/vspark';
import * as fakeSpark from '../../packages/spark/test/fake-spark.js';
import * as fakeVss from '../../packages/vss/test/fake-vss.js';
import * as fakeVSpark from '../../packages/vspark/test/fake-vspark.js';
import { cleanUp, startedForThisTest } from '../lib/for-this-test.js';

afterEach(cleanUp);
const prism = () => inject('prism') as Record<string, string>;

describe('against the fakes', () => {
  it('Spark: a get and a create carry Webex\'s TrackingID; an error rejects with the typed error', async () => {
    const server = await startedForThisTest(fakeSpark.startFakeSpark());
    const spark = new SparkClient({ accessToken: fakeSpark.TOKEN, baseUrl: server.url });
    const created = spark.messages.create({ roomId: 'r1', text: 'hello' });
    expectTypeOf(created).toMatchTypeOf<APIPromise<{ id?: string }>>();
    const { data, response, requestId } = await created.withResponse();
    expect(data.id).toBe('message1');
    expect([response.status, response.headers.get('content-type'), response.url]).toEqual([200, 'application/json;charset=UTF-8', `${server.url}/messages`]);
    expect(requestId).toBe('ROUTER_FAKE');
    // The same call, awaited, is the data alone; one request each.
    expect((await spark.messages.create({ roomId: 'r1', text: 'again' })).id).toBe('message2');
    expect(server.requests).toHaveLength(2);
    const error = await spark.rooms.get('gone').withResponse().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkApiError);
    expect((error as SparkApiError).trackingId).toBe('ROUTER_404');
  });

  it('Spark: every page of a list carries its response and request id', async () => {
    const server = await startedForThisTest(fakeSpark.startFakeSpark());
    const spark = new SparkClient({ accessToken: fakeSpark.TOKEN, baseUrl: server.url });
    const pages = [];
    for await (const page of spark.rooms.list({ max: 2 }).pages()) pages.push(page);
    expect(pages.map((p) => [p.number, p.items.length, p.response.status, p.requestId])).toEqual([
      [1, 2, 200, 'ROUTER_FAKE'],
      [2, 0, 200, 'ROUTER_FAKE'],
      [3, 2, 200, 'ROUTER_FAKE'],
      [4, 1, 200, 'ROUTER_FAKE'],
    ]);
    expectTypeOf(pages[0]!.items).toEqualTypeOf<Room[]>();
  });

  it("VSS: the client's own get keeps the response of the call beneath it", async () => {
    const server = await startedForThisTest(fakeVss.startFakeVss({ total: 5 }));
    const vss = new VssClient({ token: fakeVss.TOKEN, baseUrl: `${server.url}/v2` });
    const { data, response, requestId } = await vss.requests.get('change', 3).withResponse();
    expect(data.id).toBe(3);
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${server.url}/v2/request/change/3`);
    expect(requestId).toBeUndefined();
    await expect(vss.requests.get('change', 99).withResponse()).rejects.toBeInstanceOf(NotFoundError);
  });

  it("V-Spark: the response's URL never carries the query token", async () => {
    const server = await startedForThisTest(fakeVSpark.startFakeVSpark());
    const vspark = new VSparkClient({ baseUrl: server.url, token: fakeVSpark.ROOT_TOKEN });
    const { data, response } = await vspark.config.companies().withResponse();
    expect(Object.keys(data).length).toBeGreaterThan(0);
    // The URL as the caller asked for it: the transport adds the token, and leaves it out of what it hands back.
    expect(response.url).toBe(`${server.url}/config`);
    expect(JSON.stringify(response.url)).not.toContain(fakeVSpark.ROOT_TOKEN);
  });
});

describe('against Prism', () => {
  const sp = () => new StatuspageClient({ baseUrl: prism().statuspage, apiKey: 'contract-test-key', pageId: 'kctbh9vrtdwd', organizationId: 'org1' });

  it('Statuspage: a get, a create, an error and a list', async () => {
    const client = sp();
    const got: WithResponse<{ id?: string }> = await client.components.get('c1').withResponse();
    expect([got.response.status, typeof got.data.id]).toEqual([200, 'string']);
    expect(got.response.url).toBe(`${prism().statuspage}/pages/kctbh9vrtdwd/components/c1`);
    const created = await client.components.create({ name: 'API', status: 'operational' }).withResponse();
    expect(created.response.status).toBeGreaterThanOrEqual(200);
    expect(created.response.status).toBeLessThan(300);
    expect(created.data).toHaveProperty('id');
    await expect(client.components.get('c1', { headers: { prefer: 'code=404' } }).withResponse()).rejects.toMatchObject({ status: 404 });
    for await (const page of client.components.list().take(1).pages()) {
      expect(page.response.status).toBe(200);
      expect(page).toHaveProperty('requestId');
    }
  });

  it('Spark: a get through Prism, the data as awaited', async () => {
    const spark = new SparkClient({ accessToken: 'contract-test-token', baseUrl: prism().spark });
    const call = spark.rooms.get('r1');
    const { data, response } = await call.withResponse();
    expect(response.status).toBe(200);
    expect(await call).toEqual(data);
  });
});
