/**
 * `npm start`'s examples against the mocks (scripts/start.mjs, without its build and docs steps: the tree is built
 * by then), with the spark mock's fixed port held by someone else: the mock moves to a free port and says so, every
 * example still runs and says what a typed error and a second page look like, and the V-Spark export leaves no
 * temporary folder behind. Two runs at once both finish, each on mocks of its own.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listVendors } from '../../scripts/lib/vendors.mjs';
import { root } from '../../scripts/lib/specs.mjs';

const START = [join(root, 'scripts', 'start.mjs'), '--no-build', '--no-docs'];
const sparkPort = listVendors().find((vendor) => vendor.name === 'spark')!.mockPort!;

let squatter: Server | undefined;
beforeAll(async () => {
  squatter = createServer();
  // If another run already holds the port, it is taken all the same: that is the case under test.
  await new Promise<void>((resolve) => {
    squatter!.once('error', () => resolve());
    squatter!.listen(sparkPort, '127.0.0.1', () => resolve());
  });
});
afterAll(() => new Promise<void>((resolve) => (squatter?.listening ? squatter.close(() => resolve()) : resolve())));

const exportFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('vspark-export-')).sort();

it('runs every example, moving a mock off a taken port, and leaves no temporary folder', () => {
  const before = exportFolders();
  const run = spawnSync(process.execPath, START, { cwd: root, encoding: 'utf8', timeout: 240_000 });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  expect(run.stdout).toContain(`(port ${sparkPort} is taken)`);
  expect(run.stdout).toMatch(new RegExp(`== example examples/spark-rooms\\.mjs → http://127\\.0\\.0\\.1:(?!${sparkPort}\\b)\\d+`));
  expect(run.stdout).toContain('npm start: done');
  expect(exportFolders()).toEqual(before);

  // A typed error, with the class, the status and Webex's tracking id (examples/spark-rooms.mjs).
  expect(run.stdout).toMatch(/^rooms\.get\('\w+'\) → NotFoundError 404 "[^"]+" \(tracking id ROUTER_[0-9A-F-]{36}\)$/m);
  // A second page, reached by each vendor's own link: Webex's Link header (an empty last page), VSS's next_url.
  expect(run.stdout).toMatch(/^first page: 1 room; its Link rel="next" leads on$/m);
  expect(run.stdout).toMatch(/^page 2, reached via Link rel="next": 0 more rooms; no next link: the list ends here/m);
  expect(run.stdout).toMatch(/^first page: 1 change request; its next_url leads on$/m);
  expect(run.stdout).toMatch(/^page 2, reached via next_url: 1 more change request; next_url is null: the list ends here$/m);
  // The incident's life against a stateful mock of its own: the components follow the incident, and Statuspage's
  // rate-limit answer (420 with Retry-After) is waited out and retried by the client, the call then succeeding.
  expect(run.stdout).toMatch(/^== example examples\/statuspage-incident-life\.mjs → http:\/\/127\.0\.0\.1:\d+ \(stateful mock\)$/m);
  expect(run.stdout).toMatch(/^components now: Payments API: major_outage, Checkout: degraded_performance, Website: operational/m);
  expect(run.stdout).toMatch(/\(after 420[^)]* and a wait: the client retried\)$/m);
  expect(run.stdout).toMatch(/^components now: Payments API: operational, Checkout: operational, Website: operational/m);
  // The card bot against a stateful Webex: a 429 retried, signed deliveries, the card answered, the thread read back.
  expect(run.stdout).toMatch(/^1\. the bot is Card Bot <cardbot@webex\.bot> \(after 429 and a wait: the client retried\)$/m);
  expect(run.stdout).toMatch(/^4\. received a signed messages\.created from alice@example\.com: "Card Bot can we ship on Friday\?"$/m);
  expect(run.stdout).toMatch(/^7\. received a signed attachmentActions\.created; inputs \{"choice":"yes","comment":"Ship it"\}$/m);
  // Webex refuses to edit a message that carries a card (Edit a Message): the answer is a reply in the thread.
  expect(run.stdout).toMatch(/^8\. answered in the thread: "Shipping release 2\.0 on Friday: \*\*yes\*\*"$/m);
  expect(run.stdout).toMatch(/^9\. the thread now reads: "<@personId:[\w-]+\|Card Bot> can we ship on Friday\?" → "Ship release 2\.0 on Friday\?" → "Shipping release 2\.0 on Friday: \*\*yes\*\*"$/m);
}, 300_000);

/** Runs `npm start --no-build --no-docs` and resolves with its exit code and output (never rejects). */
function startRun(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, START, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), 240_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** The mock URL each run printed per vendor (`spark: http://127.0.0.1:4010`). */
const mockUrls = (output: string) => Object.fromEntries([...output.matchAll(/^(\w+): (http:\/\/127\.0\.0\.1:\d+)/gm)].map(([, vendor, url]) => [vendor, url]));

it('runs twice at once: both finish, on ports of their own', async () => {
  const runs = await Promise.all([startRun(), startRun()]);
  for (const { code, output } of runs) {
    expect(code, output).toBe(0);
    expect(output).toContain('npm start: done');
  }
  const [first, second] = runs.map(({ output }) => mockUrls(output));
  const vendors = listVendors().map((vendor) => vendor.name);
  expect(Object.keys(first!).sort()).toEqual([...vendors].sort());
  for (const vendor of vendors) expect(first![vendor], vendor).not.toBe(second![vendor]);
}, 300_000);
