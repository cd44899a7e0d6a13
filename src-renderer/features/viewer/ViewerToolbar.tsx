import { useTranslation } from 'react-i18next';
import { DocumentPageJump } from './DocumentPageJump';
import type { PaneController } from './pane-controller';
import { PageNavigator } from './PageNavigator';
import { ZoomControls } from './ZoomControls';
import { ViewerIcon } from './ViewerIcon';

interface ViewerToolbarProps {
  controller: PaneController;
  onFind: () => void;
  onAddNote: () => void;
  /** A selection is waiting to become a note (the button then says so). */
  hasSelection: boolean;
}

/** A pane's tools: pages, a page within a bundle document, zoom, rotation, find, notes. */
export function ViewerToolbar({ controller, onFind, onAddNote, hasSelection }: ViewerToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="viewer-toolbar" role="group" aria-label={t('viewer.toolbar.label')}>
      <PageNavigator controller={controller} inputId={`${controller.id}-page`} />
      <DocumentPageJump controller={controller} />
      <ZoomControls controller={controller} />
      <div className="viewer-tool-group" role="group" aria-label={t('viewer.toolbar.rotate')}>
        <button type="button" className="viewer-tool" onClick={() => controller.rotate(-90)} aria-label={t('viewer.toolbar.rotateAnticlockwise')} title={t('viewer.toolbar.rotateAnticlockwise')}>
          <ViewerIcon name="rotateAnticlockwise" />
        </button>
        <button type="button" className="viewer-tool" onClick={() => controller.rotate(90)} aria-label={t('viewer.toolbar.rotateClockwise')} title={t('viewer.toolbar.rotateClockwise')}>
          <ViewerIcon name="rotateClockwise" />
        </button>
      </div>
      <button type="button" className="viewer-tool viewer-tool-text" onClick={onFind}>
        {t('viewer.toolbar.find')}
      </button>
      <button type="button" className="viewer-tool viewer-tool-text" onClick={onAddNote} onMouseDown={(event) => event.preventDefault()}>
        {hasSelection ? t('viewer.toolbar.addNoteOnSelection') : t('viewer.toolbar.addNote')}
      </button>
    </div>
  );
}
