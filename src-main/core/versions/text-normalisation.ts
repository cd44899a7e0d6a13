/**
 * How two pieces of page text are compared. The viewer's text layer (where a highlight's quote comes
 * from) and the indexer's extraction differ in small ways — ligatures, curly quotes, line breaks, case —
 * so both sides are folded the same way before any comparison.
 */
export function normaliseText(text: string): string {
  return (
    text
      .normalize('NFKC')
      // Soft hyphens and zero-width characters are invisible in the PDF but break substring matches.
      .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
      .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * The text a page is compared by. Bundles are stamped "Page 12 of 300": inserting one page renumbers
 * every later page, and without this every later page would look changed.
 */
export function pageComparisonText(body: string): string {
  return normaliseText(body)
    .replace(/\b(page|tudalen) \d+( (of|o) \d+)?\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
