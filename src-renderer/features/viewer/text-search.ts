/**
 * Find-in-document text handling, shared by the search over the whole document and the highlighting of
 * hits in a page's text layer. Matching ignores case, accents (Welsh ŵ/ŷ/â match w/y/a), the shape of
 * quotes and dashes, ligatures and runs of white space; every character of the searched text remembers
 * which text-layer item and offset it came from, so a hit maps back to exact spans on the page.
 */

/** What pdf.js's getTextContent gives per item that the search needs. */
export interface TextItemLike {
  str: string;
  hasEOL: boolean;
}

export interface PageText {
  /** The page's text, normalised for matching. */
  text: string;
  /** For each character of `text`: the item it came from and the offset in that item's string. */
  itemOf: Int32Array;
  offsetOf: Int32Array;
}

/** A hit as a range of the normalised page text. */
export interface TextMatch {
  start: number;
  end: number;
}

/** Part of a hit inside one text-layer item (one span). */
export interface MatchSegment {
  item: number;
  from: number;
  to: number;
}

export interface FindQuery {
  /** Normalised text of the phrase. */
  phrase: string;
  /**
   * When set, the separate words are found instead of the phrase: used to show a search hit whose
   * words the full-text index matched apart (or in other forms) on the page it named.
   */
  terms: string[] | null;
}

const SPECIAL: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u00ad': '',
};
const COMBINING_MARKS = /\p{M}/gu;

function normaliseChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  const special = SPECIAL[ch];
  if (special !== undefined) return special;
  return ch.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\u00a0' || /\s/u.test(ch);
}

/** Normalises text the way page text is normalised (for queries). */
export function normaliseText(value: string): string {
  let out = '';
  for (const ch of value) {
    for (const c of normaliseChar(ch)) {
      if (isSpace(c)) {
        if (out.length > 0 && !out.endsWith(' ')) out += ' ';
      } else out += c;
    }
  }
  return out.trimEnd();
}

export function buildPageText(items: readonly TextItemLike[]): PageText {
  const chars: string[] = [];
  const itemOf: number[] = [];
  const offsetOf: number[] = [];
  let lastWasSpace = true;
  const push = (c: string, item: number, offset: number) => {
    if (isSpace(c)) {
      if (lastWasSpace) return;
      chars.push(' ');
      lastWasSpace = true;
    } else {
      chars.push(c);
      lastWasSpace = false;
    }
    itemOf.push(item);
    offsetOf.push(offset);
  };
  items.forEach((item, index) => {
    let offset = 0;
    for (const ch of item.str) {
      for (const c of normaliseChar(ch)) push(c, index, offset);
      offset += ch.length;
    }
    if (item.hasEOL) push(' ', index, item.str.length);
  });
  return { text: chars.join(''), itemOf: Int32Array.from(itemOf), offsetOf: Int32Array.from(offsetOf) };
}

/** The searched text of a page, without the offsets (what the whole-document search keeps per page). */
export function pageSearchText(items: readonly TextItemLike[]): string {
  return buildPageText(items).text;
}

/**
 * A query as typed, or as the full-text search's query text: quotes, operators and wildcards that mean
 * something to the index are not in the page, so they are dropped.
 */
export function parseFindQuery(raw: string, byTerms = false): FindQuery | null {
  const phrase = normaliseText(raw.replace(/[*"]/g, ' ').replace(/\b(AND|OR|NOT|NEAR)\b/g, ' '));
  if (phrase.length === 0) return null;
  const terms = byTerms ? [...new Set(phrase.split(' ').filter((term) => term.length >= 2))] : null;
  return { phrase, terms: terms && terms.length > 0 ? terms : null };
}

export function findMatches(text: string, query: FindQuery): TextMatch[] {
  const needles = query.terms ?? [query.phrase];
  const matches: TextMatch[] = [];
  for (const needle of needles) {
    if (needle.length === 0) continue;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
      matches.push({ start: at, end: at + needle.length });
    }
  }
  if (needles.length === 1) return matches;
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping terms ("assault", "assaulted") show as one hit.
  const merged: TextMatch[] = [];
  for (const match of matches) {
    const last = merged[merged.length - 1];
    if (last && match.start < last.end) last.end = Math.max(last.end, match.end);
    else merged.push({ ...match });
  }
  return merged;
}

/** Where a hit falls in the page's text-layer items (their strings), one segment per item it touches. */
export function matchSegments(page: PageText, match: TextMatch, items: readonly string[]): MatchSegment[] {
  const segments: MatchSegment[] = [];
  for (let index = match.start; index < match.end; index++) {
    const item = page.itemOf[index] ?? -1;
    const offset = page.offsetOf[index] ?? 0;
    const str = items[item] ?? '';
    if (item < 0 || offset >= str.length) continue;
    const code = str.charCodeAt(offset);
    const end = offset + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
    const last = segments[segments.length - 1];
    if (last && last.item === item) {
      last.from = Math.min(last.from, offset);
      last.to = Math.max(last.to, end);
    } else segments.push({ item, from: offset, to: end });
  }
  return segments;
}
