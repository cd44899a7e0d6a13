import { useTranslation } from 'react-i18next';
import type { OpenFailure } from './pdf-loader';

/** Why a document will not open, in words the reader can act on; the rest of the app carries on. */
export function OpenFailureMessage({ failure, documentName, onRetry }: { failure: OpenFailure; documentName: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="viewer-failure" role="alert" data-testid="viewer-failure" data-failure={failure}>
      <h3>{t('viewer.failure.title', { name: documentName })}</h3>
      <p>{t(`viewer.failure.${failure}`)}</p>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        {t('viewer.failure.retry')}
      </button>
    </div>
  );
}
