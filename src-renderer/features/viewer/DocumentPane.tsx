import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../src-preload/api';
import { FindBar } from './FindBar';
import { actionForKey, keyContext } from './keyboard-shortcuts';
import { NoteComposer, type NoteDraft } from './NoteComposer';
import { OpenFailureMessage } from './OpenFailureMessage';
import { PaneController, type OpenRequest } from './pane-controller';
import { PagesViewport } from './PagesViewport';
import { PasswordPrompt } from './PasswordPrompt';
import { useSelectionCapture } from './use-selection-capture';
import { usePane } from './use-pane';
import { ViewerToolbar } from './ViewerToolbar';

export interface PaneSpec {
  key: string;
  documentId: string;
  request: OpenRequest;
}

interface DocumentPaneProps {
  spec: PaneSpec;
  caseId: string;
  documentName: string;
  notes: readonly Note[];
  active: boolean;
  /** "Left document" / "Right document" when side by side. */
  paneLabel: string | null;
  onActivate: () => void;
  onController: (key: string, controller: PaneController | null) => void;
  onClose: (() => void) | null;
  onNoteSaved: (note: Note) => void;
}

/** One open document: its toolbar, find bar, note composer and pages — or why it cannot be shown. */
export function DocumentPane(props: DocumentPaneProps) {
  // "Try again" opens the document afresh: a new controller, from scratch.
  const [attempt, setAttempt] = useState(0);
  return <PaneHost key={`${props.spec.key}:${attempt}`} {...props} onRetry={() => setAttempt((n) => n + 1)} />;
}

function PaneHost(props: DocumentPaneProps & { onRetry: () => void }) {
  const { spec, onController } = props;
  const [controller] = useState(() => new PaneController(spec.request));

  useEffect(() => {
    controller.retain();
    onController(spec.key, controller);
    return () => {
      onController(spec.key, null);
      controller.release();
    };
  }, [controller, spec.key, onController]);

  return (
    <section
      className={`viewer-pane${props.active ? ' viewer-pane-active' : ''}`}
      aria-label={props.paneLabel ? `${props.paneLabel}: ${props.documentName}` : props.documentName}
      onFocusCapture={props.onActivate}
      onPointerDownCapture={props.onActivate}
      data-testid="viewer-pane"
      data-viewer-region
    >
      <PaneBody {...props} controller={controller} />
    </section>
  );
}

function PaneBody(props: DocumentPaneProps & { controller: PaneController; onRetry: () => void }) {
  const { controller, documentName, caseId, spec } = props;
  const { t } = useTranslation();
  const phase = usePane(controller, (state) => state.phase);
  const failure = usePane(controller, (state) => state.failure);
  const password = usePane(controller, (state) => state.password);
  const findBarOpen = usePane(controller, (state) => state.findBarOpen);
  const viewportRef = useRef<HTMLDivElement>(null);
  const selection = useSelectionCapture(viewportRef, controller);
  const [draft, setDraft] = useState<NoteDraft | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const startNote = () => {
    const page = selection?.page ?? controller.store.getState().currentPage;
    setDraft({
      caseId,
      documentId: spec.documentId,
      materialId: spec.request.materialId,
      page,
      quote: selection?.quote ?? null,
      rects: selection?.rects ?? [],
    });
    setSaved(null);
  };
  const closeDraft = () => {
    setDraft(null);
    viewportRef.current?.focus({ preventScroll: true });
  };
  const closeFind = () => {
    controller.setFindBarOpen(false);
    viewportRef.current?.focus({ preventScroll: true });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (phase === 'ready' && actionForKey(event, keyContext(event.target)) === 'addNote') {
      event.preventDefault();
      event.stopPropagation();
      startNote();
    }
  };

  return (
    <div className="viewer-pane-inner" onKeyDown={onKeyDown}>
      <div className="viewer-pane-header">
        <h2 className="viewer-pane-title">{documentName}</h2>
        {props.onClose ? (
          <button type="button" className="viewer-tool viewer-tool-text" onClick={props.onClose}>
            {t('viewer.panes.close')}
          </button>
        ) : null}
      </div>
      {phase === 'ready' ? <ViewerToolbar controller={controller} onFind={() => controller.setFindBarOpen(true)} onAddNote={startNote} hasSelection={selection !== null} /> : null}
      {phase === 'ready' && findBarOpen ? <FindBar controller={controller} onClose={closeFind} /> : null}
      {draft ? (
        <NoteComposer
          draft={draft}
          onCancel={closeDraft}
          onDone={(note) => {
            props.onNoteSaved(note);
            setSaved(t('viewer.notes.saved', { page: note.page }));
            closeDraft();
            document.getSelection()?.removeAllRanges();
          }}
        />
      ) : null}
      <p className="visually-hidden" role="status">
        {saved ?? ''}
      </p>
      <div className="viewer-pane-body" data-phase={phase}>
        {phase === 'failed' && failure ? <OpenFailureMessage failure={failure} documentName={documentName} onRetry={props.onRetry} /> : null}
        {phase === 'password' && password ? <PasswordPrompt request={password} onCancel={() => password.cancel()} /> : null}
        {phase === 'opening' ? <OpeningProgress controller={controller} documentName={documentName} /> : null}
        {phase === 'ready' || phase === 'opening' ? (
          <PagesViewport
            controller={controller}
            label={t('viewer.panes.document', { name: documentName })}
            notes={props.notes}
            pending={draft && draft.rects.length > 0 ? { page: draft.page, rects: draft.rects } : null}
            viewportRef={viewportRef}
          />
        ) : null}
        {selection && !draft ? (
          <button
            type="button"
            className="viewer-selection-note"
            style={{ left: selection.end.x, top: selection.end.y + 6 }}
            onMouseDown={(event) => event.preventDefault()}
            onClick={startNote}
          >
            {t('viewer.toolbar.addNoteOnSelection')}
          </button>
        ) : null}
      </div>
      <PaneStatus controller={controller} documentName={documentName} />
    </div>
  );
}

/**
 * While the document opens. Bytes read are no measure of it (a 2,000-page bundle opens after reading a
 * few hundred kilobytes of it), so the bar is indeterminate until the file has mostly been read.
 */
function OpeningProgress({ controller, documentName }: { controller: PaneController; documentName: string }) {
  const { t } = useTranslation();
  const progress = usePane(controller, (state) => state.progress);
  const measured = progress && progress.total > 0 && progress.loaded / progress.total > 0.5;
  return (
    <div className="viewer-opening" role="status">
      <p>{t('viewer.opening', { name: documentName })}</p>
      <progress className="progress-bar" aria-label={t('viewer.openingProgress')} {...(measured ? { max: progress.total, value: progress.loaded } : {})} />
    </div>
  );
}

/** What a screen reader hears as the reader moves: the document opened, the page they are on now. */
function PaneStatus({ controller, documentName }: { controller: PaneController; documentName: string }) {
  const { t } = useTranslation();
  const phase = usePane(controller, (state) => state.phase);
  const pageCount = usePane(controller, (state) => state.pageCount);
  const currentPage = usePane(controller, (state) => state.currentPage);
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    if (phase !== 'ready') return;
    // After the reader settles on a page, not at every page scrolled past.
    const timer = setTimeout(() => setAnnounced(t('viewer.panes.status', { name: documentName, page: currentPage, count: pageCount })), 700);
    return () => clearTimeout(timer);
  }, [phase, currentPage, pageCount, documentName, t]);
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="viewer-status">
      {announced}
    </p>
  );
}
