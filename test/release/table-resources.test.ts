/**
 * Every resource and method of each spec is on its vendor's client without a hand-written list: the clients take
 * the operation table's resources as they are, and replace only those they override (by name, with the same
 * methods or their vendor's own). A new operation in a spec shows up here after `npm run generate`.
 */
import { describe, expect, it } from 'vitest';
import { SparkClient } from '@apiclients/spark';
import { StatuspageClient } from '@apiclients/statuspage';
import { VSparkClient } from '@apiclients/vspark';
import { VssClient } from '@apiclients/vss';

const clients: Record<string, () => object> = {
  spark: () => new SparkClient({ accessToken: 'test-token-0001', baseUrl: 'http://127.0.0.1:9' }),
  statuspage: () => new StatuspageClient({ apiKey: 'test-key-0001', pageId: 'page1', organizationId: 'org1', baseUrl: 'http://127.0.0.1:9' }),
  vss: () => new VssClient({ token: 'test-token-0001', baseUrl: 'http://127.0.0.1:9' }),
  vspark: () => new VSparkClient({ token: 'test-token-0001', baseUrl: 'http://127.0.0.1:9' }),
};

// What a client offers in place of an operation, and why (each one tested in its own package).
const REPLACED: Record<string, (client: object) => unknown> = {
  // POST /access_token is ciscosparkapi's two calls: accessTokens.get (a code) and refresh (a refresh token).
  'spark accessTokens.create': (client) => (client as SparkClient).accessTokens.refresh,
  // The token request takes Basic credentials, not the client's token: VssClient.login.
  'vss auth.requestToken': () => VssClient.login,
};

describe.each(Object.keys(clients))('%s', (vendor) => {
  it('has every resource and method of its operation table', async () => {
    const { operationTable } = (await import(`../../generated/${vendor}/operations.ts`)) as { operationTable: Record<string, { resource: string; method: string }> };
    const client = clients[vendor]!() as Record<string, Record<string, unknown> | undefined>;
    const missing = Object.values(operationTable)
      .map(({ resource, method }) => `${resource}.${method}`)
      .filter((name) => {
        const replaced = REPLACED[`${vendor} ${name}`];
        if (replaced) return typeof replaced(client) !== 'function';
        const [resource, method] = name.split('.') as [string, string];
        return typeof client[resource]?.[method] !== 'function';
      });
    expect(missing).toEqual([]);
    await (client as unknown as { close(): Promise<void> }).close();
  });
});
