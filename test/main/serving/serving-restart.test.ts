import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxStatus, ServiceItem, SyncStatus } from '../../../src-preload/api';
import { magistratesCase, openCacheDatabase, outboxVaultFiles, sha256Hex, startServingWorld, tinyPdf, until, type ServingWorld } from './serving-fixtures';

const defendantId = magistratesCase.defendants[0]?.id ?? '';

/**
 * What is queued survives: a restart, a sign-out that keeps unsent work, and a damaged database
 * (queued documents are local-only work, salvaged). A sign-out that discards removes them and their
 * copies. Whatever happens, CP accepts each document once.
 */
describe('queued documents across restarts, sign-out and a damaged database', () => {
  let world: ServingWorld;
  beforeAll(async () => {
    world = await startServingWorld();
  });
  afterAll(async () => {
    await world.dispose();
  });

  const queueOffline = async (label: string): Promise<{ item: ServiceItem; sha: string }> => {
    await world.sb.setFaults({ offline: true });
    const pdf = tinyPdf(label, 100_000);
    const staged = await world.stage(magistratesCase.id, `${label}.pdf`, pdf);
    if (!('item' in staged)) throw new Error(staged.error.messageKey);
    await world.call('serving.queue', { itemIds: [staged.item.id], defendantIds: [defendantId], documentType: 'notice' });
    return { item: staged.item, sha: sha256Hex(pdf) };
  };
  const list = () => world.call<{ items: ServiceItem[]; status: OutboxStatus }>('serving.list', {});
  const stateOf = async (id: string) => (await list()).items.find((i) => i.id === id)?.state;
  const acceptedOnServer = (sha: string) => Object.values(world.sb.stats().uploads.byIdempotencyKey).filter((u) => u.sha256 === sha);

  it('a restart keeps the queue; it is sent once CP can be reached', async () => {
    const one = await queueOffline('restart-one');
    const two = await queueOffline('restart-two');
    await world.restart();
    // The new run tries at once, cannot reach CP (or has no session yet), and the items wait: queued, not served.
    await until(() => list(), (l) => l.items.length === 2 && l.items.every((i) => i.state === 'queued') && l.items.some((i) => i.errorKey !== null));
    expect((await list()).status.unsent).toBe(2);
    // CP's clock as last seen came through the restart: offline, the forecast still knows it, and how old it is.
    const forecast = await world.call<{ serverNow: string | null; observedAgoMs: number | null }>('serving.forecast');
    expect(forecast.serverNow).not.toBeNull();
    expect(forecast.observedAgoMs).toBeGreaterThanOrEqual(0);
    await world.sb.setFaults({ offline: false });
    await until(() => list(), (l) => l.items.filter((i) => i.state === 'accepted').length === 2);
    expect(acceptedOnServer(one.sha)).toEqual([expect.objectContaining({ accepted: 1 })]);
    expect(acceptedOnServer(two.sha)).toEqual([expect.objectContaining({ accepted: 1 })]);
  });

  it('sign-out keeping unsent work: still queued at the next sign-in, then sent', async () => {
    const kept = await queueOffline('kept');
    expect(await world.call('session.unsentCount')).toEqual({ count: 1 });
    await world.call('session.signOut', { unsentWork: 'keep' });
    expect(await stateOf(kept.item.id)).toBe('queued');
    expect(outboxVaultFiles(world.dataDir)).toHaveLength(1);
    await world.sb.setFaults({ offline: false });
    await world.signIn();
    await until(() => stateOf(kept.item.id), (state) => state === 'accepted');
    expect(acceptedOnServer(kept.sha)).toHaveLength(1);
  });

  it('sign-out discarding unsent work: the queue and its copies are gone, nothing is sent', async () => {
    const dropped = await queueOffline('dropped');
    const staged = await world.stage(magistratesCase.id, 'draft.pdf', tinyPdf('a draft'));
    expect('item' in staged).toBe(true);
    // The queued document and the draft: both would be lost, so both are counted.
    expect(await world.call('session.unsentCount')).toEqual({ count: 2 });
    await world.call('session.signOut', { unsentWork: 'discard' });
    const { items, status } = await list();
    expect(items.some((i) => i.id === dropped.item.id)).toBe(false);
    expect(items.every((i) => i.state === 'accepted')).toBe(true);
    expect(status.unsent).toBe(0);
    expect(outboxVaultFiles(world.dataDir)).toEqual([]);
    expect(await world.call('session.unsentCount')).toEqual({ count: 0 });
    await world.sb.setFaults({ offline: false });
    await world.signIn();
    expect(acceptedOnServer(dropped.sha)).toEqual([]);
    // The audit log keeps the record that it was discarded.
    const audit = await world.call<{ base64: string }>('serving.exportAudit', { format: 'json' });
    const { entries } = JSON.parse(Buffer.from(audit.base64, 'base64').toString('utf8')) as { entries: Array<{ itemId: string; event: string }> };
    expect(entries.filter((e) => e.itemId === dropped.item.id).map((e) => e.event)).toEqual(['queued', 'sent', 'discarded']);
  });

  it('a damaged database keeps the queue: its local-only rows are salvaged and the document still goes once', async () => {
    const queued = await queueOffline('salvaged');
    // Garble a page of CP's data (documents), as a bad sector would, then open as after a crash.
    const { db, close } = await openCacheDatabase(world.dataDir);
    const page = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'documents' ORDER BY pageno DESC LIMIT 1").get() as { pageno: number }).pageno;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    close();
    await world.core.dispose();
    const file = path.join(world.dataDir, 'cache', 'cache.db');
    const fd = openSync(file, 'r+');
    writeSync(fd, randomBytes(pageSize), 0, pageSize, (page - 1) * pageSize);
    closeSync(fd);
    writeFileSync(`${file}.in-use`, '0');

    await world.restart();
    expect((await world.call<SyncStatus>('sync.getStatus')).cacheRecovered).toBe(true);
    expect(['queued', 'uploading']).toContain(await stateOf(queued.item.id));
    await world.sb.setFaults({ offline: false });
    await until(() => stateOf(queued.item.id), (state) => state === 'accepted');
    expect(acceptedOnServer(queued.sha)).toEqual([expect.objectContaining({ accepted: 1 })]);
  });
});
