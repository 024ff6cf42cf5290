// Markdown tables for the benchmarks' output.

/** A markdown table: `columns` are `{ title, align: 'left' | 'right' }`, rows are arrays of cells. */
export function markdownTable(columns, rows) {
  const head = `| ${columns.map((c) => c.title).join(' | ')} |`;
  const rule = `| ${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`;
  return [head, rule, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** `1.00×` for the fastest, `1.23× slower` for the others (by time; lower is better). */
export function ratioToFastest(value, fastest, higherIsBetter = false) {
  const ratio = higherIsBetter ? fastest / value : value / fastest;
  return ratio < 1.005 ? '1.00× (fastest)' : `${ratio.toFixed(2)}× slower`;
}

/** Thousands separators, no decimals. */
export const whole = (n) => Math.round(n).toLocaleString('en-US');

/** Megabytes (MiB) from bytes, one decimal. */
export const mib = (bytes) => (bytes / 1024 / 1024).toFixed(1);

/** The median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** "MET (…)" or "MISSED (…)" for a target line. */
export const verdict = (ok, detail) => `${ok ? 'MET' : 'MISSED'} (${detail})`;

/** A ratio above 1 as a signed percentage: `+4.1%`, `-2.2%` (`digits` after the point). */
export const signedPercent = (ratio, digits = 0) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(digits)}%`;
