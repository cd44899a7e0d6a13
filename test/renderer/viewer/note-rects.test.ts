import { describe, expect, it } from 'vitest';
import { mergeLineRects, toPageFractions } from '../../../src-renderer/features/viewer/note-rects';

describe('highlight boxes', () => {
  const page = { left: 100, top: 50, width: 600, height: 800 };

  it('are fractions of the unrotated page, whatever the rotation on screen', () => {
    const box = { left: 160, top: 130, width: 120, height: 16 };
    const straight = toPageFractions(box, page, 0);
    for (const [key, value] of Object.entries({ x: 0.1, y: 0.1, w: 0.2, h: 0.02 })) expect(straight[key as keyof typeof straight]).toBeCloseTo(value);
    // The same words with the page turned a quarter clockwise: drawn box 800 wide, 600 tall.
    const turned = { left: 100, top: 50, width: 800, height: 600 };
    const drawn = { left: 100 + 800 * (1 - 0.1 - 0.02), top: 50 + 600 * 0.1, width: 800 * 0.02, height: 600 * 0.2 };
    const back = toPageFractions(drawn, turned, 90);
    expect(back.x).toBeCloseTo(0.1);
    expect(back.y).toBeCloseTo(0.1);
    expect(back.w).toBeCloseTo(0.2);
    expect(back.h).toBeCloseTo(0.02);
    const upsideDown = toPageFractions({ left: 100 + 600 * 0.7, top: 50 + 800 * 0.88, width: 120, height: 16 }, page, 180);
    expect(upsideDown.x).toBeCloseTo(0.1);
    expect(upsideDown.y).toBeCloseTo(0.1);
  });

  it('merge into one box per line', () => {
    const merged = mergeLineRects([
      { x: 0.1, y: 0.1, w: 0.1, h: 0.02 },
      { x: 0.205, y: 0.101, w: 0.1, h: 0.019 },
      { x: 0.1, y: 0.13, w: 0.3, h: 0.02 },
      { x: 0.5, y: 0.5, w: 0, h: 0.02 },
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0]?.w).toBeCloseTo(0.205);
  });
});
