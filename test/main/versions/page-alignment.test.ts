import { describe, expect, it } from 'vitest';
import { alignPages, NO_TEXT } from '../../../src-main/core/versions/page-alignment';
import { pageComparisonText } from '../../../src-main/core/versions/text-normalisation';

describe('aligning the pages of two versions', () => {
  it('sees one inserted page as one page added, not every later page changed', () => {
    const alignment = alignPages([1, 2, 3, 4, 5], [1, 2, 9, 3, 4, 5]);
    expect(alignment.added).toEqual([3]);
    expect(alignment.removed).toEqual([]);
    expect(alignment.oldToNew).toEqual([1, 2, 4, 5, 6]);
  });

  it('sees removed pages and a replaced page', () => {
    const alignment = alignPages([1, 2, 3, 4, 5, 6], [1, 3, 7, 5, 6]);
    expect(alignment.removed).toEqual([2, 4]);
    expect(alignment.added).toEqual([3]);
    expect(alignment.oldToNew).toEqual([1, null, 2, null, 4, 5]);
  });

  it('handles empty versions', () => {
    expect(alignPages([], [1, 2])).toMatchObject({ added: [1, 2], removed: [] });
    expect(alignPages([1, 2], [])).toMatchObject({ added: [], removed: [1, 2] });
  });

  it('lets scanned pages pair up so counts stay plausible', () => {
    const alignment = alignPages([1, NO_TEXT, NO_TEXT, NO_TEXT, 2], [1, NO_TEXT, 2]);
    expect(alignment.removed).toHaveLength(2);
    expect(alignment.added).toEqual([]);
  });

  it('aligns very long bundles whose first and last pages both changed (the large-table path)', () => {
    const old = Array.from({ length: 2500 }, (_, i) => i + 10);
    const next = [...old];
    next[0] = 99_001;
    next[next.length - 1] = 99_002;
    next.splice(1200, 0, 99_003, 99_004);
    next.splice(300, 1);
    const alignment = alignPages(old, next);
    expect(alignment.added).toEqual([1, 1200, 1201, 2501]);
    expect(alignment.removed).toEqual([1, 301, 2500]);
    expect(alignment.oldToNew[1999]).toBe(2001);
  });

  it('ignores "Page n of N" stamps when comparing pages', () => {
    expect(pageComparisonText('Statement of A\nPage 3 of 40')).toBe(pageComparisonText('Statement  of a Page 4 of 41'));
    expect(pageComparisonText('Datganiad\nTudalen 3 o 40')).toBe(pageComparisonText('datganiad tudalen 9 o 12'));
  });
});
