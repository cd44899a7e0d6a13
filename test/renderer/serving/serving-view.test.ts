import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceForecast } from '../../../src-preload/api';
import { courtToday, sitsOn } from '../../../src-renderer/features/hearings/court-today';
import { canCancel, canRetry, itemStateText, sentPercent } from '../../../src-renderer/features/serving/item-state-text';
import { acceptedText } from '../../../src-renderer/features/serving/accepted-notification';
import { forecastCautions } from '../../../src-renderer/features/serving/forecast-cautions';
import { mergeItems } from '../../../src-renderer/features/serving/merge-items';
import { parseReply, stagingUrl } from '../../../src-renderer/features/serving/staging-client';
import { en } from '../../../src-renderer/i18n/en';
import { serviceItem } from '../../helpers/service-item';

const item = serviceItem;

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

describe('an item’s state in words', () => {
  it('never says served before CP accepted it', () => {
    for (const state of ['draft', 'queued', 'uploading', 'refused', 'cancelled'] as const) {
      const text = itemStateText(item({ state, sentBytes: state === 'uploading' ? 900 : null, errorKey: state === 'refused' ? 'errors.cpRefused' : null }));
      expect(text.label).not.toMatch(/deemed served|accepted/i);
    }
    expect(itemStateText(item()).label).toBe('Queued — not served');
    expect(itemStateText(item({ state: 'uploading', sentBytes: 900 })).label).toBe('Sending… 45%');
  });

  it('gives the deemed-service day in full, why it is later, and CP’s receipt', () => {
    const text = itemStateText(
      item({
        state: 'accepted',
        deemedServedOn: '2026-12-07',
        lateReason: 'after230',
        receipt: { receiptId: 'R-123', courtDocumentId: 'cd', materialId: 'm', receivedAt: '2026-12-04T15:00:00.000+00:00' },
      }),
    );
    expect(text.label).toBe('Accepted by Common Platform — deemed served on Monday 7 December 2026 (sent after 2.30pm)');
    expect(text.detail).toContain('Receipt R-123');
    expect(text.detail).toContain('15:00');
    expect(text.caution).toBeNull();
  });

  it('asks the user to check a deemed day the bank-holiday list does not reach', () => {
    const accepted = { state: 'accepted' as const, deemedServedOn: '2029-01-02', receipt: { receiptId: 'R-9', courtDocumentId: 'cd', materialId: 'm', receivedAt: '2029-01-02T10:00:00.000+00:00' } };
    expect(itemStateText(item({ ...accepted, deemedDateUncertain: true })).caution).toMatch(/check this date against the court’s calendar/i);
    expect(itemStateText(item({ ...accepted, deemedDateUncertain: false })).caution).toBeNull();
    // The toast and the system notification say it too.
    expect(acceptedText({ id: 'a', name: 'Skeleton.pdf', deemedServedOn: '2029-01-02', deemedDateUncertain: true })).toMatch(
      /^Skeleton\.pdf accepted by Common Platform; deemed served on .*2 January 2029\. Check this date against the court’s calendar/,
    );
  });

  it('never shows an empty deemed date: without one, it says accepted and that the day is unknown', () => {
    const text = itemStateText(item({ state: 'accepted', deemedServedOn: null, receipt: { receiptId: 'R-1', courtDocumentId: 'cd', materialId: 'm', receivedAt: '2026-12-04T10:00:00.000+00:00' } }));
    expect(text.label).toBe('Accepted by Common Platform');
    expect(text.caution).toMatch(/could not work out the day it counts as served/);
    expect(acceptedText({ id: 'a', name: 'Notice.pdf', deemedServedOn: null, deemedDateUncertain: false })).toMatch(/^Notice\.pdf accepted by Common Platform\. Bluebag could not work out/);
  });

  it('offers cancel until the upload starts, and retry for refusals and failed tries', () => {
    expect(canCancel(item({ state: 'draft' }))).toBe(true);
    expect(canCancel(item({ state: 'uploading' }))).toBe(false);
    expect(canRetry(item({ state: 'refused', errorKey: 'errors.cpRefused' }))).toBe(true);
    expect(canRetry(item({ state: 'queued', errorKey: 'errors.cpServer' }))).toBe(true);
    expect(canRetry(item({ state: 'queued' }))).toBe(false);
    expect(sentPercent({ size: 0, sentBytes: null })).toBe(0);
  });
});

describe('mergeItems', () => {
  it('keeps unchanged objects (so memoised rows skip rendering) and the list itself when nothing changed', () => {
    const a = item({ id: 'a', createdAt: '2026-12-04T10:00:00.000Z' });
    const b = item({ id: 'b', createdAt: '2026-12-04T11:00:00.000Z' });
    const list = mergeItems([], [a, b]);
    expect(list.map((x) => x.id)).toEqual(['b', 'a']);
    expect(mergeItems(list, [{ ...a }])).toBe(list);
    const next = mergeItems(list, [{ ...a, state: 'uploading', sentBytes: 10 }]);
    expect(next).not.toBe(list);
    expect(next[0]).toBe(list[0]);
    expect(next[1]?.state).toBe('uploading');
  });

  it('stays cheap with 1,000 items and a progress tick', () => {
    const many = Array.from({ length: 1000 }, (_, index) => item({ id: `i${index}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString() }));
    const list = mergeItems([], many);
    const started = performance.now();
    const ticked = mergeItems(list, [item({ ...many[500], state: 'uploading', sentBytes: 1 })]);
    expect(performance.now() - started).toBeLessThan(50);
    expect(ticked.filter((x, index) => x !== list[index])).toHaveLength(1);
  });
});

describe('staging client', () => {
  it('addresses the app’s own origin relatively, names encoded', () => {
    expect(stagingUrl('case 1', 'Défense & co.pdf')).toBe('stage?caseId=case%201&name=D%C3%A9fense%20%26%20co.pdf');
  });

  it('reads a draft, a contract error, and anything else as an internal error', () => {
    const draft = item({ state: 'draft', queuedAt: null });
    expect(parseReply(201, JSON.stringify({ item: draft }))).toEqual({ ok: true, item: draft });
    expect(parseReply(415, JSON.stringify({ error: { code: 'invalid_argument', messageKey: 'errors.serveNotPdfWord' } }))).toEqual({
      ok: false,
      error: { code: 'invalid_argument', messageKey: 'errors.serveNotPdfWord' },
    });
    expect(parseReply(401, 'Unauthorised')).toEqual({ ok: false, error: { code: 'forbidden', messageKey: 'errors.hostUnauthorised' } });
    expect(parseReply(500, '<html>')).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
  });
});

describe('what a service date rests on', () => {
  const forecast = (patch: Partial<ServiceForecast>): ServiceForecast => ({
    serverNow: '2026-06-10T10:00:00.000+01:00',
    observedAgoMs: 1000,
    servedOnIfSentNow: '2026-06-10',
    lateReason: null,
    calendarEndsOn: '2028-12-31',
    beyondCalendar: false,
    bankHolidayList: 'shipped',
    ...patch,
  });

  it('says nothing when the list covers the date, and says when it does not', () => {
    expect(forecastCautions(forecast({}))).toEqual([]);
    expect(forecastCautions(forecast({ bankHolidayList: 'updated' }))).toEqual([]);
    expect(forecastCautions(forecast({ beyondCalendar: true }))).toEqual(['Bluebag’s list of bank holidays ends on 31 Dec 2028: dates after it may not be right.']);
  });

  it('tells the user their bank-holidays file was not used, and when there is no list at all', () => {
    const refused = forecastCautions(forecast({ bankHolidayList: 'updateRefused' }));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/could not be used, so Bluebag is using the list it came with \(to 31 Dec 2028\)/);
    expect(forecastCautions(forecast({ bankHolidayList: 'unavailable', beyondCalendar: true, calendarEndsOn: '' }))).toEqual([
      expect.stringMatching(/cannot say when a document will count as served/),
    ]);
  });
});

describe('court today', () => {
  it('takes the day from CP’s clock when known, in London, else the laptop’s', () => {
    const forecast = { serverNow: '2026-06-10T23:30:00.000Z', observedAgoMs: 1000, servedOnIfSentNow: null, lateReason: null, calendarEndsOn: '2028-12-31', beyondCalendar: false, bankHolidayList: 'shipped' as const };
    expect(courtToday(forecast)).toEqual({ day: '2026-06-11', basis: 'commonPlatform' });
    expect(courtToday(null, new Date('2026-01-05T09:00:00Z'))).toEqual({ day: '2026-01-05', basis: 'laptop' });
    expect(sitsOn([{ sittingDay: '2026-06-11T09:00:00.000Z' }], '2026-06-11')).toBe(true);
    expect(sitsOn([{ sittingDay: '2026-06-10T23:30:00.000Z' }], '2026-06-10')).toBe(false);
  });
});
