import i18next from 'i18next';
import { formatLongDate } from '../../ui/format';
import type { AcceptedNotice } from './serving-store';

/** "<name> accepted by Common Platform; deemed served on …", for the toast and the system notification. */
export function acceptedText(notice: AcceptedNotice): string {
  if (!notice.deemedServedOn) return `${i18next.t('serving.acceptedNoticeUndated', { name: notice.name })} ${i18next.t('serving.state.deemedDateUnknown')}`;
  const text = i18next.t('serving.acceptedNotice', { name: notice.name, date: formatLongDate(notice.deemedServedOn) });
  return notice.deemedDateUncertain ? `${text} ${i18next.t('serving.state.deemedDateUncertain')}` : text;
}

/** A system notification too, but only if the user has already allowed them (we never ask unprompted). */
export function notifyAccepted(notices: AcceptedNotice[]): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  for (const notice of notices) {
    try {
      new Notification(i18next.t('serving.acceptedNotificationTitle'), { body: acceptedText(notice), tag: `accepted-${notice.id}` });
    } catch {
      // Some shells have the API but refuse to construct notifications; the in-app notice still shows.
    }
  }
}
