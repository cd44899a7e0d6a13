import { useTranslation } from 'react-i18next';
import type { OutlineEntry } from './document-session';

interface DocumentOutlineProps {
  entries: readonly OutlineEntry[];
  currentPage: number;
  onGoTo: (entry: OutlineEntry) => void;
  itemProps: (key: string) => object;
}

/** The PDF's own bookmarks, nested, each a button to its page (the entry the reader is in is marked). */
export function DocumentOutline({ entries, currentPage, onGoTo, itemProps }: DocumentOutlineProps) {
  const { t } = useTranslation();
  const here = currentEntry(entries, currentPage);
  const render = (list: readonly OutlineEntry[]) => (
    <ul className="viewer-outline">
      {list.map((entry) => (
        <li key={entry.id}>
          {entry.page !== null ? (
            <button
              type="button"
              className="viewer-index-item viewer-outline-item"
              aria-current={entry.id === here ? 'location' : undefined}
              onClick={() => onGoTo(entry)}
              {...itemProps(`outline:${entry.id}`)}
            >
              <span>{entry.title}</span>
              {typeof entry.page === 'number' ? <span className="muted">{t('viewer.index.pageRef', { page: entry.page })}</span> : null}
            </button>
          ) : (
            <span className="viewer-outline-item muted">{entry.title}</span>
          )}
          {entry.children.length > 0 ? render(entry.children) : null}
        </li>
      ))}
    </ul>
  );
  return render(entries);
}

/** The deepest bookmark at or before the page the reader is on. */
function currentEntry(entries: readonly OutlineEntry[], page: number): string | null {
  let best: { id: string; page: number } | null = null;
  const stack = [...entries];
  while (stack.length > 0) {
    const entry = stack.shift();
    if (!entry) break;
    if (typeof entry.page === 'number' && entry.page <= page && (best === null || entry.page >= best.page)) best = { id: entry.id, page: entry.page };
    stack.unshift(...entry.children);
  }
  return best?.id ?? null;
}
