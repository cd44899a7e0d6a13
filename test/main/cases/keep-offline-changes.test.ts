import { describe, expect, it } from 'vitest';
import { CasesService } from '../../../src-main/core/cases/cases-service';
import { createCpClient } from '../../../src-main/core/cp';
import { expectNoUnrecordedBlobs, expectStoredHashesCorrect, firm1Token, openTestCache, sandboxForTest, syncFully, waitFor } from '../sync/sync-fixtures';

describe('"keep offline" switched off and straight back on', () => {
  it('the second change waits for the first: every document is on the laptop again, none marked stored without its file', async () => {
    const sb = await sandboxForTest();
    const { cache } = await openTestCache(sb);
    await syncFully(cache);
    const service = new CasesService({
      cache,
      client: createCpClient({ baseUrl: sb.url, accessToken: () => firm1Token(sb) }),
      signedIn: () => true,
      budgetBytes: () => null,
      emitSync: () => undefined,
      emitCases: () => undefined,
    });
    try {
      const { caseId, n } = cache.db
        .prepare('SELECT d.case_id AS caseId, count(*) AS n FROM materials m JOIN documents d ON d.id = m.document_id GROUP BY d.case_id ORDER BY n DESC LIMIT 1')
        .get() as { caseId: string; n: number };
      expect(n).toBeGreaterThan(2);
      // A slow disk: each file takes a while to remove, and "on" arrives once "off" has begun removing
      // them. Were the two to run at once, the queue would fetch the documents again while the removal
      // went on, and the removal would then delete files under rows marked stored.
      const remove = cache.vault.delete.bind(cache.vault);
      let removing: () => void = () => undefined;
      const removalStarted = new Promise<void>((resolve) => {
        removing = resolve;
      });
      cache.vault.delete = async (id: string) => {
        removing();
        await new Promise((resolve) => setTimeout(resolve, 40));
        return remove(id);
      };

      const off = service.setKeepOffline(caseId, false);
      await removalStarted;
      const on = service.setKeepOffline(caseId, true);
      await expect(off).resolves.toMatchObject({ keepOffline: false });
      await expect(on).resolves.toMatchObject({ keepOffline: true });
      const rows = () => cache.db.prepare("SELECT download_state AS state FROM materials m JOIN documents d ON d.id = m.document_id WHERE d.case_id = ?").all(caseId) as Array<{ state: string }>;
      await waitFor('the case downloaded again', () => rows().every((row) => row.state === 'stored'));
      await cache.queue.whenIdle();
      expect(rows()).toHaveLength(n);
      await expectStoredHashesCorrect(cache);
      expectNoUnrecordedBlobs(cache);
    } finally {
      await service.stop();
    }
  });
});
