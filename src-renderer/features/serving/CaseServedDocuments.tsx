import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/app-store';
import { formatBytes } from '../../ui/format';
import { useServingStore } from './serving-store';
import { ServiceItemState } from './ServiceItemState';

/** The case screen shows the latest ones; the Outbox has them all (virtualised). */
const SHOWN_ON_CASE = 20;

/**
 * On the case screen: what the defence has served on this case, and what is on its way. Accepted
 * ones carry their deemed-service date; the rest are worded as not served.
 */
export function CaseServedDocuments({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const setView = useAppStore((state) => state.setView);
  const items = useServingStore((state) => state.items);
  const mine = useMemo(() => items.filter((item) => item.caseId === caseId && item.state !== 'cancelled'), [items, caseId]);
  const drafts = mine.filter((item) => item.state === 'draft').length;
  const notDrafts = mine.filter((item) => item.state !== 'draft');
  const listed = notDrafts.slice(0, SHOWN_ON_CASE);

  return (
    <section aria-labelledby="served-title" className="section">
      <h2 id="served-title">{t('serving.caseSectionTitle')}</h2>
      {listed.length === 0 ? <p className="muted">{t('serving.caseSectionEmpty')}</p> : null}
      {listed.length > 0 ? (
        <ul className="plain-list documents" data-testid="case-served">
          {listed.map((item) => (
            <li key={item.id}>
              <span className="document-name">{item.name}</span>{' '}
              <span className="muted">
                {item.documentType ? `${t(`serving.documentTypes.${item.documentType}`)} · ` : ''}
                {formatBytes(item.size)}
              </span>
              <ServiceItemState item={item} />
            </li>
          ))}
        </ul>
      ) : null}
      {notDrafts.length > listed.length ? (
        <p>
          {t('serving.caseSectionMore', { shown: listed.length, total: notDrafts.length })}{' '}
          <button type="button" className="link-button" onClick={() => setView({ name: 'outbox' })}>
            {t('serving.openOutbox')}
          </button>
        </p>
      ) : null}
      {drafts > 0 ? <p>{t('serving.caseSectionDrafts', { count: drafts })}</p> : null}
      <button type="button" className="button button-secondary" onClick={() => setView({ name: 'serve', caseId })}>
        {drafts > 0 ? t('serving.continueServing') : t('serving.serveADocument')}
      </button>
    </section>
  );
}
