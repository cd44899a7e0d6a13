import { useTranslation } from 'react-i18next';
import { useServingStore } from './serving-store';

/** "Outbox" with the count of unsent items; read out as "Outbox, 3 unsent". */
export function OutboxNavLabel() {
  const { t } = useTranslation();
  const unsent = useServingStore((state) => state.status?.unsent ?? 0);
  return (
    <>
      {t('nav.outbox')}
      {unsent > 0 ? (
        <span className="nav-badge" data-testid="outbox-badge">
          <span aria-hidden="true">{unsent}</span>
          <span className="visually-hidden">{t('nav.outboxUnsent', { count: unsent })}</span>
        </span>
      ) : null}
    </>
  );
}
