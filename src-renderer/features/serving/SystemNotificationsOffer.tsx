import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Offers system notifications once, here, when the user is looking at the Outbox: the browser's
 * permission prompt appears only if they ask for it, never by itself.
 */
export function SystemNotificationsOffer() {
  const { t } = useTranslation();
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState<NotificationPermission | null>(supported ? Notification.permission : null);
  if (permission !== 'default') return null;
  return (
    <p className="notifications-offer">
      <button type="button" className="link-button" onClick={() => void Notification.requestPermission().then(setPermission)}>
        {t('outbox.enableNotifications')}
      </button>
    </p>
  );
}
