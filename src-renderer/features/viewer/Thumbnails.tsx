import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaneController } from './pane-controller';
import { totalRotation } from './page-geometry';
import { thumbnailStore } from './thumbnail-store';
import { usePane } from './use-pane';
import { useRovingFocus } from './use-roving-focus';

/** Height of one thumbnail row (picture and page number), in CSS pixels: fixed, so 2,000 rows scroll lazily. */
const ROW_HEIGHT = 196;
const OVERSCAN_ROWS = 3;

/** Small pictures of the pages, only those in view drawn; the current page is marked and kept in view. */
export function Thumbnails({ controller }: { controller: PaneController }) {
  const { t } = useTranslation();
  const pageCount = usePane(controller, (state) => state.pageCount);
  const currentPage = usePane(controller, (state) => state.currentPage);
  const rotation = usePane(controller, (state) => state.rotation);
  usePane(controller, (state) => state.layoutVersion);
  useSyncExternalStore(thumbnailStore.subscribe, thumbnailStore.version);
  const list = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const roving = useRovingFocus(`thumb:${currentPage}`);
  const focused = Number((roving.focusKey ?? '').replace('thumb:', '')) || currentPage;

  const first = Math.max(1, Math.floor(view.top / ROW_HEIGHT) + 1 - OVERSCAN_ROWS);
  const last = Math.min(pageCount, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN_ROWS);

  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, []);

  useEffect(() => {
    const onScreen: number[] = [];
    for (let page = Math.max(1, first + OVERSCAN_ROWS - 1); page <= Math.min(pageCount, last - OVERSCAN_ROWS + 1); page++) onScreen.push(page);
    controller.setThumbnailPages(onScreen);
  }, [controller, first, last, pageCount]);
  useEffect(() => () => controller.setThumbnailPages([]), [controller]);

  // Keep the page being read in view, unless the reader is moving through the thumbnails themselves.
  useEffect(() => {
    const element = list.current;
    if (!element || element.contains(document.activeElement)) return;
    const top = (currentPage - 1) * ROW_HEIGHT;
    if (top < element.scrollTop || top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top - element.clientHeight / 3;
  }, [currentPage]);

  const layout = controller.layout;
  const rows = [];
  const pages = new Set<number>();
  for (let page = first; page <= last; page++) pages.add(page);
  if (focused >= 1 && focused <= pageCount) pages.add(focused);
  for (const page of [...pages].sort((a, b) => a - b)) {
    const variant = layout ? `t${totalRotation(layout.sizeOf(page), rotation)}` : '';
    const url = thumbnailStore.get(controller.owner, page, variant);
    rows.push(
      <li key={page} className="viewer-thumbnail" style={{ top: (page - 1) * ROW_HEIGHT }}>
        <button
          type="button"
          className="viewer-thumbnail-button"
          aria-current={page === currentPage ? 'page' : undefined}
          onClick={() => controller.goToPage(page)}
          {...roving.itemProps(`thumb:${page}`)}
          onKeyDown={(event) => {
            // The list is virtual: move focus by page number, mounting the next row first.
            if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
            event.preventDefault();
            event.stopPropagation();
            const next = Math.min(pageCount, Math.max(1, page + (event.key === 'ArrowDown' ? 1 : -1)));
            const element = list.current;
            if (element) {
              const top = (next - 1) * ROW_HEIGHT;
              if (top < element.scrollTop || top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top - ROW_HEIGHT;
            }
            requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-roving-key="thumb:${next}"]`)?.focus());
          }}
        >
          <span className="viewer-thumbnail-frame">{url ? <img src={url} alt="" /> : null}</span>
          <span className="viewer-thumbnail-label">{t('viewer.thumbnails.page', { page })}</span>
        </button>
      </li>,
    );
  }

  return (
    <div ref={list} className="viewer-thumbnails" aria-label={t('viewer.thumbnails.label')} role="region">
      <ul className="viewer-thumbnail-list" style={{ height: pageCount * ROW_HEIGHT }}>
        {rows}
      </ul>
    </div>
  );
}
