import { useTranslation } from 'react-i18next';
import type { FormView } from '../../../src-preload/api';
import { formatDateTime } from '../../ui/format';

const KNOWN_STATUSES = ['CREATED', 'UPDATED', 'SUBMITTED'] as const;
type KnownStatus = (typeof KNOWN_STATUSES)[number];
const isKnown = (status: string): status is KnownStatus => (KNOWN_STATUSES as readonly string[]).includes(status);

/** CP's change history of the form: who changed it, when, and the version each change made. */
export function FormHistory({ history }: { history: FormView['history'] }) {
  const { t } = useTranslation();
  return (
    <details className="details form-history">
      <summary>{t('forms.history.title', { count: history.length })}</summary>
      {history.length === 0 ? (
        <p className="muted">{t('forms.history.empty')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('forms.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forms.history.date')}</th>
              <th scope="col">{t('forms.history.by')}</th>
              <th scope="col">{t('forms.history.status')}</th>
              <th scope="col">{t('forms.history.version')}</th>
            </tr>
          </thead>
          <tbody>
            {[...history].reverse().map((entry) => (
              <tr key={entry.version}>
                <td>{formatDateTime(entry.date)}</td>
                <td>{entry.byMe ? t('forms.history.you') : (entry.by ?? t('forms.history.someoneElse'))}</td>
                <td>{isKnown(entry.status) ? t(`forms.historyStatuses.${entry.status}`) : entry.status}</td>
                <td>{entry.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
