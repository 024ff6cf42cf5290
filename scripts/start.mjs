#!/usr/bin/env node
// npm start, the main job: build everything, start the Prism mocks, run each example against them (or against a
// stateful mock of its own, when its second line asks for one: scripts/lib/example-mock.mjs),
// build the docs site, stop the mocks, exit 0 (or the first failing step's code). `--no-build` and `--no-docs`
// leave out those steps (test/scripts/start.test.ts runs the examples alone, on a built tree).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bin, root } from './lib/specs.mjs';
import { portIsFree } from './lib/port-is-free.mjs';
import { listVendors } from './lib/vendors.mjs';
import { statefulOptionsOf } from './lib/example-mock.mjs';

// Each vendor with its examples (examples/<vendor>-*.mjs), which run against its mock.
const VENDORS = listVendors();

function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

const { values: flags } = parseArgs({ options: { 'no-build': { type: 'boolean' }, 'no-docs': { type: 'boolean' } } });
const step = (title) => console.log(`\n== ${title}`);

const mocks = [];
try {
  if (!flags['no-build']) {
    step('build');
    await run(bin('turbo'), ['run', 'build', '--output-logs=errors-only'], { TURBO_TELEMETRY_DISABLED: '1' });
  }

  step('mocks');
  // Imported once the build is done: the mocks are the testing kit's (packages/testing/dist).
  const { startPrismPreferring } = await import('./lib/prism.mjs');
  const examples = [];
  for (const { name, spec, mockPort, examples: files } of VENDORS) {
    // The fixed port when it is free; else any free port, said out loud (the examples get the URL either way).
    const free = mockPort !== undefined && (await portIsFree(mockPort));
    const { mock, moved } = await startPrismPreferring({ spec, port: free ? mockPort : 0 });
    mocks.push(mock);
    console.log(`${name}: ${mock.url}${mockPort !== undefined && (!free || moved) ? ` (port ${mockPort} is taken)` : ''}`);
    examples.push(...files.map((file) => ({ file, vendor: name, url: mock.url, stateful: statefulOptionsOf(join(root, file)) })));
  }

  // An example that asks for the stateful mock gets one of its own, in this process, for its run alone.
  const { startStatefulMock } = await import('../packages/testing/dist/index.js');
  for (const example of examples) {
    const own = example.stateful && (await startStatefulMock(example.vendor, example.stateful));
    const url = own ? own.url : example.url;
    step(`example ${example.file} → ${url}${own ? ' (stateful mock)' : ''}`);
    try {
      await run(process.execPath, [join(root, example.file), url]);
    } finally {
      await own?.stop();
    }
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
