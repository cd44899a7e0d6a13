import { createReadStream, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxStatus, ServiceItem } from '../../../src-preload/api';
import {
  crownCase,
  magistratesCase,
  openCacheDatabase,
  outboxVaultFiles,
  pdfkitPdf,
  sha256Hex,
  startServingWorld,
  tinyPdf,
  until,
  type ServingWorld,
} from './serving-fixtures';

const defendantId = magistratesCase.defendants[0]?.id ?? '';

/**
 * Serving through the one durable outbox, against the real sandbox: queued is NOT served, CP's receipt
 * is the only thing that makes it accepted, exactly once, with the deemed-service date from CP's clock.
 */
describe('serving documents through the outbox', () => {
  let world: ServingWorld;
  beforeAll(async () => {
    world = await startServingWorld({ sandbox: { hungRequestCloseMs: 200 } });
  });
  afterAll(async () => {
    await world.dispose();
  });

  const draft = async (name: string, bytes: Buffer): Promise<ServiceItem> => {
    const result = await world.stage(magistratesCase.id, name, bytes);
    if (!('item' in result)) throw new Error(result.error.messageKey);
    return result.item;
  };
  const queue = (ids: string[], extra: Record<string, unknown> = {}) =>
    world.call<ServiceItem[]>('serving.queue', { itemIds: ids, defendantIds: [defendantId], documentType: 'defenceStatement', ...extra });
  const list = () => world.call<{ items: ServiceItem[]; status: OutboxStatus }>('serving.list', {});
  const item = async (id: string) => (await list()).items.find((i) => i.id === id) as ServiceItem;
  const accepted = async (id: string) => until(() => item(id), (i) => i.state === 'accepted' || i.state === 'refused', 30_000);
  const acceptedOnServer = (sha: string) => Object.values(world.sb.stats().uploads.byIdempotencyKey).filter((u) => u.sha256 === sha);
  /** Runs `check` on an app started with `content` as the bank-holidays file in its data folder, then takes the file away and restarts. */
  const withBankHolidaysFile = async (content: string, check: () => Promise<void>): Promise<void> => {
    const updateFile = path.join(world.dataDir, 'bank-holidays.json');
    writeFileSync(updateFile, content);
    try {
      await world.restart();
      await check();
    } finally {
      rmSync(updateFile, { force: true });
      await world.restart();
    }
  };

  it('queued offline is NOT served; back online it is accepted exactly once, with CP’s receipt and deemed date', async () => {
    const pdf = await pdfkitPdf({ pages: 2 });
    const one = await draft('Defence statement.pdf', pdf);
    await world.sb.setFaults({ offline: true });
    const [queued] = await queue([one.id], { note: 'for the PTPH' });
    // The outbox takes it at once (and finds CP unreachable): queued or trying, never served.
    expect(queued).toMatchObject({ defendantIds: [defendantId], documentType: 'defenceStatement', receipt: null, deemedServedOn: null });
    expect(['queued', 'uploading']).toContain(queued?.state);
    // It tries, finds CP unreachable, and waits — still queued, not served, the reason kept.
    const waiting = await until(() => item(one.id), (i) => i.errorKey === 'errors.cpOffline');
    expect(waiting.state).toBe('queued');
    expect((await list()).status).toMatchObject({ unsent: 1, pausedFor: 'offline' });
    expect(await world.call('session.unsentCount')).toEqual({ count: 1 });

    await world.sb.setFaults({ offline: false });
    const done = await accepted(one.id);
    expect(done.state).toBe('accepted');
    expect(done.receipt).toMatchObject({ receiptId: expect.any(String), courtDocumentId: expect.any(String), materialId: expect.any(String) });
    expect(done.deemedServedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(done.errorKey).toBeNull();
    const onServer = acceptedOnServer(sha256Hex(pdf));
    expect(onServer).toHaveLength(1);
    expect(onServer[0]).toMatchObject({ accepted: 1, size: pdf.length, caseId: magistratesCase.id, courtDocumentId: done.receipt?.courtDocumentId });
    // CP has it: the local copy goes, and nothing is counted as unsent.
    await until(() => outboxVaultFiles(world.dataDir), (files) => files.length === 0);
    expect((await list()).status).toMatchObject({ unsent: 0, uploading: 0, refused: 0 });
  });

  it('dates service by CP’s clock, not the laptop’s: after 2.30pm on a Friday by CP’s clock, served on Monday', async () => {
    // 15:00 London on Friday 13 March 2026 (GMT), whatever the laptop says.
    await world.sb.setFaults({ clockOffsetMs: Date.parse('2026-03-13T15:00:00Z') - Date.now() });
    const one = await draft('Skeleton.pdf', tinyPdf('friday'));
    await queue([one.id], { documentType: 'skeletonArgument' });
    const done = await accepted(one.id);
    expect(done.receipt?.receivedAt.startsWith('2026-03-13T15:0')).toBe(true);
    expect(done).toMatchObject({ state: 'accepted', deemedServedOn: '2026-03-16', lateReason: 'after230', deemedDateUncertain: false });
    // The forecast follows CP's clock as last seen too.
    const forecast = await world.call<{ serverNow: string; servedOnIfSentNow: string; lateReason: string }>('serving.forecast');
    expect(forecast.serverNow.startsWith('2026-03-13T15:0')).toBe(true);
    expect(forecast).toMatchObject({ servedOnIfSentNow: '2026-03-16', lateReason: 'after230' });
    await world.sb.setFaults({ clockOffsetMs: 0 });
  });

  it('flags a deemed day beyond the shipped bank-holiday list as one to check', async () => {
    // Tuesday 6 June 2017, 10:00 in London by CP's clock: the list shipped in resources/ starts with 2018.
    // (A clock moved past the list's end would also expire the session CP signed.)
    await world.sb.setFaults({ clockOffsetMs: Date.parse('2017-06-06T09:00:00Z') - Date.now() });
    const one = await draft('Late list.pdf', tinyPdf('beyond'));
    await queue([one.id], { documentType: 'notice' });
    const done = await accepted(one.id);
    expect(done).toMatchObject({ state: 'accepted', deemedServedOn: '2017-06-06', lateReason: null, deemedDateUncertain: true });
    await world.sb.setFaults({ clockOffsetMs: 0 });
  });

  it('sends the copy in the vault: deleting the original changes nothing', async () => {
    const pdf = tinyPdf('original', 200_000);
    const file = path.join(world.dataDir, '..', 'original.pdf');
    writeFileSync(file, pdf);
    const result = await world.stage(magistratesCase.id, 'original.pdf', createReadStream(file, { highWaterMark: 16 * 1024 }), pdf.length);
    if (!('item' in result)) throw new Error(result.error.messageKey);
    rmSync(file);
    await queue([result.item.id]);
    expect((await accepted(result.item.id)).state).toBe('accepted');
    expect(acceptedOnServer(sha256Hex(pdf))).toEqual([expect.objectContaining({ accepted: 1, size: pdf.length })]);
  });

  it('withdraws a queued document before its upload; refuses to once the upload has started', async () => {
    await world.sb.setFaults({ offline: true });
    const waiting = await draft('withdrawn.pdf', tinyPdf('withdrawn'));
    await queue([waiting.id]);
    // Its first try found CP unreachable; it waits in the queue, and can be withdrawn.
    await until(() => item(waiting.id), (i) => i.state === 'queued' && i.errorKey === 'errors.cpOffline');
    expect(await world.call('serving.cancel', { itemId: waiting.id })).toMatchObject({ state: 'cancelled' });
    expect(await world.failure('serving.queue', { itemIds: [waiting.id], defendantIds: [defendantId], documentType: 'notice' })).toBe('errors.serveNotDraft');
    await world.sb.setFaults({ offline: false });

    // CP answers slowly: the upload is under way while the user tries to withdraw it.
    await world.sb.setFaults({ latencyMs: 1_500, pathPrefix: '/prosecutionCases/' });
    const slow = await draft('slow.pdf', tinyPdf('slow'));
    await queue([slow.id]);
    await until(() => item(slow.id), (i) => i.state === 'uploading');
    expect(await world.failure('serving.cancel', { itemId: slow.id })).toBe('errors.serveUploadStarted');
    expect((await accepted(slow.id)).state).toBe('accepted');
    await world.sb.resetFaults();
    expect(acceptedOnServer(sha256Hex(tinyPdf('withdrawn')))).toEqual([]);
    // The local copy goes just after the receipt is stored.
    await until(() => outboxVaultFiles(world.dataDir), (files) => files.length === 0);
  });

  it('a Crown Court case CP refuses (SERVICE_VIA_DCS) is refused with the DCS explanation, and can be retried', async () => {
    // The cache still says magistrates; CP knows better and says so.
    const cache = await openCacheDatabase(world.dataDir);
    cache.db.prepare("UPDATE cases SET jurisdiction = 'MAGISTRATES' WHERE id = ?").run(crownCase.id);
    const staged = await world.stage(crownCase.id, 'crown.pdf', tinyPdf('crown'));
    if (!('item' in staged)) throw new Error(staged.error.messageKey);
    await world.call('serving.queue', { itemIds: [staged.item.id], defendantIds: [crownCase.defendants[0]?.id], documentType: 'application' });
    const refused = await accepted(staged.item.id);
    expect(refused).toMatchObject({ state: 'refused', errorKey: 'errors.serveCrownCourt', receipt: null, deemedServedOn: null });
    expect((await list()).status.refused).toBe(1);
    // Kept for the user to act on: the copy stays, a retry sends it again (under a new key).
    expect(outboxVaultFiles(world.dataDir)).toHaveLength(1);
    const retried = await world.call<ServiceItem>('serving.retry', { itemId: staged.item.id });
    expect(['queued', 'uploading']).toContain(retried.state);
    expect(retried.errorKey).toBeNull();
    expect((await accepted(staged.item.id)).errorKey).toBe('errors.serveCrownCourt');
    expect(await world.call('serving.cancel', { itemId: staged.item.id })).toMatchObject({ state: 'cancelled' });
    expect(outboxVaultFiles(world.dataDir)).toEqual([]);
    cache.db.prepare("UPDATE cases SET jurisdiction = 'CROWN' WHERE id = ?").run(crownCase.id);
    cache.close();
  });

  it('with 30% of requests failing (5xx, resets, timeouts) every document is accepted exactly once', async () => {
    const pdfs = await Promise.all([1, 2, 3, 4, 5].map((n) => tinyPdf(`faulty-${n}`, 300_000 + n)));
    const items = [];
    for (const [n, pdf] of pdfs.entries()) items.push(await draft(`faulty-${n}.pdf`, pdf));
    await world.sb.setFaults({ errorRate: 0.3, errorKinds: ['500', '503', 'reset', 'timeout'], pathPrefix: '/prosecutionCases/' });
    await queue(items.map((i) => i.id));
    for (const one of items) {
      // Backoff can make one wait: "send now" is what the user would press.
      const done = await until(
        async () => {
          await world.call('serving.sendNow');
          return item(one.id);
        },
        (i) => i.state === 'accepted',
        60_000,
      );
      expect(done.receipt).not.toBeNull();
    }
    await world.sb.resetFaults();
    for (const pdf of pdfs) expect(acceptedOnServer(sha256Hex(pdf))).toEqual([expect.objectContaining({ accepted: 1, size: pdf.length })]);
    expect(Object.values(world.sb.stats().faultsInjected).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, 90_000);

  it('exports the audit log (csv and json) with receipts and hashes, never the documents’ bytes', async () => {
    const pdf = tinyPdf('audit-MARKER-TEXT');
    const one = await draft('audited.pdf', pdf);
    await queue([one.id]);
    const done = await accepted(one.id);
    const json = await world.call<{ fileName: string; mimeType: string; base64: string }>('serving.exportAudit', { format: 'json' });
    expect(json.fileName).toMatch(/^bluebag-audit-\d{4}-\d{2}-\d{2}\.json$/);
    const text = Buffer.from(json.base64, 'base64').toString('utf8');
    const { entries } = JSON.parse(text) as { entries: Array<Record<string, unknown>> };
    const mine = entries.filter((e) => e.itemId === one.id);
    expect(mine.map((e) => e.event)).toEqual(['queued', 'sent', 'accepted']);
    expect(mine[2]).toMatchObject({ urn: magistratesCase.urn, documentName: 'audited.pdf', size: pdf.length, sha256: sha256Hex(pdf), receiptId: done.receipt?.receiptId, cpReceivedAt: done.receipt?.receivedAt });
    expect(text).not.toContain('MARKER');
    for (const defendant of magistratesCase.defendants) if ('lastName' in defendant) expect(text).not.toContain(String(defendant.lastName));
    const csv = await world.call<{ fileName: string; base64: string }>('serving.exportAudit', { format: 'csv' });
    const csvText = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(csvText.split('\r\n')[0]).toBe('seq,at,event,itemId,urn,documentName,size,sha256,attempt,idempotencyKey,receiptId,courtDocumentId,cpReceivedAt,deemedServedOn,errorKey');
    expect(csvText).toContain(done.receipt?.receiptId ?? 'none');
    expect(csvText).not.toContain('MARKER');
  });
  it('a deemed date outside the bank-holiday list is marked uncertain, and computed again (and audited) once a list reaching it is loaded', async () => {
    // 15:00 in London on Friday 25 August 2017 by CP's clock: late, so served on the next business day.
    // The shipped list starts with 2018, so it cannot know that Monday 28 August 2017 was a bank holiday.
    // (In the past rather than after the list's end: a clock moved years ahead expires CP's session.)
    await world.sb.setFaults({ clockOffsetMs: Date.parse('2017-08-25T14:00:00Z') - Date.now() });
    const one = await draft('Notice over the bank holiday.pdf', tinyPdf('august'));
    await queue([one.id], { documentType: 'notice' });
    const done = await accepted(one.id);
    await world.sb.setFaults({ clockOffsetMs: 0 });
    expect(done).toMatchObject({ state: 'accepted', deemedServedOn: '2017-08-28', lateReason: 'after230', deemedDateUncertain: true });
    const auditOf = async (id: string): Promise<Array<Record<string, unknown>>> => {
      const json = await world.call<{ base64: string }>('serving.exportAudit', { format: 'json' });
      const { entries } = JSON.parse(Buffer.from(json.base64, 'base64').toString('utf8')) as { entries: Array<Record<string, unknown>> };
      return entries.filter((e) => e.itemId === id);
    };

    await withBankHolidaysFile(JSON.stringify({ division: 'england-and-wales', events: [{ title: 'Summer bank holiday', date: '2017-08-28', notes: '', bunting: true }] }), async () => {
      expect(await item(one.id)).toMatchObject({ deemedServedOn: '2017-08-29', lateReason: 'after230', deemedDateUncertain: false });
      const mine = await auditOf(one.id);
      expect(mine.map((e) => e.event)).toEqual(['queued', 'sent', 'accepted', 'deemedDateRevised']);
      expect(mine[2]).toMatchObject({ deemedServedOn: '2017-08-28' });
      expect(mine[3]).toMatchObject({ deemedServedOn: '2017-08-29', receiptId: done.receipt?.receiptId, cpReceivedAt: done.receipt?.receivedAt });
    });
    // Back on the shipped list: a date that was certain when it was computed is not computed again.
    expect(await item(one.id)).toMatchObject({ deemedServedOn: '2017-08-29', deemedDateUncertain: false });
    expect((await auditOf(one.id)).filter((e) => e.event === 'deemedDateRevised')).toHaveLength(1);
  });
  it('says so when the bank-holidays file dropped in the data folder cannot be used, and uses the shipped list', async () => {
    const forecastNow = () => world.call<{ bankHolidayList: string; calendarEndsOn: string }>('serving.forecast');
    expect(await forecastNow()).toMatchObject({ bankHolidayList: 'shipped', calendarEndsOn: '2028-12-31' });
    await withBankHolidaysFile('{"england-and-wales": {"events": [{"title": "Boxing Day", "date": "26/12/2029"}]}}', async () => {
      expect(await forecastNow()).toMatchObject({ bankHolidayList: 'updateRefused', calendarEndsOn: '2028-12-31' });
    });
    expect(await forecastNow()).toMatchObject({ bankHolidayList: 'shipped' });
  });
  it('says the list was updated, and reaches further, when the bank-holidays file dropped in the data folder is good', async () => {
    const forecastNow = () => world.call<{ bankHolidayList: string; calendarEndsOn: string }>('serving.forecast');
    await withBankHolidaysFile(JSON.stringify({ division: 'england-and-wales', events: [{ title: 'New Year’s Day', date: '2029-01-01', notes: '', bunting: true }] }), async () => {
      expect(await forecastNow()).toMatchObject({ bankHolidayList: 'updated', calendarEndsOn: '2029-12-31' });
    });
    expect(await forecastNow()).toMatchObject({ bankHolidayList: 'shipped', calendarEndsOn: '2028-12-31' });
  });
});
