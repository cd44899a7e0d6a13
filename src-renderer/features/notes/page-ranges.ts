/** [12, 13, 14, 20] → [[12, 14], [20, 20]]: runs of consecutive pages, so "12–14, 20" reads easily. */
export function pageRuns(pages: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(pages)].sort((x, y) => x - y);
  const runs: Array<[number, number]> = [];
  for (const page of sorted) {
    const last = runs.at(-1);
    if (last && page === last[1] + 1) last[1] = page;
    else runs.push([page, page]);
  }
  return runs;
}
