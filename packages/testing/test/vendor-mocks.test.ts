/**
 * Each vendor's mock answers the real client of that vendor (a workspace package) and plain fetch; a `Prefer`
 * header forces a status per request, and the client turns it into its typed error; stop() ends Prism.
 */
import { RateLimitError as CoreRateLimitError } from '@apiclients/core';
import { SparkClient, SparkRateLimitError } from '@apiclients/spark';
import { RateLimitError as StatuspageRateLimitError, StatuspageClient } from '@apiclients/statuspage';
import { AuthenticationError, NotFoundError, VSparkClient } from '@apiclients/vspark';
import { RateLimitError as VssRateLimitError, VssClient } from '@apiclients/vss';
import { expect, it } from 'vitest';
import { preferHeaders } from '../src/index.js';
import { statusOf, withMock } from './with-mock.js';

const rateLimited = { headers: preferHeaders({ code: 429 }) };
const failureOf = (call: Promise<unknown>) => call.then(() => undefined, (error: unknown) => error);

it('spark: SparkClient and fetch get answers, Prefer code=429 becomes SparkRateLimitError', () =>
  withMock('spark', async ({ url, port }) => {
    expect(url).toBe(`http://127.0.0.1:${port}`);
    const spark = new SparkClient({ accessToken: 'test-token', baseUrl: url, maxRetries: 0 });
    expect((await spark.people.me()).displayName).toBeTypeOf('string');
    const error = await failureOf(spark.rooms.get('r1', rateLimited));
    expect(error).toBeInstanceOf(SparkRateLimitError);
    expect(error).toBeInstanceOf(CoreRateLimitError);
    expect(error).toMatchObject({ status: 429 });

    const auth = { authorization: 'Bearer test-token' };
    expect(await statusOf(`${url}/people/me`, auth)).toBe(200);
    expect(await statusOf(`${url}/people/me`, auth, 'code=429')).toBe(429);
  }));

it('statuspage: StatuspageClient and fetch get answers, Prefer code=429 becomes its RateLimitError', () =>
  withMock('statuspage', async ({ url }) => {
    const statuspage = new StatuspageClient({ apiKey: 'test-key', pageId: 'kctbh9vrtdwd', organizationId: 'org1', baseUrl: url, maxRetries: 0 });
    expect((await statuspage.page.get()).id).toBeTypeOf('string');
    const error = await failureOf(statuspage.components.get('c1', rateLimited));
    expect(error).toBeInstanceOf(StatuspageRateLimitError);
    expect(error).toBeInstanceOf(CoreRateLimitError);

    const auth = { authorization: 'OAuth test-key' };
    expect(await statusOf(`${url}/pages/kctbh9vrtdwd`, auth)).toBe(200);
    expect(await statusOf(`${url}/pages/kctbh9vrtdwd`, auth, 'code=429')).toBe(429);
  }));

it('vss: VssClient and fetch get answers, Prefer code=429 (client-wide headers) becomes RateLimitError', () =>
  withMock('vss', async ({ url }) => {
    const vss = new VssClient({ token: 'test-token', baseUrl: url, maxRetries: 0 });
    expect(await vss.requests.summary()).toBeTypeOf('object');
    // requests.summary() takes no per-call headers; the client-wide `headers` option sends Prefer on every call.
    const limited = new VssClient({ token: 'test-token', baseUrl: url, maxRetries: 0, headers: preferHeaders({ code: 429 }) });
    const error = await failureOf(limited.requests.summary());
    expect(error).toBeInstanceOf(VssRateLimitError);
    expect(error).toMatchObject({ status: 429 });

    const auth = { authorization: 'Bearer test-token' };
    expect(await statusOf(`${url}/request`, auth)).toBe(200);
    expect(await statusOf(`${url}/request`, auth, 'code=429')).toBe(429);
  }));

it('vspark: VSparkClient and fetch get answers; its spec has no 429, so a forced 401 is what it shows', () =>
  withMock('vspark', async ({ url }) => {
    const vspark = new VSparkClient({ token: 'test-token', baseUrl: url, maxRetries: 0 });
    expect(Object.keys(await vspark.config.companies())).not.toHaveLength(0);
    // V-Spark documents no rate limit, so specs/vspark.yaml defines no 429; 401 is a status it does define.
    expect(await failureOf(vspark.config.companies({ headers: preferHeaders({ code: 401 }) }))).toBeInstanceOf(AuthenticationError);

    expect(await statusOf(`${url}/config?token=test-token`, {})).toBe(200);
    // A status the spec does not define: Prism answers 404 and says why, which the client reports as NotFoundError.
    const undefinedStatus = await fetch(`${url}/config?token=test-token`, { headers: { Prefer: 'code=429' } });
    expect(undefinedStatus.status).toBe(404);
    expect(await undefinedStatus.json()).toMatchObject({ detail: 'Requested status code 429 is not defined in the document.' });
    expect(await failureOf(vspark.config.companies(rateLimited))).toBeInstanceOf(NotFoundError);
  }));
