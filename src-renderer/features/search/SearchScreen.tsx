import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatUrn, type ContractError, type SearchHit, type SearchStatus } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { openInViewer } from '../viewer/open-in-viewer';

/** Debounce for search-as-you-type: fast enough to feel live, slow enough not to search every letter. */
const TYPE_DELAY_MS = 250;

/**
 * Search every document cached on this laptop, with no network. A hit opens its page in the viewer
 * with the words highlighted. Pages with no text (scans) are counted, so nobody trusts a "no results"
 * that search could not have found.
 */
export function SearchScreen() {
  const { t } = useTranslation();
  const inputId = useId();
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<{ query: string; hits: SearchHit[]; total: number; tookMs: number } | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [status, setStatus] = useState<SearchStatus | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    void bridge.call('search.status', {}).then((result) => {
      if (result.ok) setStatus(result.value);
    });
    return bridge.on('search.changed', setStatus);
  }, []);

  const run = async (text: string) => {
    const trimmed = text.trim();
    const ticket = ++latest.current;
    if (trimmed === '') {
      setAnswer(null);
      setError(null);
      return;
    }
    const result = await bridge.call('search.query', { query: trimmed, limit: 50 });
    // Answers can come back out of order while typing: only the newest question's answer is shown.
    if (ticket !== latest.current) return;
    if (result.ok) {
      setAnswer({ query: trimmed, ...result.value });
      setError(null);
    } else setError(result.error);
  };

  useEffect(() => {
    const timer = setTimeout(() => void run(query), TYPE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(query);
  };

  return (
    <>
      <ScreenHeading>{t('search.title')}</ScreenHeading>
      <form role="search" className="search-form" onSubmit={submit}>
        <label htmlFor={inputId} className="label">
          {t('search.label')}
        </label>
        <div className="search-row">
          <input id={inputId} className="input" type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
          <button type="submit" className="button">
            {t('search.submit')}
          </button>
        </div>
      </form>
      {status ? (
        <p className="muted" data-testid="search-status">
          {t('search.coverage', { documents: status.indexedDocuments, pages: status.indexedPages })}
          {status.pendingDocuments > 0 ? ` ${t('search.stillIndexing', { count: status.pendingDocuments })}` : ''}
          {status.imageOnlyPages > 0 ? ` ${t('search.imageOnly', { count: status.imageOnlyPages })}` : ''}
          {status.failedDocuments > 0 ? ` ${t('search.failed', { count: status.failedDocuments })}` : ''}
        </p>
      ) : null}
      <ErrorMessage error={error} />
      <div aria-live="polite">
        {answer ? (
          <p role="status">{answer.total === 0 ? t('search.none', { query: answer.query }) : t('search.count', { shown: answer.hits.length, total: answer.total })}</p>
        ) : null}
      </div>
      {answer && answer.hits.length > 0 ? (
        <ol className="plain-list search-hits">
          {answer.hits.map((hit) => (
            <li key={`${hit.materialId}-${hit.page}`} className="search-hit">
              <button
                type="button"
                className="link-button search-hit-title"
                onClick={() => openInViewer({ caseId: hit.caseId, documentId: hit.documentId, materialId: hit.materialId, page: hit.page, highlight: answer.query })}
              >
                {t('search.hitTitle', { document: hit.documentName, page: hit.page })}
              </button>
              <span className="muted"> · {formatUrn(hit.urn)}</span>
              <p className="search-snippet">
                {hit.snippet.map((segment, index) => (segment.hit ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}
