import type { Database } from '../../../src-main/core/db';
import { insertNote, seedCase, seedDocument, seedMaterial } from './reading-fixtures';

export const CASE_ID = 'case-export';

/**
 * One case with notes everywhere an export must cope with: two versions of the IDPC bundle (notes on
 * both, one flagged), a statement, a page note, text that looks like Markdown, Welsh letters, and a
 * note whose document CP no longer lists.
 */
export function seedExportCase(db: Database): void {
  seedCase(db, { id: CASE_ID, urn: '01AB2345678', defendants: [{ first: 'Sam', last: 'Taylor' }, { organisation: 'Acme Haulage Ltd' }] });
  seedDocument(db, { id: 'doc-ws', caseId: CASE_ID, name: 'MG11 statement of Alex Jones', section: 'WS' });
  seedDocument(db, { id: 'doc-idpc', caseId: CASE_ID, name: 'IDPC bundle - 01AB2345678', section: 'IDPC' });
  seedMaterial(db, { id: 'idpc-v1', documentId: 'doc-idpc', uploadedAt: '2025-03-01T16:42:00Z', publishedDate: '2025-03-01' });
  seedMaterial(db, { id: 'idpc-v2', documentId: 'doc-idpc', uploadedAt: '2025-03-05T09:15:00Z', publishedDate: '2025-03-05' });
  seedMaterial(db, { id: 'ws-v1', documentId: 'doc-ws', uploadedAt: '2025-03-02T11:05:00Z' });

  const common = { caseId: CASE_ID, createdAt: '2025-03-06T10:00:00.000Z' };
  insertNote(db, { ...common, id: 'a', documentId: 'doc-idpc', materialId: 'idpc-v2', page: 12, quote: 'I saw a man in a red jacket', body: 'Identification weak: distance?\nCheck lighting.', colour: 'yellow' });
  insertNote(db, {
    ...common,
    id: 'b',
    documentId: 'doc-idpc',
    materialId: 'idpc-v2',
    page: 3,
    quote: null,
    rects: [],
    body: '# not a heading, *not bold*, [not a link](x)',
    colour: 'green',
    createdAt: '2025-03-06T09:00:00.000Z',
    updatedAt: '2025-03-07T14:30:00.000Z',
  });
  insertNote(db, { ...common, id: 'c', documentId: 'doc-idpc', materialId: 'idpc-v1', page: 7, quote: 'found the complainant distressed', body: 'Res gestae?', colour: 'pink', leftOnOldVersion: true });
  insertNote(db, { ...common, id: 'd', documentId: 'doc-ws', materialId: 'ws-v1', page: 1, quote: 'dark red', body: 'Gŵr ifanc — ŷd', colour: 'blue' });
  insertNote(db, { ...common, id: 'e', documentId: 'doc-gone', materialId: 'gone-v1', page: 2, body: 'Still here', colour: 'yellow' });
}
