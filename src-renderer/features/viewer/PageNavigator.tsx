import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaneController } from './pane-controller';
import { usePane } from './use-pane';
import { ViewerIcon } from './ViewerIcon';

/** Previous / next page and the page box: type a bundle page (or the PDF's own page label) and press Enter. */
export function PageNavigator({ controller, inputId }: { controller: PaneController; inputId: string }) {
  const { t } = useTranslation();
  const currentPage = usePane(controller, (state) => state.currentPage);
  const pageCount = usePane(controller, (state) => state.pageCount);
  const labels = usePane(controller, (state) => state.pageLabels);
  const shown = labels?.[currentPage - 1] ?? String(currentPage);
  // What the reader is typing; null shows the current page (which follows the scroll).
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const errorId = useId();
  const value = draft ?? shown;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = controller.goToLabel(value);
    setInvalid(!ok);
    if (ok) setDraft(null);
  };

  return (
    <form className="viewer-page-nav" onSubmit={submit} noValidate>
      <button type="button" className="viewer-tool" onClick={() => controller.previousPage()} disabled={currentPage <= 1} aria-label={t('viewer.toolbar.previousPage')} title={t('viewer.toolbar.previousPage')}>
        <ViewerIcon name="previous" />
      </button>
      <label htmlFor={inputId} className="visually-hidden">
        {t('viewer.toolbar.pageInput')}
      </label>
      <input
        id={inputId}
        className="viewer-page-input"
        value={value}
        inputMode={labels ? 'text' : 'numeric'}
        autoComplete="off"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(event) => {
          setInvalid(false);
          setDraft(event.target.value);
        }}
        onBlur={() => {
          setDraft(null);
          setInvalid(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setDraft(null);
            setInvalid(false);
          }
        }}
      />
      <span className="viewer-page-count">{t('viewer.toolbar.pageOf', { count: pageCount })}</span>
      <button type="button" className="viewer-tool" onClick={() => controller.nextPage()} disabled={currentPage >= pageCount} aria-label={t('viewer.toolbar.nextPage')} title={t('viewer.toolbar.nextPage')}>
        <ViewerIcon name="next" />
      </button>
      {invalid ? (
        <span id={errorId} className="viewer-inline-error" role="alert">
          {t('viewer.toolbar.pageOutOfRange', { count: pageCount })}
        </span>
      ) : null}
    </form>
  );
}
