import type { MaterialPages } from './material-pages';
import { NO_TEXT, type PageAlignment } from './page-alignment';
import { normaliseText } from './text-normalisation';

/** What the carrier needs to know about a note on an older version. */
export interface NoteOnOldVersion {
  page: number;
  quote: string | null;
}

export type NoteOutcome =
  /** Moves to `page` of the new version; rects stay only where the page came across unchanged. */
  | { kind: 'carried'; page: number; keepRects: boolean }
  /** Its text is not in the new version: it stays where it is, flagged. */
  | { kind: 'left' };

/**
 * Where one note goes in the new version. A highlight follows its quote: first to the page its own
 * page became, then to the pages that replaced it, then anywhere else nearest first — so a quote that
 * appears twice lands on the likelier copy. A page note (no quote) has nothing to search for, so it
 * follows its page only when that page came across with identical text.
 *
 * `from` is the note's own version and how it aligns with the new one; null when that version's text
 * is not available (never indexed), in which case only the quote search can place the note.
 */
export function carryNote(note: NoteOnOldVersion, from: { pages: MaterialPages; alignment: PageAlignment } | null, to: MaterialPages): NoteOutcome {
  const mapped = from?.alignment.oldToNew[note.page - 1] ?? null;
  // Scanned pages have no text: a "match" between two of them says nothing about their content.
  const identical = mapped !== null && from !== null && from.pages.pages[note.page - 1]?.key !== NO_TEXT;
  const quote = note.quote === null ? '' : normaliseText(note.quote);

  if (quote === '') return identical && mapped !== null ? { kind: 'carried', page: mapped, keepRects: true } : { kind: 'left' };

  for (const page of searchOrder(note.page, mapped, from?.alignment ?? null, to.pages.length)) {
    if (to.pages[page - 1]?.text.includes(quote)) return { kind: 'carried', page, keepRects: identical && page === mapped };
  }
  return { kind: 'left' };
}

/** New-version pages to look on, most likely first, each once. */
function searchOrder(oldPage: number, mapped: number | null, alignment: PageAlignment | null, newPageCount: number): number[] {
  const order: number[] = [];
  const seen = new Set<number>();
  const add = (page: number) => {
    if (page >= 1 && page <= newPageCount && !seen.has(page)) {
      seen.add(page);
      order.push(page);
    }
  };
  if (mapped !== null) add(mapped);
  let anchor = mapped ?? Math.min(oldPage, newPageCount);
  if (mapped === null && alignment !== null) {
    // The gap in the new version between the nearest pages before and after that did come across.
    const before = nearestMapped(alignment.oldToNew, oldPage - 1, -1) ?? 0;
    const after = nearestMapped(alignment.oldToNew, oldPage + 1, 1) ?? newPageCount + 1;
    for (let page = before + 1; page < after; page++) add(page);
    anchor = before + 1;
  }
  const rest: number[] = [];
  for (let page = 1; page <= newPageCount; page++) if (!seen.has(page)) rest.push(page);
  rest.sort((x, y) => Math.abs(x - anchor) - Math.abs(y - anchor) || x - y);
  rest.forEach(add);
  return order;
}

function nearestMapped(oldToNew: ReadonlyArray<number | null>, fromPage: number, step: 1 | -1): number | null {
  for (let page = fromPage; page >= 1 && page <= oldToNew.length; page += step) {
    const target = oldToNew[page - 1];
    if (target !== null && target !== undefined) return target;
  }
  return null;
}
