// Where the source, the home page and the issue tracker are: `repository`, `homepage` and `bugs` are written once, in
// the root package.json, and every published package carries the same values, its `repository` with its own
// `directory` (npm's form for a monorepo: docs.npmjs.com/cli/configuring-npm/package-json#repository). The project
// has no public address yet, so the root has none of the three and neither has any package: an invented URL would
// send users (and npm provenance) to a repository that may not exist. Once the address exists, write the three into
// the root package.json; this test then lists, per package, what to copy in. publint (each package's test:pack,
// --strict) checks that a `repository` is a well-formed git URL.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FIELDS = ['repository', 'homepage', 'bugs'] as const;
type Manifest = { name?: string; private?: boolean } & Partial<Record<(typeof FIELDS)[number], unknown>>;

const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Manifest;
const published = readdirSync(join(root, 'packages'))
  .map((dir) => ({ dir, json: readJson(`packages/${dir}/package.json`) }))
  .filter(({ json }) => !json.private);

/** The three fields a package in `packages/<dir>` must carry, from the root's (none where the root has none). */
function expectedFields(rootManifest: Manifest, dir: string): Manifest {
  const { repository, homepage, bugs } = rootManifest;
  const url = typeof repository === 'string' ? repository : (repository as { url?: string } | undefined)?.url;
  return {
    ...(repository !== undefined ? { repository: { type: 'git', url, directory: `packages/${dir}` } } : {}),
    ...(homepage !== undefined ? { homepage } : {}),
    ...(bugs !== undefined ? { bugs } : {}),
  };
}

/** Each package whose three fields differ from the root's, with what it should say: the fix to copy in. */
function disagreements(rootManifest: Manifest, packages: { dir: string; json: Manifest }[]): string[] {
  return packages.flatMap(({ dir, json }) => {
    const expected = expectedFields(rootManifest, dir);
    const actual = Object.fromEntries(FIELDS.filter((field) => json[field] !== undefined).map((field) => [field, json[field]]));
    return isDeepStrictEqual(actual, expected) ? [] : [`packages/${dir}/package.json should have ${JSON.stringify(expected)}, has ${JSON.stringify(actual)}`];
  });
}

describe('repository, homepage and bugs', () => {
  it('every published package carries the root package.json’s values, its repository with its own directory', () => {
    expect(published.length).toBeGreaterThan(0);
    expect(disagreements(readJson('package.json'), published)).toEqual([]);
  });

  // The rule above holds today because nothing is set anywhere; this is what it does once the root has an address.
  it('once the root has an address, a package without it, or with another directory, is named with the fix', () => {
    const withAddress: Manifest = { repository: { type: 'git', url: 'git+https://git.example/apiclients.git' }, homepage: 'https://apiclients.example', bugs: { url: 'https://git.example/apiclients/issues' } };
    const good = { dir: 'spark', json: { name: '@apiclients/spark', ...expectedFields(withAddress, 'spark') } };
    expect(good.json.repository).toEqual({ type: 'git', url: 'git+https://git.example/apiclients.git', directory: 'packages/spark' });
    expect(disagreements(withAddress, [good])).toEqual([]);
    const bare = { dir: 'core', json: { name: '@apiclients/core' } };
    const elsewhere = { dir: 'vss', json: { ...expectedFields(withAddress, 'vss'), repository: { type: 'git', url: 'git+https://git.example/apiclients.git', directory: 'packages/core' } } };
    const found = disagreements(withAddress, [good, bare, elsewhere]);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^packages\/core\/package\.json should have \{"repository":\{"type":"git","url":"git\+https:\/\/git\.example\/apiclients\.git","directory":"packages\/core"\},"homepage":/);
    expect(found[1]).toMatch(/^packages\/vss\/package\.json should have .*"directory":"packages\/vss".*, has .*"directory":"packages\/core"/);
    // And a package that has the fields while the root has none is named too: the root is the one source.
    expect(disagreements({}, [good])).toEqual([expect.stringContaining('packages/spark/package.json should have {}')]);
  });
});
