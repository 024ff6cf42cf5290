/** A request's or response's whole body, for the mock front and the stateful mock. */
import type { IncomingMessage } from 'node:http';

/** Reads `stream` to its end into one buffer. */
export async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
