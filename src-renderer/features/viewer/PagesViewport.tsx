import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { Note } from '../../../src-preload/api';
import type { FractionRect } from './note-rects';
import type { PaneController } from './pane-controller';
import { PageView } from './PageView';
import { usePane } from './use-pane';

interface PagesViewportProps {
  controller: PaneController;
  label: string;
  notes: readonly Note[];
  pending: { page: number; rects: readonly FractionRect[] } | null;
  viewportRef: RefObject<HTMLDivElement | null>;
}

/**
 * The continuous scroll of a document: a focusable region (arrow keys, Page Up/Down, Space, Home and
 * End scroll it natively) holding a box as tall as every page together, with only the pages near the
 * screen mounted in it.
 */
export function PagesViewport({ controller, label, notes, pending, viewportRef }: PagesViewportProps) {
  const content = useRef<HTMLDivElement>(null);
  const layoutVersion = usePane(controller, (state) => state.layoutVersion);
  const firstMounted = usePane(controller, (state) => state.firstMounted);
  const lastMounted = usePane(controller, (state) => state.lastMounted);
  const contentWidth = usePane(controller, (state) => state.contentWidth);
  const contentHeight = usePane(controller, (state) => state.contentHeight);

  useEffect(() => {
    const element = viewportRef.current;
    if (!element) return;
    controller.attachViewport(element);
    return () => controller.detachViewport(element);
  }, [controller, viewportRef]);

  useLayoutEffect(() => {
    controller.layoutCommitted();
  }, [controller, layoutVersion]);

  const layout = controller.layout;
  const pages = [];
  if (layout && layoutVersion > 0) {
    for (let page = firstMounted; page <= lastMounted; page++) {
      pages.push(
        <PageView
          key={page}
          controller={controller}
          page={page}
          box={layout.box(page)}
          notes={notes.filter((note) => note.page === page)}
          pendingRects={pending?.page === page ? pending.rects : null}
        />,
      );
    }
  }

  return (
    <div ref={viewportRef} className="viewer-viewport" tabIndex={0} role="region" aria-label={label} data-testid="viewer-viewport" data-region-focus>
      <div ref={content} className="viewer-content" style={{ width: contentWidth, height: contentHeight }}>
        {pages}
      </div>
    </div>
  );
}
