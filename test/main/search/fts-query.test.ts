/** The user's text → an FTS5 expression that can only ever mean "these words / phrases". */
import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../src-main/core/search';
import { toSegments } from '../../../src-main/core/search/snippet-segments';

describe('toFtsQuery', () => {
  it('quotes every term, ANDs them, and prefix-matches the last', () => {
    expect(toFtsQuery('knife')).toBe('"knife"*');
    expect(toFtsQuery('blue   vauxhall corsa')).toBe('"blue" "vauxhall" "corsa"*');
  });

  it('keeps "quoted phrases" whole; a closed phrase is not prefix-matched, an unclosed one is', () => {
    expect(toFtsQuery('"body worn video" camera')).toBe('"body worn video" "camera"*');
    expect(toFtsQuery('camera "body worn video"')).toBe('"camera" "body worn video"');
    expect(toFtsQuery('camera "body wo')).toBe('"camera" "body wo"*');
  });

  it('turns FTS5 syntax into plain words', () => {
    expect(toFtsQuery('knife OR gun')).toBe('"knife" "OR" "gun"*');
    expect(toFtsQuery('NEAR(knife gun)')).toBe('"NEAR(knife" "gun)"*');
    expect(toFtsQuery('-knife')).toBe('"-knife"*');
    expect(toFtsQuery('body:knife ^start')).toBe('"body:knife" "^start"*');
    expect(toFtsQuery('say "he said ""no"""')).toBe('"say" "he said " "no"');
  });

  it('drops what cannot match anything, and answers null when nothing is left', () => {
    expect(toFtsQuery('*')).toBeNull();
    expect(toFtsQuery('" "')).toBeNull();
    expect(toFtsQuery('- * " ( )')).toBeNull();
    expect(toFtsQuery('knife *')).toBe('"knife"*');
  });

  it('does not prefix-match a single character (it would match half the dictionary)', () => {
    expect(toFtsQuery('section 9 a')).toBe('"section" "9" "a"');
    expect(toFtsQuery('s.9')).toBe('"s.9"');
    expect(toFtsQuery('s.18')).toBe('"s.18"*');
  });

  it('caps the number of terms', () => {
    const many = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
    expect(toFtsQuery(many)?.split(' ')).toHaveLength(24);
  });
});

describe('toSegments', () => {
  it('cuts a marked snippet into text and hit segments, with whitespace tidied', () => {
    expect(toSegments('…the \uE000knife\uE001 was\nfound by \uE000PC\uE001 \uE000Turner\uE001…')).toEqual([
      { text: '…the ', hit: false },
      { text: 'knife', hit: true },
      { text: ' was found by ', hit: false },
      { text: 'PC', hit: true },
      { text: ' ', hit: false },
      { text: 'Turner', hit: true },
      { text: '…', hit: false },
    ]);
    expect(toSegments('')).toEqual([]);
    expect(toSegments('  plain text  ')).toEqual([{ text: 'plain text', hit: false }]);
  });

  it('never yields HTML-looking structure: angle brackets stay text', () => {
    expect(toSegments('<b>\uE000x\uE001</b>')).toEqual([
      { text: '<b>', hit: false },
      { text: 'x', hit: true },
      { text: '</b>', hit: false },
    ]);
  });
});
