/**
 * Child process for the kill test (not a test itself): opens the store in `dir` and indexes whatever is
 * pending, printing `pages <n>` whenever more pages of a still-pending document are committed, and
 * `done` once nothing is pending — unless the parent SIGKILLs it first.
 *
 *   SEARCH_CHILD_KEY=<master key hex> node --import tsx search-child.ts <dir>
 */
import { SearchIndex } from '../../../src-main/core/search';
import { openStore } from './search-fixtures';

const [dir] = process.argv.slice(2);
const keyHex = process.env.SEARCH_CHILD_KEY;
if (!dir || !keyHex) throw new Error('usage: SEARCH_CHILD_KEY=… search-child <dir>');

const store = openStore(dir, Buffer.from(keyHex, 'hex'));
const index = new SearchIndex({ db: store.db, vault: store.vault, workers: 1 });
const partialPages = store.db.prepare(
  "SELECT count(*) AS n FROM page_texts pt JOIN materials m ON m.id = pt.material_id WHERE m.index_state = 'pending'",
);
index.start();
let last = -1;
for (;;) {
  const { n } = partialPages.get() as { n: number };
  if (n !== last) process.stdout.write(`pages ${n}\n`);
  last = n;
  if (index.status().pendingDocuments === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 5));
}
await index.stop();
store.opened.close();
process.stdout.write('done\n');
