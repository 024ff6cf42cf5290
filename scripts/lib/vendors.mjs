// The one vendor list: a vendor is a spec specs/<name>.yaml with a package packages/<name>. Mocks, ports,
// examples, the testing kit's vendor names and turbo's build lists are all read from here, so a new vendor is its
// spec and its package, nothing else by hand.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listSpecs, readSpec, root } from './specs.mjs';

/**
 * Every vendor, ordered by mock port (a vendor without a fixed port after those with one), then by name.
 *
 * @returns {{ name: string, spec: string, packageDir: string, packageName: string, mockPort: number | undefined, examples: string[] }[]}
 *   `mockPort` is the spec's `x-apiclients-mock-port`, the fixed port of `npm run mock` and `npm start`;
 *   `examples` are the repository-relative paths of `examples/<name>-*.mjs`.
 */
export function listVendors() {
  const vendors = listSpecs()
    .filter(({ vendor }) => existsSync(join(root, 'packages', vendor, 'package.json')))
    .map(({ vendor, file }) => ({
      name: vendor,
      spec: file,
      packageDir: join(root, 'packages', vendor),
      packageName: packageNameIn(join(root, 'packages', vendor)),
      mockPort: readSpec(file)['x-apiclients-mock-port'],
      examples: [],
    }))
    .sort((a, b) => (a.mockPort ?? Infinity) - (b.mockPort ?? Infinity) || a.name.localeCompare(b.name));
  for (const [index, vendor] of vendors.entries()) {
    const other = vendors[index + 1];
    if (vendor.mockPort !== undefined && vendor.mockPort === other?.mockPort) {
      throw new Error(`specs/${vendor.name}.yaml and specs/${other.name}.yaml both claim x-apiclients-mock-port ${vendor.mockPort}`);
    }
  }
  for (const file of exampleFiles()) vendorOfExample(vendors, file).examples.push(`examples/${file}`);
  return vendors;
}

/** The example scripts of examples/, sorted. */
function exampleFiles() {
  const dir = join(root, 'examples');
  return existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.mjs')).sort() : [];
}

/** The vendor an example runs against: the longest vendor name its file name starts with, then a dash. */
function vendorOfExample(vendors, file) {
  const matches = vendors.filter((v) => file.startsWith(`${v.name}-`)).sort((a, b) => b.name.length - a.name.length);
  if (!matches[0]) throw new Error(`examples/${file}: an example is named <vendor>-<what>.mjs, and no vendor is ${JSON.stringify(file.split('-')[0])}`);
  return matches[0];
}

/** The package name of every workspace package (packages/<dir>/package.json), vendors, core and the testing kit alike, sorted. */
export function listPackageNames() {
  const dir = join(root, 'packages');
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'package.json')))
    .map((name) => packageNameIn(join(dir, name)))
    .sort();
}

/** The `name` of the package.json in `dir`. */
function packageNameIn(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;
}
