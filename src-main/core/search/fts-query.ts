/**
 * What the user typed → a safe FTS5 MATCH expression. Every term and phrase goes to FTS5 as a quoted
 * string, so nothing the user types (`"`, `*`, `NEAR(`, `OR`, `-`, `^`, `col:`) is ever read as query
 * syntax; inside a string FTS5 only tokenizes. Terms are ANDed; the last one is prefix-matched, because
 * people search as they type.
 */

/** More than this many terms is no longer a search for something: the rest are ignored. */
const MAX_TERMS = 24;
/** A one-letter prefix matches a large part of the dictionary: it costs much and finds nothing useful. */
const MIN_PREFIX_CHARS = 2;

interface Term {
  readonly text: string;
  readonly phrase: boolean;
  /** A phrase the user has not closed yet (still typing it). */
  readonly open: boolean;
}

/** Returns null when the input holds nothing the index could match (only punctuation, say). */
export function toFtsQuery(input: string): string | null {
  const terms = splitTerms(input).filter((term) => hasTokenChars(term.text)).slice(0, MAX_TERMS);
  if (terms.length === 0) return null;
  const last = terms.length - 1;
  return terms
    .map((term, i) => {
      const quoted = `"${term.text.replace(/"/g, '""')}"`;
      const prefix = i === last && (!term.phrase || term.open) && lastTokenLength(term.text) >= MIN_PREFIX_CHARS;
      return prefix ? `${quoted}*` : quoted;
    })
    .join(' ');
}

/** Bare words split on whitespace; "quoted phrases" kept whole (an unclosed quote runs to the end). */
function splitTerms(input: string): Term[] {
  const terms: Term[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] ?? '';
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      const close = input.indexOf('"', i + 1);
      const end = close === -1 ? input.length : close;
      terms.push({ text: input.slice(i + 1, end), phrase: true, open: close === -1 });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < input.length && !/\s/u.test(input[end] ?? '') && input[end] !== '"') end++;
    terms.push({ text: input.slice(i, end), phrase: false, open: false });
    i = end;
  }
  return terms;
}

// unicode61 keeps letters, numbers and private-use characters as token characters; everything else
// separates tokens. A term with none of them would be an empty phrase.
function hasTokenChars(text: string): boolean {
  return /[\p{L}\p{N}\p{Co}]/u.test(text);
}

function lastTokenLength(text: string): number {
  const tokens = text.match(/[\p{L}\p{N}\p{M}\p{Co}]+/gu);
  return tokens?.at(-1)?.replace(/\p{M}/gu, '').length ?? 0;
}
