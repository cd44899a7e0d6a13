import { useTranslation } from 'react-i18next';
import { formatUrn } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { useCasesStore } from '../../stores/cases-store';
import { errorText } from '../../i18n';

/** Association changes CP has not confirmed: shown as pending, never as done. */
export function PendingAssociations() {
  const { t } = useTranslation();
  const pending = useCasesStore((state) => state.pending);
  if (pending.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('cases.pendingTitle')}</h2>
      <ul className="plain-list">
        {pending.map((item) => (
          <li key={item.jobId} className="pending-item">
            <span className="badge badge-warning">
              {t(item.action === 'associate' ? 'cases.pendingAssociate' : 'cases.pendingDisassociate', { urn: formatUrn(item.urn), name: item.defendantName })}
            </span>
            {item.state === 'failed' ? (
              <span role="alert">
                {t('cases.pendingRefused')}: {errorText(item.errorKey ?? 'errors.cpRefused')}
              </span>
            ) : null}
            {item.state !== 'active' ? (
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  void bridge.call('cases.cancelPending', { jobId: item.jobId }).then((result) => {
                    if (result.ok) useCasesStore.setState({ pending: result.value });
                  })
                }
              >
                {item.state === 'failed' ? t('cases.pendingDismiss') : t('cases.pendingCancel')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
