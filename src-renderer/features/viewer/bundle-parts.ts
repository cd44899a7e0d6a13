import type { OutlineEntry } from './document-session';

/** A document inside a bundle PDF: a top-level bookmark and the pages up to the next one. */
export interface BundlePart {
  id: string;
  title: string;
  firstPage: number;
  lastPage: number;
}

/**
 * The documents a bundle is made of, from its top-level bookmarks (the way CPS bundles are bookmarked:
 * one per statement, exhibit, record of interview), in page order. Bookmarks that point nowhere or back
 * to an earlier page are not documents of their own.
 */
export function bundleParts(outline: readonly OutlineEntry[] | null, pageCount: number): BundlePart[] {
  if (!outline) return [];
  const starts = outline
    .filter((entry): entry is OutlineEntry & { page: number } => typeof entry.page === 'number')
    .sort((a, b) => a.page - b.page)
    .filter((entry, index, all) => index === 0 || entry.page > (all[index - 1]?.page ?? 0));
  return starts.map((entry, index) => ({
    id: entry.id,
    title: entry.title,
    firstPage: entry.page,
    lastPage: (starts[index + 1]?.page ?? pageCount + 1) - 1,
  }));
}

/** The bundle page of page `n` of a part, or null when the part has fewer pages. */
export function bundlePageOf(part: BundlePart, n: number): number | null {
  if (!Number.isInteger(n) || n < 1) return null;
  const page = part.firstPage + n - 1;
  return page <= part.lastPage ? page : null;
}
