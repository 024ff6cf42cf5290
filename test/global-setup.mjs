// Starts one Prism mock per spec on a free port before the tests, and always stops them after.
import { listSpecs } from '../scripts/lib/specs.mjs';
import { startPrism } from '../scripts/lib/prism.mjs';

let mocks = [];

export async function setup(project) {
  mocks = await Promise.all(listSpecs().map(async ({ vendor, file }) => ({ vendor, ...(await startPrism({ spec: file })) })));
  project.provide('prism', Object.fromEntries(mocks.map((m) => [m.vendor, m.url])));
}

export async function teardown() {
  await Promise.all(mocks.map((m) => m.stop()));
}
