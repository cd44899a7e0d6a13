/**
 * A process killed mid-index leaves nothing half-indexed: the document stays pending with whole batches
 * of pages written (pages and their FTS rows in the same transactions), and the next start resumes
 * after the last page written, so every page ends up indexed exactly once.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src-main/core/search';
import { makeTempDir } from '../../helpers/temp-dir';
import { addCase, addDocument, indexState, makePdf, openStore, until } from './search-fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const childScript = path.join(here, 'search-child.ts');
const PAGES = 480;

/** Runs the child until it has committed more than `beyond` pages of the pending document, then SIGKILLs it. */
function runChildAndKill(dir: string, key: Buffer, beyond: number): Promise<{ killed: boolean; pages: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, dir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SEARCH_CHILD_KEY: key.toString('hex') },
  });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  let pages = 0;
  let killed = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const match = /^pages (\d+)$/.exec(line);
    if (!match || killed) return;
    pages = Number(match[1]);
    if (pages > beyond) {
      killed = true;
      child.kill('SIGKILL');
    }
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ killed: signal === 'SIGKILL', pages });
      else reject(new Error(`child exited ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

describe('indexing killed mid-document', () => {
  const temp = makeTempDir('bluebag-search-kill-');
  afterAll(() => temp.cleanup());

  it('resumes after every kill and ends with each page indexed exactly once', { timeout: 180_000 }, async () => {
    const key = randomBytes(32);
    const pages = Array.from({ length: PAGES }, (_, i) => (i % 7 === 6 ? null : `Page marker kp${i + 1}x of the long bundle. The witness describes the events in detail.`));
    const textPages = pages.filter((p) => p !== null).length;
    let setup = openStore(temp.dir, key);
    const c = addCase(setup.db);
    const big = await addDocument(setup, c.caseId, await makePdf(pages), { name: 'Long bundle' });
    const small = await addDocument(setup, c.caseId, await makePdf(['A small document about otters.']));
    setup.opened.close();

    let kills = 0;
    let seen = 0;
    for (let round = 0; round < 6 && kills < 3; round++) {
      const { killed, pages: at } = await runChildAndKill(temp.dir, key, seen);
      if (!killed) break;
      kills++;
      seen = at;
      // What the kill left: pending, whole batches, pages and FTS rows in step.
      const check = openStore(temp.dir, key);
      expect(check.opened.uncleanShutdown).toBe(true);
      const state = indexState(check.db, big.materialId);
      const written = check.db.prepare('SELECT count(*) AS n, coalesce(max(page), 0) AS last, coalesce(sum(has_text), 0) AS text FROM page_texts WHERE material_id = ?').get(big.materialId) as { n: number; last: number; text: number };
      const fts = (check.db.prepare('SELECT count(*) AS n FROM page_fts WHERE material_id = ?').get(big.materialId) as { n: number }).n;
      check.opened.close();
      if (state === 'indexed') break;
      expect(state).toBe('pending');
      expect(written.last).toBe(written.n);
      expect(fts).toBe(written.text);
    }
    expect(kills).toBeGreaterThan(0);

    setup = openStore(temp.dir, key);
    const index = new SearchIndex({ db: setup.db, vault: setup.vault, workers: 1 });
    try {
      index.start();
      await until(() => index.status(), (s) => s.pendingDocuments === 0, 120_000);
      expect(indexState(setup.db, big.materialId)).toBe('indexed');
      expect(indexState(setup.db, small.materialId)).toBe('indexed');
      expect(index.pageInfo(big.materialId)).toMatchObject({ indexed: true, pageCount: PAGES });
      expect(index.pageInfo(big.materialId).imageOnlyPages).toEqual(pages.flatMap((p, i) => (p === null ? [i + 1] : [])));
      const fts = (setup.db.prepare('SELECT count(*) AS n, count(DISTINCT page) AS pages FROM page_fts WHERE material_id = ?').get(big.materialId) as { n: number; pages: number });
      expect(fts).toEqual({ n: textPages, pages: textPages });
      for (const page of [1, 2, PAGES - 1, Math.floor(PAGES / 2)]) {
        if (pages[page - 1] === null) continue;
        const hits = index.query({ query: `kp${page}x`, limit: 5 }).hits;
        expect(hits.map((h) => h.page), `page ${page}`).toEqual([page]);
      }
      expect(index.query({ query: 'otters', limit: 5 }).total).toBe(1);
    } finally {
      await index.stop();
      setup.opened.close();
    }
  });
});
