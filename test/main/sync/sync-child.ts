/**
 * Child process for the SIGKILL test (not a test itself): opens the cache in `dir`, syncs firm 1's
 * associated cases from the sandbox at `url` and downloads every document, printing progress lines, and
 * exits 0 once everything is stored — unless the parent kills it first.
 *
 *   SYNC_CHILD_KEY=<master key hex> SYNC_CHILD_TOKEN=<access token> node --import tsx sync-child.ts <dir> <url> [pageSize]
 *
 * Lines: `opened <unclean>` · `page <n>` (a delta page committed) · `synced` · `stored <n>/<total>` · `done`;
 * `syncError <key>` and `failed <key>` say what went wrong, for the parent's report.
 *
 * SYNC_CHILD_DIE_AFTER_REMOVAL=1 makes it SIGKILL itself as soon as a page that removed a case has
 * committed: the crash lands exactly between the removal and the deletion of that case's documents.
 */
import { openCaseCache } from '../../../src-main/core/case-cache';
import { createCpClient } from '../../../src-main/core/cp';

const [dir, url, pageSizeText] = process.argv.slice(2);
const keyHex = process.env.SYNC_CHILD_KEY;
const token = process.env.SYNC_CHILD_TOKEN;
if (!dir || !url || !keyHex || !token) throw new Error('usage: SYNC_CHILD_KEY=… SYNC_CHILD_TOKEN=… sync-child <dir> <url> [pageSize]');

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const client = createCpClient({ baseUrl: url, accessToken: () => Promise.resolve(token) });
const cache = openCaseCache({
  dir,
  masterKey: Buffer.from(keyHex, 'hex'),
  client,
  ...(pageSizeText ? { deltaPageSize: Number(pageSizeText) } : {}),
  onCasesChanged: (ids) => {
    const removed = ids.some((id) => cache.db.prepare('SELECT 1 FROM cases WHERE id = ?').get(id) === undefined);
    if (removed && process.env.SYNC_CHILD_DIE_AFTER_REMOVAL === '1') process.kill(process.pid, 'SIGKILL');
    say(`page ${ids.length}`);
  },
});
say(`opened ${cache.opened.uncleanShutdown ? 1 : 0}`);
cache.queue.start();

const deadline = Date.now() + 30_000;
for (;;) {
  const state = await cache.engine.syncNow();
  if (state.state === 'idle') break;
  say(`syncError ${state.errorKey ?? '?'}`);
  if (Date.now() > deadline) process.exit(2);
  await sleep(200);
}
say('synced');

const counts = cache.db.prepare(
  "SELECT count(*) AS total, coalesce(sum(download_state = 'stored'), 0) AS stored, coalesce(sum(download_state = 'failed'), 0) AS failed FROM materials",
);
let last = -1;
let lastFailed = 0;
for (;;) {
  const { total, stored, failed } = counts.get() as { total: number; stored: number; failed: number };
  if (stored !== last) say(`stored ${stored}/${total}`);
  last = stored;
  if (stored === total) break;
  if (failed > lastFailed) {
    const row = cache.db.prepare("SELECT error_key FROM materials WHERE download_state = 'failed' LIMIT 1").get() as { error_key: string | null };
    say(`failed ${row.error_key ?? '?'}`);
  }
  lastFailed = failed;
  if (Date.now() > deadline) process.exit(3);
  await sleep(10);
}
await cache.queue.whenIdle();
await cache.close();
say('done');
