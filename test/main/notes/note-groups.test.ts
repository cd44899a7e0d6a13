/** The renderer's pure pieces of the notes panel and version banner (no DOM needed). */
import { describe, expect, it } from 'vitest';
import type { CaseDetail, Note } from '../../../src-preload/api';
import { groupNotes } from '../../../src-renderer/features/notes/note-groups';
import { pageRuns } from '../../../src-renderer/features/notes/page-ranges';
import { cy } from '../../../src-renderer/i18n/cy';
import { en } from '../../../src-renderer/i18n/en';

function note(id: string, documentId: string, materialId: string, page: number, createdAt = '2025-03-06T10:00:00.000Z'): Note {
  return { id, caseId: 'c', documentId, materialId, page, quote: null, rects: [], body: id, colour: 'yellow', leftOnOldVersion: false, createdAt, updatedAt: createdAt };
}

function material(id: string, uploadedAt: string): CaseDetail['documents'][number]['materials'][number] {
  return { id, uploadedAt, publishedDate: uploadedAt.slice(0, 10), size: 1, pageCount: 3, state: 'stored', errorKey: null };
}

const documents: CaseDetail['documents'] = [
  { id: 'ws', section: 'WS', name: 'MG11 Alex Jones', typeDescription: null, defendantIds: [], isRemoved: false, materials: [material('ws-1', '2025-03-02T10:00:00Z')] },
  {
    id: 'idpc',
    section: 'IDPC',
    name: 'IDPC bundle',
    typeDescription: null,
    defendantIds: [],
    isRemoved: false,
    materials: [material('idpc-1', '2025-03-01T10:00:00Z'), material('idpc-2', '2025-03-05T10:00:00Z')],
  },
];

describe('grouping notes for the panel', () => {
  it('orders documents as the bundle list does, current version first, then by page and time', () => {
    const groups = groupNotes(
      [note('late', 'idpc', 'idpc-2', 4, '2025-03-07T00:00:00Z'), note('early', 'idpc', 'idpc-2', 4), note('old', 'idpc', 'idpc-1', 1), note('p2', 'idpc', 'idpc-2', 2), note('ws', 'ws', 'ws-1', 1), note('lost', 'gone', 'gone-1', 1)],
      documents,
    );
    expect(groups.map((group) => [group.name, group.pages.map((page) => [page.version.kind, page.page, page.notes.map((n) => n.id)])])).toEqual([
      ['IDPC bundle', [['current', 2, ['p2']], ['current', 4, ['early', 'late']], ['earlier', 1, ['old']]]],
      ['MG11 Alex Jones', [['current', 1, ['ws']]]],
      [null, [['unlisted', 1, ['lost']]]],
    ]);
  });

  it('puts the document open in the viewer first', () => {
    const groups = groupNotes([note('a', 'idpc', 'idpc-2', 1), note('b', 'ws', 'ws-1', 1)], documents, 'ws-1');
    expect(groups.map((group) => [group.documentId, group.open])).toEqual([
      ['ws', true],
      ['idpc', false],
    ]);
  });
});

describe('page runs for the version banner', () => {
  it('folds consecutive pages into ranges', () => {
    expect(pageRuns([14, 12, 13, 20, 22, 23])).toEqual([
      [12, 14],
      [20, 20],
      [22, 23],
    ]);
    expect(pageRuns([])).toEqual([]);
  });
});

describe('catalogues', () => {
  it('have the new error key in both languages', () => {
    expect(en.errors.versionChangeNotFound).toBeTruthy();
    expect(cy.errors.versionChangeNotFound).toBeTruthy();
    expect(Object.keys(cy.notes).sort()).toEqual(Object.keys(en.notes).sort());
    expect(Object.keys(cy.versions).sort()).toEqual(Object.keys(en.versions).sort());
  });
});
