import type { ServiceItem } from '../../src-preload/api';

/** A service item as the contract carries it: queued, not yet sent, with `patch` on top. */
export function serviceItem(patch: Partial<ServiceItem> = {}): ServiceItem {
  return {
    id: 'item-1',
    caseId: 'case-1',
    urn: '39GD1116822',
    defendantIds: ['d1'],
    defendantNames: ['Sam Jones'],
    documentType: 'defenceStatement',
    name: 'Defence statement.pdf',
    note: null,
    size: 2000,
    pageCount: 3,
    sha256: 'ab'.repeat(32),
    state: 'queued',
    sentBytes: null,
    createdAt: '2026-12-04T14:00:00.000Z',
    queuedAt: '2026-12-04T14:01:00.000Z',
    attempts: 0,
    nextAttemptAt: null,
    errorKey: null,
    receipt: null,
    deemedServedOn: null,
    lateReason: null,
    deemedDateUncertain: false,
    ...patch,
  };
}
