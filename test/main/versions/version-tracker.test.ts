import { describe, expect, it, vi } from 'vitest';
import { BluebagError } from '../../../src-main/core/errors';
import { VersionTracker } from '../../../src-main/core/versions';
import { indexMaterial, insertNote, noteRows, openTestDb, seedCase, seedDocument, seedMaterial, type TestDb } from '../notes/reading-fixtures';

const CASE = 'case-1';
const DOC = 'doc-idpc';
const V1 = 'material-v1';
const V2 = 'material-v2';
const RECT = [{ x: 0.1, y: 0.2, w: 0.3, h: 0.02 }];

const charge = 'Charge sheet. The defendant is charged with theft of a bicycle from Station Road.';
const summary = 'Case summary. Officers attended at 21:40 and found the complainant distressed.';
const statement = 'Statement of Alex Jones. I saw a man in a red jacket riding away quickly.';
const interview = 'Record of interview. The defendant made no comment to all questions.';
const schedule = 'Unused material schedule. Item 1: CCTV from the shop opposite, not viewed.';
const further = 'Further statement of Alex Jones. I now recall the jacket was dark red.';

function setUp(pagesV1: readonly string[], pagesV2: readonly string[] | null): TestDb {
  const test = openTestDb();
  seedCase(test.db, { id: CASE, urn: '01AB2345678', defendants: [{ first: 'Sam', last: 'Taylor' }] });
  seedDocument(test.db, { id: DOC, caseId: CASE, name: 'IDPC bundle - 01AB2345678', section: 'IDPC' });
  seedMaterial(test.db, { id: V1, documentId: DOC, uploadedAt: '2025-03-01T16:42:00+00:00', pages: pagesV1 });
  if (pagesV2) seedMaterial(test.db, { id: V2, documentId: DOC, uploadedAt: '2025-03-05T09:15:00+00:00', pages: pagesV2 });
  return test;
}

function note(test: TestDb, id: string, page: number, quote: string | null, materialId = V1): void {
  insertNote(test.db, { id, caseId: CASE, documentId: DOC, materialId, page, quote, rects: quote === null ? [] : RECT, body: `body of ${id}` });
}

describe('a new version of a bundle', () => {
  it('reports an inserted page and carries notes to their shifted pages, keeping highlights on unchanged pages', () => {
    const test = setUp([charge, summary, statement, interview], [charge, summary, further, statement, interview]);
    note(test, 'n1', 3, 'I saw a man in a red jacket');
    note(test, 'n2', 4, 'made no   COMMENT'); // different spacing and case: still the same words
    note(test, 'n3', 1, null); // a page note on an unchanged page
    const changed = vi.fn();
    const [change, ...others] = new VersionTracker({ db: test.db, onChanged: changed }).check();

    expect(others).toEqual([]);
    expect(change).toEqual({
      documentId: DOC,
      documentName: 'IDPC bundle - 01AB2345678',
      oldMaterialId: V1,
      newMaterialId: V2,
      oldPages: 4,
      newPages: 5,
      pagesAdded: [3],
      pagesRemoved: [],
      notesCarried: 3,
      notesLeft: 0,
    });
    expect(noteRows(test.db).map(({ id, material_id, page, rects_json, left_on_old_version }) => ({ id, material_id, page, rects_json, left_on_old_version }))).toEqual([
      { id: 'n1', material_id: V2, page: 4, rects_json: JSON.stringify(RECT), left_on_old_version: 0 },
      { id: 'n2', material_id: V2, page: 5, rects_json: JSON.stringify(RECT), left_on_old_version: 0 },
      { id: 'n3', material_id: V2, page: 1, rects_json: '[]', left_on_old_version: 0 },
    ]);
    expect(changed).toHaveBeenCalledWith(CASE);
  });

  it('reports removed pages; a quote found elsewhere moves without its boxes, a quote gone is flagged, nothing is dropped', () => {
    const moved = `${schedule} Also: I saw a man in a red jacket riding away quickly.`;
    const test = setUp([charge, summary, statement, interview, schedule], [charge, interview, moved]);
    note(test, 'gone', 2, 'found the complainant distressed'); // page 2 withdrawn, text nowhere else
    note(test, 'shifted', 3, 'I saw a man in a red jacket'); // page 3 withdrawn, words now on the new page 3
    note(test, 'kept', 4, 'no comment'); // page 4 is now page 2, unchanged
    note(test, 'pageNoteGone', 2, null); // a page note on a withdrawn page
    const before = noteRows(test.db);
    const [change] = new VersionTracker({ db: test.db }).check();

    expect(change).toMatchObject({ oldPages: 5, newPages: 3, pagesAdded: [3], pagesRemoved: [2, 3, 5], notesCarried: 2, notesLeft: 2 });
    const after = new Map(noteRows(test.db).map((row) => [row.id, row]));
    expect(after.size).toBe(before.length);
    expect(after.get('gone')).toMatchObject({ material_id: V1, page: 2, left_on_old_version: 1, rects_json: JSON.stringify(RECT), quote: 'found the complainant distressed' });
    expect(after.get('pageNoteGone')).toMatchObject({ material_id: V1, page: 2, left_on_old_version: 1 });
    expect(after.get('shifted')).toMatchObject({ material_id: V2, page: 3, left_on_old_version: 0, rects_json: '[]', quote: 'I saw a man in a red jacket' });
    expect(after.get('kept')).toMatchObject({ material_id: V2, page: 2, left_on_old_version: 0, rects_json: JSON.stringify(RECT) });
    // Bodies are the user's words: never touched.
    for (const row of before) expect(after.get(row.id)?.body).toBe(row.body);
  });

  it('carries a highlight to an edited page but drops its boxes, since the words may have moved on the page', () => {
    const edited = statement.replace('Alex Jones', 'Alexandra Jones');
    const test = setUp([charge, statement], [charge, edited]);
    note(test, 'n1', 2, 'red jacket');
    note(test, 'p1', 2, null);
    const [change] = new VersionTracker({ db: test.db }).check();
    expect(change).toMatchObject({ pagesAdded: [2], pagesRemoved: [2], notesCarried: 1, notesLeft: 1 });
    expect(noteRows(test.db)).toMatchObject([
      { id: 'n1', material_id: V2, page: 2, rects_json: '[]', left_on_old_version: 0 },
      { id: 'p1', material_id: V1, page: 2, left_on_old_version: 1 },
    ]);
  });

  it('prefers the copy of a repeated quote on the page the old page became', () => {
    const test = setUp([charge, 'Exhibit AJ/1 receipt', summary], ['Exhibit AJ/1 receipt', charge, 'Exhibit AJ/1 receipt', summary]);
    note(test, 'n1', 2, 'exhibit aj/1');
    new VersionTracker({ db: test.db }).check();
    expect(noteRows(test.db)[0]).toMatchObject({ material_id: V2, page: 3, rects_json: JSON.stringify(RECT) });
  });

  it('never claims a scanned page is unchanged: page notes on scans stay, flagged', () => {
    const test = setUp([charge, '', ''], [charge, '', '', '']);
    note(test, 'scan', 2, null);
    const [change] = new VersionTracker({ db: test.db }).check();
    expect(change).toMatchObject({ pagesAdded: [4], pagesRemoved: [], notesCarried: 0, notesLeft: 1 });
    expect(noteRows(test.db)[0]).toMatchObject({ material_id: V1, left_on_old_version: 1 });
  });

  it('waits until both versions are indexed', () => {
    const test = setUp([charge, statement], null);
    seedMaterial(test.db, { id: V2, documentId: DOC, uploadedAt: '2025-03-05T09:15:00+00:00' });
    note(test, 'n1', 2, 'red jacket');
    const tracker = new VersionTracker({ db: test.db });
    expect(tracker.check()).toEqual([]);
    expect(noteRows(test.db)[0]).toMatchObject({ material_id: V1, left_on_old_version: 0 });
    indexMaterial(test.db, V2, [further, charge, statement]);
    expect(tracker.check()).toMatchObject([{ pagesAdded: [1], notesCarried: 1 }]);
    expect(noteRows(test.db)[0]).toMatchObject({ material_id: V2, page: 3 });
  });

  it('does nothing for a document with one version', () => {
    const test = setUp([charge], null);
    note(test, 'n1', 1, 'charge sheet');
    expect(new VersionTracker({ db: test.db }).check()).toEqual([]);
    expect(test.db.prepare('SELECT count(*) AS n FROM version_changes').get()).toEqual({ n: 0 });
  });

  it('is idempotent, also across a restart', () => {
    let test = setUp([charge, summary, statement], [charge, further, statement]);
    note(test, 'n1', 3, 'red jacket');
    note(test, 'n2', 2, 'distressed');
    const onChanged = vi.fn();
    expect(new VersionTracker({ db: test.db, onChanged }).check()).toHaveLength(1);
    const afterFirst = noteRows(test.db);
    const rowFirst = test.db.prepare('SELECT * FROM version_changes').all();
    expect(new VersionTracker({ db: test.db, onChanged }).check()).toEqual([]);
    test = test.reopen();
    expect(new VersionTracker({ db: test.db, onChanged }).check()).toEqual([]);
    expect(noteRows(test.db)).toEqual(afterFirst);
    expect(test.db.prepare('SELECT * FROM version_changes').all()).toEqual(rowFirst);
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('is crash-safe: a failure part-way leaves every note where it was, and the next run completes', () => {
    const test = setUp([charge, summary, statement], [charge, statement]);
    note(test, 'n1', 3, 'red jacket');
    note(test, 'n2', 2, 'distressed');
    const before = noteRows(test.db);
    // Fails the last write of the transaction, after the notes have been updated inside it.
    test.db.exec(`CREATE TEMP TRIGGER fail_change BEFORE INSERT ON main.version_changes BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;`);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(new VersionTracker({ db: test.db }).check()).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('[versions]'), 'SqliteError');
    expect(JSON.stringify(log.mock.calls)).not.toContain('jacket');
    log.mockRestore();
    expect(noteRows(test.db)).toEqual(before);
    test.db.exec('DROP TRIGGER fail_change');
    expect(new VersionTracker({ db: test.db }).check()).toMatchObject([{ notesCarried: 1, notesLeft: 1 }]);
  });

  it('dismisses: the change is no longer offered, the old material and flagged notes stay', () => {
    const test = setUp([charge, summary], [charge]);
    note(test, 'n1', 2, 'distressed');
    const onChanged = vi.fn();
    const tracker = new VersionTracker({ db: test.db, onChanged });
    tracker.check();
    expect(tracker.list(CASE)).toHaveLength(1);
    tracker.dismiss(DOC);
    tracker.dismiss(DOC); // twice is fine
    expect(tracker.list(CASE)).toEqual([]);
    expect(onChanged).toHaveBeenLastCalledWith(CASE);
    expect(test.db.prepare('SELECT count(*) AS n FROM materials WHERE id = ?').get(V1)).toEqual({ n: 1 });
    expect(noteRows(test.db)[0]).toMatchObject({ material_id: V1, left_on_old_version: 1 });
    expect(() => tracker.dismiss('no-such-document')).toThrow(BluebagError);
    try {
      tracker.dismiss('no-such-document');
    } catch (error) {
      expect(error).toMatchObject({ code: 'not_found', messageKey: 'errors.versionChangeNotFound' });
    }
  });

  it('a third version is offered again, carries notes on from the second, and leaves flagged notes alone', () => {
    const test = setUp([charge, summary, statement], [charge, statement]);
    note(test, 'flagged', 2, 'distressed');
    note(test, 'carried', 3, 'red jacket');
    const tracker = new VersionTracker({ db: test.db });
    tracker.check();
    tracker.dismiss(DOC);
    seedMaterial(test.db, { id: 'material-v3', documentId: DOC, uploadedAt: '2025-03-07T08:00:00Z', pages: [further, charge, statement] });
    expect(tracker.check()).toMatchObject([{ oldMaterialId: V2, newMaterialId: 'material-v3', pagesAdded: [1], notesCarried: 1, notesLeft: 0 }]);
    expect(tracker.list(CASE)).toHaveLength(1);
    expect(noteRows(test.db)).toMatchObject([
      { id: 'carried', material_id: 'material-v3', page: 3 },
      { id: 'flagged', material_id: V1, left_on_old_version: 1 },
    ]);
  });

  it('orders versions by upload instant, not by the text of the time', () => {
    const test = openTestDb();
    seedCase(test.db, { id: CASE, urn: '01AB2345678', defendants: [] });
    seedDocument(test.db, { id: DOC, caseId: CASE, name: 'IDPC', section: 'IDPC' });
    // 10:30+02:00 is 08:30Z: earlier than 09:00Z even though it sorts later as a string.
    seedMaterial(test.db, { id: 'early', documentId: DOC, uploadedAt: '2025-03-05T10:30:00+02:00', pages: [charge] });
    seedMaterial(test.db, { id: 'late', documentId: DOC, uploadedAt: '2025-03-05T09:00:00Z', pages: [charge, summary] });
    expect(new VersionTracker({ db: test.db }).check()).toMatchObject([{ oldMaterialId: 'early', newMaterialId: 'late', pagesAdded: [2] }]);
  });

  it('lists only the asked case, and not once CP no longer lists the old version', () => {
    const test = setUp([charge, summary], [charge]);
    const tracker = new VersionTracker({ db: test.db });
    tracker.check();
    expect(tracker.list('another-case')).toEqual([]);
    test.db.prepare('DELETE FROM materials WHERE id = ?').run(V1);
    expect(tracker.list(CASE)).toEqual([]);
  });
});
