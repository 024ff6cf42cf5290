// Starts one Prism mock per spec on a free port before the tests, and always stops them after.
import { listSpecs } from '../scripts/lib/specs.mjs';
import { startPrism } from '../scripts/lib/prism.mjs';

let mocks = [];

export async function setup(project) {
  // Generous: four Prisms parsing four specs at once on two busy cores can take a while.
  const started = await Promise.allSettled(
    listSpecs().map(async ({ vendor, file }) => ({ vendor, ...(await startPrism({ spec: file, timeoutMs: 120_000 })) })),
  );
  mocks = started.filter((s) => s.status === 'fulfilled').map((s) => s.value);
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await teardown();
    throw failed.reason;
  }
  project.provide('prism', Object.fromEntries(mocks.map((m) => [m.vendor, m.url])));
}

export async function teardown() {
  await Promise.all(mocks.map((m) => m.stop()));
}
