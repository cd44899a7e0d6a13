import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src-preload/api';
import { makeCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';

/** A damaged cache is set aside (never deleted), the app starts on a fresh one, and the user is told. */
describe('a damaged local database', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  it('is moved aside and reported through sync status, and the app keeps working', async () => {
    const dataDir = path.join(temp.dir, 'data');
    const first = makeCore(dataDir);
    const status = await first.dispatch('sync.getStatus', {});
    expect(status).toMatchObject({ ok: true, value: { cacheRecovered: false } });
    await first.dispose();

    const cacheDir = path.join(dataDir, 'cache');
    writeFileSync(path.join(cacheDir, 'cache.db'), Buffer.alloc(8192, 0x5a));
    writeFileSync(path.join(cacheDir, 'cache.db.in-use'), '1'); // as after a crash

    const second = makeCore(dataDir);
    const after = await second.dispatch('sync.getStatus', {});
    expect(after.ok && (after.value as SyncStatus).cacheRecovered).toBe(true);
    await expect(second.dispatch('cases.list', {})).resolves.toEqual({ ok: true, value: [] });
    expect(readdirSync(cacheDir).some((name) => name.startsWith('cache.db.') && name.includes('damaged'))).toBe(true);
    await second.dispose();
  });
});
