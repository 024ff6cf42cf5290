/**
 * Entry of the mock front inside the Prism process (`node --import front-main.js prism mock …`): the front then
 * lives and dies with Prism, and never runs on the event loop of the process that started the mock (a test that
 * blocks it, with execFileSync say, still gets answers). Its settings come in APICLIENTS_MOCK_FRONT.
 */
import { startMockFront } from './mock-front.js';
import { VENDOR_QUIRKS } from './vendor-quirks.js';

/** What startMockServer tells the front, as JSON in the environment variable APICLIENTS_MOCK_FRONT. */
interface FrontSettings {
  host: string;
  port: number;
  prismPort: number;
  /** The spec's vendor; another name gets no quirks. */
  vendor: string;
}

const raw = process.env.APICLIENTS_MOCK_FRONT;
delete process.env.APICLIENTS_MOCK_FRONT;
if (raw) {
  const settings = JSON.parse(raw) as FrontSettings;
  const vendor = VENDOR_QUIRKS[settings.vendor] ?? { realBases: [], quirks: [] };
  const urlHost = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  startMockFront({ host: settings.host, port: settings.port, target: { host: '127.0.0.1', port: settings.prismPort }, vendor }).then(
    () => console.log(`Mock listening on http://${urlHost}:${settings.port}, in front of Prism`),
    (error: unknown) => {
      console.error(`Mock front could not listen on ${settings.host}:${settings.port}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
