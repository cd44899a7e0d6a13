import type { CaseCache } from '../case-cache';

/**
 * "Not kept offline" means the case's documents leave this laptop and free their space. Their rows
 * go back to "queued" so that keeping the case offline again downloads them anew. Rows first, blobs
 * after: a crash in between leaves an orphan blob (harmless, re-verified on the next download),
 * never a "stored" row without its file. Every material's files go, whatever its row says: a
 * "queued" one may have a partial (a download the switch cancelled) or even a finished blob (its
 * "stored" mark lost in a crash, download-queue.ts).
 */
export async function releaseOfflineCopies(cache: CaseCache, caseId: string): Promise<number> {
  const ids = (
    cache.db.prepare('SELECT m.id FROM materials m JOIN documents d ON d.id = m.document_id WHERE d.case_id = ?').all(caseId) as Array<{ id: string }>
  ).map((row) => row.id);
  cache.db.transaction(() => {
    const reset = cache.db.prepare("UPDATE materials SET download_state = 'queued', attempts = 0, next_attempt_at = NULL, error_key = NULL WHERE id = ?");
    for (const id of ids) reset.run(id);
  })();
  let freed = 0;
  for (const id of ids) {
    const size = cache.vault.size(id) ?? 0;
    await cache.vault.delete(id).catch(() => undefined);
    freed += size;
  }
  return freed;
}
