#!/usr/bin/env node
// npm run mock: a Prism mock server for every vendor (scripts/lib/vendors.mjs), each on the fixed port its spec
// names in x-apiclients-mock-port (spark 4010, statuspage 4011, vss 4012, vspark 4013; a vendor without one gets
// the first free port from 4014). Ctrl-C (SIGINT) or SIGTERM stops them all and exits 0. `--verbose` also prints
// what Prism logs, request by request.
import { portIsFree } from './lib/port-is-free.mjs';
import { startPrism } from './lib/prism.mjs';
import { listVendors } from './lib/vendors.mjs';

const HOST = '127.0.0.1';
const FIRST_SPARE_PORT = 4014;
const verbose = process.argv.includes('--verbose');

/** The port of each vendor: its fixed one, or the first free port from 4014 that no other vendor claims. */
async function assignPorts(vendors) {
  const claimed = new Set(vendors.map((vendor) => vendor.mockPort));
  let candidate = FIRST_SPARE_PORT;
  const assigned = [];
  for (const vendor of vendors) {
    let port = vendor.mockPort;
    if (port === undefined) {
      while (claimed.has(candidate) || !(await portIsFree(candidate, HOST))) candidate++;
      port = candidate;
      claimed.add(port);
    }
    assigned.push({ vendor: vendor.name, file: vendor.spec, port });
  }
  return assigned;
}

const mocks = [];
let stopping;
/** Stops every mock started so far, once, then exits with `code`. */
function stopAll(code) {
  stopping ??= Promise.all(mocks.map((mock) => mock.stop())).then(() => process.exit(code));
  return stopping;
}
// A signal during start-up stops what has started; a second signal changes nothing, stop() is bounded (3 s, then SIGKILL).
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const specs = await assignPorts(listVendors());
const started = await Promise.allSettled(
  specs.map(async ({ vendor, file, port }) => {
    const log = verbose ? (line) => console.log(`[${vendor}] ${line}`) : undefined;
    const mock = await startPrism({ spec: file, port, host: HOST, log });
    mocks.push(mock);
    return { vendor, mock };
  }),
);

const failures = started.filter((result) => result.status === 'rejected');
if (failures.length) {
  for (const { reason } of failures) console.error(reason.message);
  await stopAll(1);
}
if (!stopping) {
  for (const { value } of started) console.log(`${value.vendor.padEnd(11)} ${value.mock.url}`);
  console.log(`${mocks.length} mock${mocks.length === 1 ? '' : 's'} running; Ctrl-C stops them.`);
}
