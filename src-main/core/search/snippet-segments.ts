/**
 * Snippets cross the contract as segments ({text, hit}), never as HTML: FTS5's snippet() marks hits with
 * two private-use characters that page text can never contain (extraction replaces them), and this
 * module cuts the marked string into segments.
 */
import type { SearchHit } from '../../../src-preload/api';

export type SnippetSegment = SearchHit['snippet'][number];

export const HIT_OPEN = '\uE000';
export const HIT_CLOSE = '\uE001';
export const ELLIPSIS = '\u2026';
/** Tokens in a snippet (FTS5 allows up to 64): about a line and a half of a statement. */
export const SNIPPET_TOKENS = 20;

/** Makes extracted text safe to mark: the marker characters cannot occur in what is indexed. */
export function withoutMarkers(text: string): string {
  return text.replace(/[\uE000\uE001]/g, ' ');
}

export function toSegments(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const push = (text: string, hit: boolean): void => {
    // Page text keeps its line breaks; a snippet reads as one run of words.
    const clean = text.replace(/\s+/g, ' ');
    if (clean === '') return;
    const previous = segments.at(-1);
    if (previous && previous.hit === hit) previous.text += clean;
    else segments.push({ text: clean, hit });
  };
  let hit = false;
  let start = 0;
  for (let i = 0; i < marked.length; i++) {
    const ch = marked[i];
    if (ch !== HIT_OPEN && ch !== HIT_CLOSE) continue;
    push(marked.slice(start, i), hit);
    hit = ch === HIT_OPEN;
    start = i + 1;
  }
  push(marked.slice(start), hit);
  const first = segments[0];
  if (first && !first.hit) first.text = first.text.trimStart();
  const last = segments.at(-1);
  if (last && !last.hit) last.text = last.text.trimEnd();
  return segments.filter((segment) => segment.text !== '');
}
