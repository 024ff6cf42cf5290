// The text `npm run spec:coverage` prints for one vendor: a heading, a table per tag of our spec, and what is
// left uncovered.

/** `covered/total`, or `-` where there is nothing to count. */
const fraction = (t) => (t === undefined ? '-' : t.total === 0 ? '' : `${t.covered}/${t.total}`);

/** Rows of cells as aligned text: the first column left-aligned, the others right-aligned. */
function alignColumns(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   ').trimEnd());
}

/**
 * One vendor's report as lines of text.
 *
 * @param {ReturnType<typeof import('./spec-coverage.mjs').vendorCoverage>} report
 * @returns {string}
 */
export function formatCoverage(report) {
  const { seed, official } = report;
  const lines = [`${report.vendor}: ${report.spec}, ${report.operations} operations`];
  lines.push(
    seed
      ? `  seed:     ${seed.library} (../shared/seeds/${seed.file}): ${seed.covered} of ${seed.total} ${seed.unit}s covered`
      : '  seed:     none',
  );
  if (!official) lines.push('  official: none published');
  else if (official.missing.length) lines.push(`  official: ${official.name}: not found (${official.missing.map((f) => `../shared/reference/${f}`).join(', ')})`);
  else lines.push(`  official: ${official.name}: ${official.covered} of ${official.total} operations in scope covered`);

  const header = ['tag', 'ours', `seed ${seed?.unit ?? 'method'}s`, 'official in scope'];
  const rows = report.resources.map((r) => [r.resource, String(r.ours), fraction(r.seed), fraction(r.official)]);
  const total = ['total', String(report.operations), fraction(seed), official && !official.missing.length ? fraction(official) : '-'];
  const table = alignColumns([header, ...rows, total]);
  lines.push('', ...table.slice(0, -1).map((line) => `  ${line}`), `  ${'-'.repeat(table[0].length)}`, `  ${table.at(-1)}`);
  lines.push('  (covered/total; blank: none with that tag; -: nothing to compare with)');

  for (const { file, tags } of official?.whole ?? []) {
    const rows = alignColumns([['official tag', 'covered'], ...tags.map((t) => [t.tag, `${t.covered}/${t.total}`])]);
    const covered = tags.reduce((n, t) => n + t.covered, 0);
    const total = tags.reduce((n, t) => n + t.total, 0);
    lines.push('', `  ../shared/reference/${file}, every operation by its own tags: ${covered} of ${total} covered`, ...rows.map((line) => `    ${line}`));
    for (const t of tags) for (const call of t.missing) lines.push(`    lacks ${call} (${t.tag})`);
  }

  const seedGaps = seed?.methods.filter((m) => !m.covered) ?? [];
  if (seedGaps.length) {
    lines.push('', `  seed ${seed.unit}s our spec lacks (${seedGaps.length}):`);
    for (const m of seedGaps) lines.push(`    ${m.name}.${m.method} -> ${m.operationId} (not in ${report.spec})`);
  }
  const officialGaps = official?.operations.filter((op) => !op.covered) ?? [];
  if (officialGaps.length) {
    lines.push('', `  official operations in scope our spec lacks (${officialGaps.length}):`);
    const gapRows = officialGaps.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op.summary]);
    const width = Math.max(...gapRows.map(([call]) => call.length));
    for (const [call, summary] of gapRows) lines.push(`    ${call.padEnd(width)}   ${summary}`);
  }
  return lines.join('\n');
}
