import { useTranslation } from 'react-i18next';
import { useServingStore } from './serving-store';

/** The Outbox's name in the navigation with its unsent count: "Outbox, 3 unsent". */
export function useOutboxNavName(): string {
  const { t } = useTranslation();
  const unsent = useServingStore((state) => state.status?.unsent ?? 0);
  return unsent > 0 ? t('nav.outboxUnsent', { count: unsent }) : t('nav.outbox');
}

/**
 * "Outbox" and a badge with the count. The button carries the full name as its label: a badge
 * (inline-block) would otherwise be read as "Outbox , 3 unsent".
 */
export function OutboxNavLabel() {
  const { t } = useTranslation();
  const unsent = useServingStore((state) => state.status?.unsent ?? 0);
  return (
    <>
      {t('nav.outbox')}
      {unsent > 0 ? (
        <span className="nav-badge" aria-hidden="true" data-testid="outbox-badge">
          {unsent}
        </span>
      ) : null}
    </>
  );
}
