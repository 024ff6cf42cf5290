/** startStatefulMock: a mock of one vendor's API that keeps what it is sent, for testing whole flows. */
import { mockSpecPath, type MockVendor } from '../mock-vendors.js';
import { profileOf, type StatefulMockOptions } from './profiles/index.js';
import { startStatefulServer, type StatefulMockServer } from './stateful-server.js';

/**
 * Starts a stateful mock of `vendor`'s API on 127.0.0.1, in this process: records created are found, listed,
 * updated and deleted afterwards, requests are checked against the spec and refused in the vendor's error shape,
 * and the vendor's own behaviour (Webex webhooks, Statuspage component statuses and rate limit, VSS request
 * progress, V-Spark's hierarchy and CSV) happens as it would. See the testing kit's README.
 *
 * @example
 * const server = await startStatefulMock('statuspage', { seed: { components: ['API', 'Web'] } });
 * const statuspage = new StatuspageClient({ apiKey: 'test', pageId: STATUSPAGE_MOCK_PAGE_ID, baseUrl: server.url });
 *
 * @throws {ConfigurationError} For an unknown vendor or invalid options.
 */
export async function startStatefulMock<V extends MockVendor>(vendor: V, options: StatefulMockOptions[V] = {} as StatefulMockOptions[V]): Promise<StatefulMockServer> {
  const profile = profileOf(vendor, options);
  return startStatefulServer(mockSpecPath(vendor), profile, options);
}
