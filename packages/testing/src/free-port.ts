import { createServer, type AddressInfo } from 'node:net';

/**
 * A TCP port free on `host` right now. Prism cannot listen on port 0 itself, so we bind a server to port 0, read
 * the port the system chose, and close it; someone else may take it before Prism does (see startMockServer's retry).
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
