import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { downloadFile } from '../notes/download-file';

/** The local audit log (what was sent, when, CP's receipts; no document contents) as CSV or JSON. */
export function AuditExport() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [message, setMessage] = useState('');

  const exportAs = async (format: 'csv' | 'json') => {
    setBusy(true);
    setError(null);
    setMessage(t('outbox.auditExporting'));
    const result = await bridge.call('serving.exportAudit', { format });
    setBusy(false);
    if (!result.ok) {
      setMessage('');
      setError(result.error);
      return;
    }
    downloadFile(result.value);
    setMessage(t('outbox.auditExported', { fileName: result.value.fileName }));
  };

  return (
    <section className="section" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('outbox.auditTitle')}</h2>
      <p className="hint">{t('outbox.auditHint')}</p>
      <div className="button-row">
        <button type="button" className="button button-secondary" aria-disabled={busy} onClick={() => !busy && void exportAs('csv')}>
          {t('outbox.auditCsv')}
        </button>
        <button type="button" className="button button-secondary" aria-disabled={busy} onClick={() => !busy && void exportAs('json')}>
          {t('outbox.auditJson')}
        </button>
      </div>
      <p role="status" className="muted">
        {message}
      </p>
      <ErrorMessage error={error} />
    </section>
  );
}
