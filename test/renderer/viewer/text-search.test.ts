import { describe, expect, it } from 'vitest';
import { buildPageText, findMatches, matchSegments, normaliseText, parseFindQuery } from '../../../src-renderer/features/viewer/text-search';

describe('find text', () => {
  const items = [
    { str: 'The defendant said “I didn’t', hasEOL: true },
    { str: 'do nothing”. Dŵr ', hasEOL: false },
    { str: 'ﬁnal   statement', hasEOL: false },
  ];

  it('ignores case, accents, quote shapes, ligatures and runs of spaces', () => {
    const page = buildPageText(items);
    expect(page.text).toBe('the defendant said "i didn\'t do nothing". dwr final statement');
    expect(findMatches(page.text, parseFindQuery("I DIDN'T DO") ?? { phrase: '', terms: null })).toHaveLength(1);
    expect(findMatches(page.text, parseFindQuery('dwr') ?? { phrase: '', terms: null })).toHaveLength(1);
    expect(normaliseText('  Final\n Statement ')).toBe('final statement');
  });

  it('maps a hit across a line end back to the spans it covers', () => {
    const page = buildPageText(items);
    const [hit] = findMatches(page.text, parseFindQuery('didn’t do nothing') ?? { phrase: '', terms: null });
    expect(hit).toBeDefined();
    if (!hit) return;
    const segments = matchSegments(page, hit, items.map((item) => item.str));
    expect(segments).toEqual([
      { item: 0, from: 22, to: 28 },
      { item: 1, from: 0, to: 10 },
    ]);
    expect(items[0]?.str.slice(22, 28)).toBe('didn’t');
  });

  it('drops what only means something to the full-text index, and can look for the words apart', () => {
    expect(parseFindQuery('"knife" AND blade*')).toEqual({ phrase: 'knife blade', terms: null });
    const terms = parseFindQuery('statement nothing', true);
    expect(terms?.terms).toEqual(['statement', 'nothing']);
    const page = buildPageText(items);
    expect(findMatches(page.text, terms ?? { phrase: '', terms: null }).map((match) => page.text.slice(match.start, match.end))).toEqual(['nothing', 'statement']);
    expect(parseFindQuery('   ')).toBeNull();
  });
});
