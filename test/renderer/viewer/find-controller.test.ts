import { describe, expect, it } from 'vitest';
import type { DocumentSession } from '../../../src-renderer/features/viewer/document-session';
import { FindController, type FindStatus, type SelectedMatch } from '../../../src-renderer/features/viewer/find-controller';

/** A document whose pages hold the given (already normalised) text. */
function fakeSession(pages: string[]): DocumentSession {
  return {
    pageCount: pages.length,
    text: async (page: number) => pages[page - 1] ?? '',
    knownText: () => undefined,
  } as unknown as DocumentSession;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('FindController', () => {
  const pages = ['knife on page one', '', 'no hit here', 'a knife, and another knife', 'knife'];

  it('starts where the reader is, counts every page and steps hit by hit, wrapping round', async () => {
    const selected: SelectedMatch[] = [];
    let status: FindStatus | null = null;
    const session = fakeSession(pages);
    const find = new FindController(() => session, (next) => (status = next), (match) => selected.push(match));
    find.start('KNIFE', 3);
    await settle();
    expect(selected[0]).toEqual({ page: 4, index: 0 });
    expect(status).toMatchObject({ total: 4, done: true, selected: 2 });
    await find.next(3);
    await find.next(3);
    await find.next(3);
    expect(selected.slice(1)).toEqual([
      { page: 4, index: 1 },
      { page: 5, index: 0 },
      { page: 1, index: 0 },
    ]);
    await find.previous(1);
    expect(selected.at(-1)).toEqual({ page: 5, index: 0 });
  });

  it('opens a search hit on its page, by its words when the phrase is not there as typed', async () => {
    const selected: SelectedMatch[] = [];
    const session = fakeSession(['', 'the blade and the knife']);
    const find = new FindController(() => session, () => undefined, (match) => selected.push(match));
    await find.startForHit('knife blade', 2);
    await settle();
    expect(selected).toEqual([{ page: 2, index: 0 }]);
    expect(find.matchesOn(2)).toHaveLength(2);
  });
});
