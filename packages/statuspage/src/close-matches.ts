/** The names closest to one that was not found, for an error message that suggests what was meant. */

/** Edit distance (insertions, deletions, substitutions) between two strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Up to `max` of `candidates` that look like `wanted`, closest first: those that contain it or that it contains
 * (ignoring case), then those within a third of its length in edits.
 */
export function closeMatches(wanted: string, candidates: readonly string[], max = 3): string[] {
  const needle = wanted.toLowerCase();
  const scored = candidates.map((name) => {
    const hay = name.toLowerCase();
    const contains = hay.includes(needle) || needle.includes(hay);
    return { name, score: contains ? 0 : editDistance(needle, hay) };
  });
  const limit = Math.max(2, Math.ceil(needle.length / 3));
  return scored
    .filter(({ score }) => score <= limit)
    .sort((x, y) => x.score - y.score || x.name.localeCompare(y.name))
    .slice(0, max)
    .map(({ name }) => name);
}
