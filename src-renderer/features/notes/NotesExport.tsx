import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { downloadFile } from './download-file';

/** "Export as Markdown" and "Export as PDF": main makes the file, the renderer offers it as a download. */
export function NotesExport({ caseId, announce }: { caseId: string; announce(message: string): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);

  const exportAs = async (format: 'markdown' | 'pdf') => {
    setBusy(true);
    setError(null);
    announce(t('notes.exporting'));
    const result = await bridge.call('notes.export', { caseId, format });
    setBusy(false);
    if (!result.ok) {
      announce('');
      setError(result.error);
      return;
    }
    downloadFile(result.value);
    announce(t('notes.exported', { fileName: result.value.fileName }));
  };

  return (
    <div className="notes-export" role="group" aria-label={t('notes.exportTitle')}>
      <p className="hint">{t('notes.exportHint')}</p>
      <div className="button-row">
        <button type="button" className="button button-secondary" aria-disabled={busy} onClick={() => !busy && void exportAs('markdown')}>
          {t('notes.exportMarkdown')}
        </button>
        <button type="button" className="button button-secondary" aria-disabled={busy} onClick={() => !busy && void exportAs('pdf')}>
          {t('notes.exportPdf')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}
