#!/usr/bin/env node
// npm start, the main job: build everything, start the Prism mocks, run each example against them,
// build the docs site, stop the mocks, exit 0 (or the first failing step's code).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { bin, listSpecs, root } from './lib/specs.mjs';
import { MOCK_PORTS } from './lib/mock-ports.mjs';

// Each example and the mock it runs against.
const EXAMPLES = [
  { vendor: 'vspark', file: 'examples/vspark-status-export.mjs' },
  { vendor: 'vss', file: 'examples/vss-requests.mjs' },
  { vendor: 'statuspage', file: 'examples/statuspage-components.mjs' },
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

const step = (title) => console.log(`\n== ${title}`);
const mocks = [];
try {
  step('build');
  await run(bin('turbo'), ['run', 'build', '--output-logs=errors-only'], { TURBO_TELEMETRY_DISABLED: '1' });

  step('mocks');
  // Imported once the build is done: the mocks are the testing kit's (packages/testing/dist).
  const { startPrism } = await import('./lib/prism.mjs');
  for (const { vendor, file } of listSpecs()) {
    const mock = await startPrism({ spec: file, port: MOCK_PORTS[vendor] ?? 0 });
    mocks.push(mock);
    console.log(`${vendor}: ${mock.url}`);
    for (const example of EXAMPLES.filter((e) => e.vendor === vendor)) example.url = mock.url;
  }

  for (const example of EXAMPLES) {
    step(`example ${example.file} → ${example.url}`);
    await run(process.execPath, [join(root, example.file), example.url]);
  }

  step('docs');
  await run(process.execPath, [join(root, 'scripts', 'docs.mjs')]);
  console.log('\nnpm start: done');
} catch (error) {
  console.error(`\nnpm start failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await Promise.all(mocks.map((m) => m.stop()));
}
