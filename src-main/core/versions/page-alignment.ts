/**
 * Which page of the old version became which page of the new one: a longest common subsequence over
 * per-page keys, so one inserted page shows as one page added rather than every later page changed.
 */

/** A page's key: equal keys mean equal text. NO_TEXT marks a page with no text layer (a scan). */
export type PageKey = number;
export const NO_TEXT: PageKey = 0;

export interface PageAlignment {
  /** For old page p (index p - 1): the new page it became, or null if it was removed or changed. */
  oldToNew: Array<number | null>;
  /** For new page q (index q - 1): the old page it came from, or null if it was added or changed. */
  newToOld: Array<number | null>;
  /** New pages with no counterpart in the old version, 1-based, ascending. */
  added: number[];
  /** Old pages with no counterpart in the new version, 1-based, ascending. */
  removed: number[];
}

/**
 * Above this many table cells (old × new pages left after trimming the common start and end) the
 * exact LCS would cost too much memory on a laptop; the middle is then split at pages whose text is
 * unique in both versions (as patience diff does) and each gap aligned on its own.
 */
const MAX_TABLE_CELLS = 4_000_000;

export function alignPages(oldKeys: readonly PageKey[], newKeys: readonly PageKey[]): PageAlignment {
  const pairs: Array<[number, number]> = [];
  matchRange(oldKeys, 0, oldKeys.length, newKeys, 0, newKeys.length, pairs);
  const oldToNew: Array<number | null> = oldKeys.map(() => null);
  const newToOld: Array<number | null> = newKeys.map(() => null);
  for (const [i, j] of pairs) {
    oldToNew[i] = j + 1;
    newToOld[j] = i + 1;
  }
  return {
    oldToNew,
    newToOld,
    added: pagesWithout(newToOld),
    removed: pagesWithout(oldToNew),
  };
}

function pagesWithout(map: ReadonlyArray<number | null>): number[] {
  const pages: number[] = [];
  map.forEach((other, index) => {
    if (other === null) pages.push(index + 1);
  });
  return pages;
}

/** Appends matched (old index, new index) pairs for a[aFrom, aTo) × b[bFrom, bTo), in order. */
function matchRange(a: readonly PageKey[], aFrom: number, aTo: number, b: readonly PageKey[], bFrom: number, bTo: number, out: Array<[number, number]>): void {
  while (aFrom < aTo && bFrom < bTo && a[aFrom] === b[bFrom]) out.push([aFrom++, bFrom++]);
  const tail: Array<[number, number]> = [];
  while (aTo > aFrom && bTo > bFrom && a[aTo - 1] === b[bTo - 1]) tail.push([--aTo, --bTo]);
  const rows = aTo - aFrom;
  const cols = bTo - bFrom;
  if (rows > 0 && cols > 0) {
    if (rows * cols <= MAX_TABLE_CELLS) lcs(a, aFrom, aTo, b, bFrom, bTo, out);
    else splitAtUniquePages(a, aFrom, aTo, b, bFrom, bTo, out);
  }
  for (let k = tail.length - 1; k >= 0; k--) out.push(tail[k] as [number, number]);
}

function lcs(a: readonly PageKey[], aFrom: number, aTo: number, b: readonly PageKey[], bFrom: number, bTo: number, out: Array<[number, number]>): void {
  const rows = aTo - aFrom;
  const cols = bTo - bFrom;
  const width = cols + 1;
  // suffix[i][j] = LCS length of a[aFrom + i ..] and b[bFrom + j ..], so the walk below runs forwards.
  const suffix = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      suffix[i * width + j] =
        a[aFrom + i] === b[bFrom + j]
          ? (suffix[(i + 1) * width + j + 1] as number) + 1
          : Math.max(suffix[(i + 1) * width + j] as number, suffix[i * width + j + 1] as number);
    }
  }
  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    if (a[aFrom + i] === b[bFrom + j]) {
      out.push([aFrom + i, bFrom + j]);
      i++;
      j++;
    } else if ((suffix[(i + 1) * width + j] as number) >= (suffix[i * width + j + 1] as number)) {
      i++;
    } else {
      j++;
    }
  }
}

function splitAtUniquePages(a: readonly PageKey[], aFrom: number, aTo: number, b: readonly PageKey[], bFrom: number, bTo: number, out: Array<[number, number]>): void {
  const inA = uniquePositions(a, aFrom, aTo);
  const inB = uniquePositions(b, bFrom, bTo);
  const candidates: Array<[number, number]> = [];
  for (const [key, i] of inA) {
    const j = inB.get(key);
    if (j !== undefined) candidates.push([i, j]);
  }
  const anchors = longestIncreasing(candidates);
  // No anchor at all: the versions share nothing reliable in this stretch; report it as replaced.
  if (anchors.length === 0) return;
  let i = aFrom;
  let j = bFrom;
  for (const [ai, bj] of anchors) {
    matchRange(a, i, ai, b, j, bj, out);
    out.push([ai, bj]);
    i = ai + 1;
    j = bj + 1;
  }
  matchRange(a, i, aTo, b, j, bTo, out);
}

function uniquePositions(keys: readonly PageKey[], from: number, to: number): Map<PageKey, number> {
  const seen = new Map<PageKey, number>();
  const repeated = new Set<PageKey>();
  for (let i = from; i < to; i++) {
    const key = keys[i] as PageKey;
    if (key === NO_TEXT) continue;
    if (seen.has(key)) repeated.add(key);
    else seen.set(key, i);
  }
  for (const key of repeated) seen.delete(key);
  return seen;
}

/** The longest run of pairs increasing in both indices (pairs arrive sorted by the first). */
function longestIncreasing(pairs: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(pairs.length).fill(-1);
  pairs.forEach(([, j], index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((pairs[tails[mid] as number] as [number, number])[1] < j) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[index] = tails[low - 1] as number;
    tails[low] = index;
  });
  const result: Array<[number, number]> = [];
  for (let k = tails.length > 0 ? (tails[tails.length - 1] as number) : -1; k >= 0; k = previous[k] as number) result.push(pairs[k] as [number, number]);
  return result.reverse();
}
