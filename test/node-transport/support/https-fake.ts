/**
 * A local HTTPS fake of a vendor API on 127.0.0.1: answers every request with one reply, and records what came.
 * With `requireClientCert` it asks for a client certificate and refuses connections without one the CA signed.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Reply } from '../../reliability/support/fault-server.js';
import type { TestPki } from './test-pki.js';

/** A running HTTPS fake. */
export interface HttpsFake {
  /** `https://localhost:<port>`. */
  url: string;
  port: number;
  /** Requests answered (method, path, and the client certificate's subject CN when one was presented). */
  requests: { method: string; path: string; clientCn: string | undefined }[];
  /** TLS handshakes that failed (no client certificate, an unknown CA). */
  tlsErrors: number;
  close(): Promise<void>;
}

/** Starts the fake; `reply` answers every request. */
export async function startHttpsFake(pki: TestPki, reply: Reply, options: { requireClientCert?: boolean } = {}): Promise<HttpsFake> {
  const requests: HttpsFake['requests'] = [];
  const server: Server = createServer(
    { cert: pki.serverCert, key: pki.serverKey, ca: pki.ca, requestCert: options.requireClientCert ?? false, rejectUnauthorized: options.requireClientCert ?? false },
    (request, response) => {
      const socket = request.socket as import('node:tls').TLSSocket;
      const subject = socket.getPeerCertificate?.()?.subject as { CN?: string } | undefined;
      requests.push({ method: request.method ?? 'GET', path: request.url ?? '', clientCn: subject?.CN });
      request.resume();
      reply(response, { index: requests.length - 1, method: request.method ?? 'GET', url: request.url ?? '', headers: request.headers, body: Buffer.alloc(0) });
    },
  );
  const fake = { requests, tlsErrors: 0 } as HttpsFake;
  server.on('tlsClientError', () => fake.tlsErrors++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `https://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
