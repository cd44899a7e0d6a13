/**
 * Single byte-range requests (RFC 9110 §14). Multiple ranges are answered with the
 * whole file, which the RFC allows; the app only ever asks for one range to resume.
 */

export type RangeResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'range'; readonly start: number; readonly end: number }
  | { readonly kind: 'unsatisfiable' };

export function parseRange(header: string | undefined, size: number): RangeResult {
  if (header === undefined) return { kind: 'none' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return { kind: 'none' }; // unknown unit or several ranges: ignore, send everything
  const [, a = '', b = ''] = match;
  if (a === '' && b === '') return { kind: 'none' };
  if (a === '') {
    // Suffix range: the last N bytes.
    const n = Number(b);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (start >= size || (b !== '' && Number(b) < start)) return { kind: 'unsatisfiable' };
  return { kind: 'range', start, end };
}

/** If-None-Match / If-Range comparisons (weak comparison for If-None-Match, strong for If-Range). */
export function etagMatches(header: string | undefined, etag: string, weak: boolean): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const strip = (t: string): string => (weak ? t.trim().replace(/^W\//, '') : t.trim());
  return header.split(',').some((t) => strip(t) === strip(etag) && (weak || !t.trim().startsWith('W/')));
}
