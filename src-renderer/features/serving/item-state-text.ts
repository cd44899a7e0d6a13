import i18next from 'i18next';
import type { ServiceItem } from '../../../src-preload/api';
import { errorText } from '../../i18n';
import { formatDateTime, formatLongDate } from '../../ui/format';

export interface ItemStateText {
  /** The state in words: never "served" unless CP accepted it. */
  label: string;
  /** What happened last, or what to do. */
  detail: string | null;
  /** Something the user should check (a deemed day the bank-holiday list does not cover). */
  caution: string | null;
}

/** A percentage of the bytes sent, for "Sending… 45%" (0 until the first bytes go). */
export function sentPercent(item: Pick<ServiceItem, 'sentBytes' | 'size'>): number {
  if (item.size <= 0) return 0;
  return Math.min(100, Math.floor(((item.sentBytes ?? 0) / item.size) * 100));
}

/** The words for an item's state, in the current language. Every state has words: none is colour-only. */
export function itemStateText(item: ServiceItem): ItemStateText {
  switch (item.state) {
    case 'draft':
      return { label: i18next.t('serving.state.draft'), detail: null, caution: null };
    case 'queued':
      return {
        label: i18next.t('serving.state.queued'),
        detail: item.errorKey
          ? item.nextAttemptAt
            ? i18next.t('serving.state.retryingAt', { reason: errorText(item.errorKey), time: formatDateTime(item.nextAttemptAt) })
            : i18next.t('serving.state.retrying', { reason: errorText(item.errorKey) })
          : null,
        caution: null,
      };
    case 'uploading':
      return { label: i18next.t('serving.state.uploading', { percent: sentPercent(item) }), detail: null, caution: null };
    case 'accepted': {
      const date = formatLongDate(item.deemedServedOn);
      // No deemed date at all (no bank-holiday list could be read): say accepted, and that the day is unknown.
      const label = !item.deemedServedOn
        ? i18next.t('serving.state.acceptedUndated')
        : item.lateReason === 'after230'
          ? i18next.t('serving.state.acceptedAfter230', { date })
          : item.lateReason === 'nonBusinessDay'
            ? i18next.t('serving.state.acceptedNonBusinessDay', { date })
            : i18next.t('serving.state.accepted', { date });
      return {
        label,
        detail: item.receipt
          ? i18next.t('serving.state.receipt', { receiptId: item.receipt.receiptId, time: formatDateTime(item.receipt.receivedAt) })
          : null,
        caution: !item.deemedServedOn
          ? i18next.t('serving.state.deemedDateUnknown')
          : item.deemedDateUncertain
            ? i18next.t('serving.state.deemedDateUncertain')
            : null,
      };
    }
    case 'refused':
      return { label: i18next.t('serving.state.refused', { reason: errorText(item.errorKey ?? 'errors.cpRefused') }), detail: i18next.t('serving.state.refusedWhatToDo'), caution: null };
    case 'cancelled':
      return { label: i18next.t('serving.state.cancelled'), detail: null, caution: null };
  }
}

/** Cancel is possible until the upload starts (the contract refuses it after). */
export function canCancel(item: ServiceItem): boolean {
  return item.state === 'draft' || item.state === 'queued';
}

/** Retry a refusal (after fixing its cause), or a queued item that is waiting after a failure. */
export function canRetry(item: ServiceItem): boolean {
  return item.state === 'refused' || (item.state === 'queued' && item.errorKey !== null);
}
