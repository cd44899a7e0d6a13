import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { downloadFile } from '../notes/download-file';

/** A printable copy of the answers as they stand (marked draft or submitted), in the UI's language. */
export function FormPdfExport({ formId, beforeExport }: { formId: string; beforeExport(): Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const exportPdf = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    // The copy shows what is typed now, so whatever waits to be saved is saved first.
    await beforeExport();
    const result = await bridge.call('forms.exportPdf', { formId, language: i18n.language === 'cy' ? 'cy' : 'en' });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    downloadFile(result.value);
    setDone(result.value.fileName);
  };

  return (
    <div className="form-export">
      <button type="button" className="button button-secondary" aria-disabled={busy} onClick={() => void exportPdf()}>
        {t('forms.exportPdf')}
      </button>
      <p role="status" className="muted">
        {busy ? t('forms.exporting') : done ? t('forms.exported', { fileName: done }) : ''}
      </p>
      <ErrorMessage error={error} />
    </div>
  );
}
