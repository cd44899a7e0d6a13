import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { bundlePageOf, bundleParts } from './bundle-parts';
import type { PaneController } from './pane-controller';
import { usePane } from './use-pane';

/**
 * "Page 3 of the interview record": go to a page counted within one document of the bundle. Offered
 * when the PDF's bookmarks say which documents it holds.
 */
export function DocumentPageJump({ controller }: { controller: PaneController }) {
  const { t } = useTranslation();
  const outline = usePane(controller, (state) => state.outline);
  const pageCount = usePane(controller, (state) => state.pageCount);
  const currentPage = usePane(controller, (state) => state.currentPage);
  const parts = useMemo(() => bundleParts(outline, pageCount), [outline, pageCount]);
  const currentPart = parts.findLast((part) => part.firstPage <= currentPage) ?? parts[0];
  const [partId, setPartId] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = { part: useId(), page: useId(), error: useId() };
  if (parts.length < 2) return null;
  const part = parts.find((candidate) => candidate.id === partId) ?? currentPart;
  if (!part) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const page = bundlePageOf(part, Number(value.trim()));
    if (page === null) {
      setError(t('viewer.goTo.outOfRange', { count: part.lastPage - part.firstPage + 1 }));
      return;
    }
    setError(null);
    controller.goToPage(page);
  };

  return (
    <form className="viewer-document-jump" onSubmit={submit} noValidate aria-label={t('viewer.goTo.title')}>
      <label htmlFor={ids.part}>{t('viewer.goTo.document')}</label>
      <select id={ids.part} value={part.id} onChange={(event) => setPartId(event.target.value)}>
        {parts.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {t('viewer.goTo.part', { title: candidate.title, first: candidate.firstPage, last: candidate.lastPage })}
          </option>
        ))}
      </select>
      <label htmlFor={ids.page}>{t('viewer.goTo.page')}</label>
      <input
        id={ids.page}
        className="viewer-page-input"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? ids.error : undefined}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="viewer-tool viewer-tool-text">
        {t('viewer.goTo.go')}
      </button>
      {error ? (
        <span id={ids.error} className="viewer-inline-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}
