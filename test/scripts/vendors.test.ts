/**
 * The vendor list (scripts/lib/vendors.mjs) that mocks, ports, examples, the testing kit and turbo read: today's four
 * vendors on their fixed ports, every example given to a vendor, and the testing kit's names the same list.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MOCK_VENDORS } from '@apiclients/testing';
import { expect, it } from 'vitest';
import { listPackageNames, listVendors } from '../../scripts/lib/vendors.mjs';
import { repoRoot } from '../lib/spec-validator.js';

const vendors = listVendors();

it('holds each spec that has a package, in mock port order, on the ports `npm run mock` has always used', () => {
  expect(vendors.map(({ name, packageName, mockPort }) => [name, packageName, mockPort])).toEqual([
    ['spark', '@apiclients/spark', 4010],
    ['statuspage', '@apiclients/statuspage', 4011],
    ['vss', '@apiclients/vss', 4012],
    ['vspark', '@apiclients/vspark', 4013],
  ]);
  expect(listPackageNames()).toEqual([...vendors.map((vendor) => vendor.packageName), '@apiclients/core', '@apiclients/testing'].sort());
});

it('gives every example to the vendor its file name starts with (vspark-… is not vss\'s)', () => {
  const all = readdirSync(join(repoRoot, 'examples')).filter((file) => file.endsWith('.mjs'));
  expect(vendors.flatMap((vendor) => vendor.examples).sort()).toEqual(all.map((file) => `examples/${file}`).sort());
  for (const vendor of vendors) expect(vendor.examples.every((file) => file.startsWith(`examples/${vendor.name}-`)), vendor.name).toBe(true);
  expect(vendors.find((vendor) => vendor.name === 'vspark')?.examples).toEqual(['examples/vspark-status-export.mjs']);
});

it('is what the published testing kit knows (written by `npm run generate`)', () => {
  expect([...MOCK_VENDORS]).toEqual(vendors.map((vendor) => vendor.name));
});
