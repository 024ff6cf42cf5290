#!/usr/bin/env node
// npm start, the main job: build everything, start the Prism mocks, run each example against them,
// build the docs site, stop the mocks, exit 0 (or the first failing step's code). `--no-build` and `--no-docs`
// leave out those steps (test/scripts/start.test.ts runs the examples alone, on a built tree).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bin, listSpecs, root } from './lib/specs.mjs';
import { MOCK_PORTS } from './lib/mock-ports.mjs';

// Each example and the mock it runs against.
const EXAMPLES = [
  { vendor: 'vspark', file: 'examples/vspark-status-export.mjs' },
  { vendor: 'vss', file: 'examples/vss-requests.mjs' },
  { vendor: 'statuspage', file: 'examples/statuspage-components.mjs' },
  { vendor: 'statuspage', file: 'examples/statuspage-incident-life.mjs' },
  { vendor: 'spark', file: 'examples/spark-rooms.mjs' },
  { vendor: 'spark', file: 'examples/spark-card-bot.mjs' },
];

function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

const { values: flags } = parseArgs({ options: { 'no-build': { type: 'boolean' }, 'no-docs': { type: 'boolean' } } });
const step = (title) => console.log(`\n== ${title}`);

/** Whether nothing listens on 127.0.0.1:`port` (a second checkout's `npm start`, another program). */
function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

const mocks = [];
try {
  if (!flags['no-build']) {
    step('build');
    await run(bin('turbo'), ['run', 'build', '--output-logs=errors-only'], { TURBO_TELEMETRY_DISABLED: '1' });
  }

  step('mocks');
  // Imported once the build is done: the mocks are the testing kit's (packages/testing/dist).
  const { startPrismPreferring } = await import('./lib/prism.mjs');
  for (const { vendor, file } of listSpecs()) {
    // The fixed port when it is free; else any free port, said out loud (the examples get the URL either way).
    const fixed = MOCK_PORTS[vendor];
    const free = fixed !== undefined && (await portIsFree(fixed));
    const { mock, moved } = await startPrismPreferring({ spec: file, port: free ? fixed : 0 });
    mocks.push(mock);
    console.log(`${vendor}: ${mock.url}${fixed !== undefined && (!free || moved) ? ` (port ${fixed} is taken)` : ''}`);
    for (const example of EXAMPLES.filter((e) => e.vendor === vendor)) example.url = mock.url;
  }

  for (const example of EXAMPLES) {
    step(`example ${example.file} → ${example.url}`);
    await run(process.execPath, [join(root, example.file), example.url]);
  }

  if (!flags['no-docs']) {
    step('docs');
    await run(process.execPath, [join(root, 'scripts', 'docs.mjs')]);
  }
  console.log('\nnpm start: done');
} catch (error) {
  console.error(`\nnpm start failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await Promise.all(mocks.map((m) => m.stop()));
}
