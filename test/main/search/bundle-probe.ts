/**
 * Run from an esbuild bundle by search-bundle.test.ts (not a test itself): indexes one PDF through
 * the bundled extraction worker, as the built app would, and prints what search then finds.
 *
 *   node probe.js <dir>
 */
import { SearchIndex } from '../../../src-main/core/search';
import { addCase, addDocument, makePdf, openStore } from './search-fixtures';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: probe <dir>');
const store = openStore(dir);
const c = addCase(store.db);
await addDocument(store, c.caseId, await makePdf(['The bundled worker found the aardvark.', null]));
const index = new SearchIndex({ db: store.db, vault: store.vault, workers: 1 });
index.start();
const deadline = Date.now() + 30_000;
while (index.status().pendingDocuments > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
const answer = index.query({ query: 'aardvark', limit: 5 });
process.stdout.write(`${JSON.stringify({ status: index.status(), total: answer.total, snippet: answer.hits[0]?.snippet })}\n`);
await index.stop();
store.opened.close();
