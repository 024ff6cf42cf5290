// Whether a port can be listened on: `npm run mock` and `npm start` take a vendor's fixed port only when it is.
import { createServer } from 'node:net';

/** Whether nothing listens on `host`:`port` yet (a second checkout's `npm start`, another program). */
export function portIsFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}
