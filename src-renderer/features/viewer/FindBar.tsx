import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaneController } from './pane-controller';
import { usePane } from './use-pane';
import { ViewerIcon } from './ViewerIcon';

const TYPING_PAUSE_MS = 250;

/** Find in document: type to search (from the current page on), Enter / Shift+Enter for next / previous. */
export function FindBar({ controller, onClose }: { controller: PaneController; onClose: () => void }) {
  const { t } = useTranslation();
  const status = usePane(controller, (state) => state.find);
  const [value, setValue] = useState(status.query);
  const input = useRef<HTMLInputElement>(null);
  const searched = useRef(status.query);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  // A search started elsewhere (opening a search hit) shows its words here.
  useEffect(() => {
    if (status.query !== searched.current) {
      searched.current = status.query;
      setValue(status.query);
    }
  }, [status.query]);

  useEffect(() => {
    if (value === searched.current) return;
    const timer = setTimeout(() => {
      searched.current = value;
      controller.find(value);
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [value, controller]);

  const runNow = () => {
    if (value !== searched.current) {
      searched.current = value;
      controller.find(value);
      return true;
    }
    return false;
  };

  const message = !status.query.trim()
    ? ''
    : status.total === 0
      ? status.done
        ? t('viewer.find.none')
        : t('viewer.find.searching', { searched: status.searchedPages, pages: status.pageCount })
      : status.done
        ? t('viewer.find.status', { selected: status.selected ?? 0, total: status.total })
        : t('viewer.find.statusSoFar', { selected: status.selected ?? 0, total: status.total });

  return (
    <div className="viewer-find" role="search" aria-label={t('viewer.find.label')}>
      <label htmlFor={`${controller.id}-find`} className="visually-hidden">
        {t('viewer.find.label')}
      </label>
      <input
        ref={input}
        id={`${controller.id}-find`}
        type="search"
        className="viewer-find-input"
        value={value}
        placeholder={t('viewer.find.placeholder')}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            if (runNow()) return;
            if (event.shiftKey) controller.findPrevious();
            else controller.findNext();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      />
      <button type="button" className="viewer-tool" onClick={() => controller.findPrevious()} disabled={status.total === 0} aria-label={t('viewer.find.previous')} title={t('viewer.find.previous')}>
        <ViewerIcon name="up" />
      </button>
      <button type="button" className="viewer-tool" onClick={() => controller.findNext()} disabled={status.total === 0} aria-label={t('viewer.find.next')} title={t('viewer.find.next')}>
        <ViewerIcon name="down" />
      </button>
      <span className="viewer-find-status" data-testid="find-status">
        {message}
      </span>
      {/* Announced once the count is final, not at every page of the background search. */}
      <span className="visually-hidden" role="status">
        {status.done ? message : ''}
      </span>
      <button type="button" className="viewer-tool" onClick={onClose} aria-label={t('viewer.find.close')} title={t('viewer.find.close')}>
        <ViewerIcon name="close" />
      </button>
    </div>
  );
}
