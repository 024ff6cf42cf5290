// The @apiclients packages are released together (`fixed` in .changeset/config.json): one version for all, each
// depending on the others at exactly that version, each shipping its README and CHANGELOG.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
interface Manifest {
  name: string;
  version: string;
  files?: string[];
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
const readJson = <T>(path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;
const packages = readdirSync(join(root, 'packages')).map((dir) => ({ dir, json: readJson<Manifest>(`packages/${dir}/package.json`) }));

describe('release metadata', () => {
  it('changesets versions every @apiclients package together, publicly, from main', () => {
    const config = readJson<Record<string, unknown>>('.changeset/config.json');
    expect(config).toMatchObject({ fixed: [['@apiclients/*']], access: 'public', baseBranch: 'main' });
    expect(packages.every(({ json }) => json.name.startsWith('@apiclients/'))).toBe(true);
  });

  it('one version for all, and every dependency on a sibling is exactly that version', () => {
    const versions = new Set(packages.map(({ json }) => json.version));
    expect(versions.size).toBe(1);
    const [version] = versions;
    const siblings = packages.flatMap(({ json }) =>
      Object.entries({ ...json.dependencies, ...json.peerDependencies }).filter(([name]) => name.startsWith('@apiclients/')),
    );
    expect(siblings.length).toBeGreaterThan(0);
    expect(siblings.filter(([, range]) => range !== version)).toEqual([]);
  });

  it('each package ships a README and a CHANGELOG that has an entry for its version', () => {
    for (const { dir, json } of packages) {
      expect(json.files).toEqual(expect.arrayContaining(['dist', 'README.md', 'CHANGELOG.md']));
      expect(existsSync(join(root, 'packages', dir, 'README.md'))).toBe(true);
      expect(readFileSync(join(root, 'packages', dir, 'CHANGELOG.md'), 'utf8')).toContain(`## ${json.version}\n`);
    }
  });
});
