// A forward proxy in its own process (the `proxy` npm package, as the tests use), so that its work does not run on
// the benchmark's thread. Run directly it listens on 127.0.0.1 and prints its port; `startProxyServer()` spawns it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createProxy } from 'proxy';

/** Spawns the proxy process; resolves to its URL and a `close()`. */
export async function startProxyServer() {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(child.stdout, 'data');
  return {
    url: `http://127.0.0.1:${Number(String(line).trim())}`,
    close: async () => {
      child.kill();
      await once(child, 'exit');
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = createProxy(createServer());
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
}
