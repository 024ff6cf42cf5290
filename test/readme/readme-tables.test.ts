/**
 * The READMEs' tables render as tables: every row belongs to a table that has its header, and no option is
 * listed twice in one table (a blank line in the middle of a table makes the rows after it a stray paragraph).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './readme-examples.js';

const readmes = ['README.md', ...readdirSync(join(root, 'packages')).map((name) => `packages/${name}/README.md`)];

/** `file:line` of each table row that starts a table without a header row under it, and of each repeated first cell. */
function tableProblems(readme: string): string[] {
  const lines = readFileSync(join(root, readme), 'utf8').split('\n');
  const problems: string[] = [];
  let inFence = false;
  let seen = new Set<string>();
  lines.forEach((line, i) => {
    if (line.startsWith('```')) inFence = !inFence;
    if (inFence || !line.startsWith('|')) return;
    const starts = !(lines[i - 1] ?? '').startsWith('|');
    if (starts) {
      seen = new Set();
      if (!/^\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(lines[i + 1] ?? '')) problems.push(`${readme}:${i + 1}: a table row with no header above it`);
      return;
    }
    const first = line.split('|')[1]?.trim() ?? '';
    if (first !== '' && !/^:?-+:?$/.test(first) && seen.has(first)) problems.push(`${readme}:${i + 1}: ${first} listed twice`);
    seen.add(first);
  });
  return problems;
}

describe('README tables', () => {
  it.each(readmes)('%s: every row under its header, no row twice', (readme) => {
    expect(tableProblems(readme)).toEqual([]);
  });
});
