import { useLayoutEffect, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../src-preload/api';
import { NoteHighlights } from './NoteHighlights';
import type { FractionRect } from './note-rects';
import type { PaneController } from './pane-controller';
import { PDF_TO_CSS_UNITS, totalRotation } from './page-geometry';
import type { PageBox } from './page-layout';
import { usePane } from './use-pane';

interface PageViewProps {
  controller: PaneController;
  page: number;
  box: PageBox;
  notes: readonly Note[];
  pendingRects: readonly FractionRect[] | null;
}

/**
 * One page in the scroll: a box of the page's size where the painter puts its canvas and text layer,
 * the reader's highlights, and words for what is not there yet (loading, could not be drawn, no text).
 */
export function PageView({ controller, page, box, notes, pendingRects }: PageViewProps) {
  const { t } = useTranslation();
  const canvasHost = useRef<HTMLDivElement>(null);
  const textLayer = useRef<HTMLDivElement>(null);
  const painted = usePane(controller, (state) => state.paintedPages.has(page));
  const failed = usePane(controller, (state) => state.failedPages.has(page));
  const textless = usePane(controller, (state) => state.textlessPages.has(page));
  const scale = usePane(controller, (state) => state.scale);
  const rotation = usePane(controller, (state) => state.rotation);
  const size = controller.layout?.sizeOf(page);

  useLayoutEffect(() => {
    const host = canvasHost.current;
    const text = textLayer.current;
    if (!host || !text) return;
    controller.mountPage(page, { canvasHost: host, textLayer: text });
    return () => controller.unmountPage(page);
  }, [controller, page]);

  const style = {
    top: box.top,
    left: box.left,
    width: box.width,
    height: box.height,
    '--scale-factor': scale * PDF_TO_CSS_UNITS,
  } as CSSProperties;

  return (
    <div className="viewer-page" data-page-number={page} style={style} role="group" aria-label={t('viewer.page.label', { page })}>
      <div ref={canvasHost} className="viewer-page-canvas-host" />
      {size ? <NoteHighlights notes={notes} pending={pendingRects} size={size} rotation={totalRotation(size, rotation)} /> : null}
      <div ref={textLayer} className="textLayer" />
      {failed ? (
        <p className="viewer-page-status viewer-page-failed">{t('viewer.page.failed', { page })}</p>
      ) : !painted ? (
        <p className="viewer-page-status">{t('viewer.page.loading', { page })}</p>
      ) : null}
      {textless ? <p className="viewer-page-textless">{t('viewer.page.textless')}</p> : null}
    </div>
  );
}
