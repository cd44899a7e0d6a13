import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n';
import { formatBytes } from '../../ui/format';
import type { StagingUpload } from './use-staging';

/** Files being checked and copied into the encrypted vault, each with its progress or its problem. */
export function StagingUploads({ uploads, onRemove }: { uploads: StagingUpload[]; onRemove(key: string): void }) {
  const { t } = useTranslation();
  if (uploads.length === 0) return null;
  return (
    <ul className="plain-list staging-list" aria-label={t('serving.stagingTitle')}>
      {uploads.map((upload) => (
        <li key={upload.key} className="staging-item">
          <span className="document-name">{upload.name}</span> <span className="muted">{formatBytes(upload.size)}</span>
          {upload.error ? (
            <p className="error-message" role="alert">
              {t('serving.stagingFailed', { name: upload.name, reason: errorText(upload.error.messageKey) })}
            </p>
          ) : (
            <>
              <progress className="progress-bar" max={Math.max(1, upload.size)} value={upload.sentBytes} aria-label={t('serving.stagingProgress', { name: upload.name })} />
              <span className="muted"> {t('serving.stagingPercent', { percent: upload.size > 0 ? Math.floor((upload.sentBytes / upload.size) * 100) : 0 })}</span>
            </>
          )}
          <button type="button" className="link-button" aria-label={t('serving.removeFileLabel', { name: upload.name })} onClick={() => onRemove(upload.key)}>
            {t('serving.removeFile')}
          </button>
        </li>
      ))}
    </ul>
  );
}
