import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../src-preload/api';
import { useAppStore, type View } from '../../stores/app-store';
import { bridge } from '../../stores/bridge';
import { useCasesStore } from '../../stores/cases-store';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { findDocument, type IndexDocument } from './bundle-index-model';
import { BundleIndex } from './BundleIndex';
import { DocumentPane, type PaneSpec } from './DocumentPane';
import { actionForKey, keyContext } from './keyboard-shortcuts';
import { KeyboardShortcutsDialog } from './KeyboardShortcutsDialog';
import type { PaneController } from './pane-controller';
import { SidePanel, type SidePanelTab } from './SidePanel';
import { Thumbnails } from './Thumbnails';
import { ViewerErrorBoundary } from './ViewerErrorBoundary';
import { openInViewer } from './open-in-viewer';
import { runPaneAction } from './pane-actions';
import './viewer.css';

export type ViewerView = Extract<View, { name: 'viewer' }>;

/** What a panel hosted in the side panel can do with the viewer. */
export interface ViewerPanelContext {
  /** The document in the active pane. */
  currentMaterialId: string | null;
  /** Shows a stored material of this case at a page (in the active pane). */
  openAt(materialId: string, page: number): void;
}

export interface ViewerScreenProps {
  view: ViewerView;
  /** Another feature's panel (the case's notes list), shown as a tab of the side panel. */
  sidePanelExtra?: ReactNode | ((context: ViewerPanelContext) => ReactNode);
  /** The tab's name; "Notes" by default. */
  sidePanelExtraLabel?: string;
}

let paneKeys = 0;
function paneSpec(documentId: string, materialId: string, page?: number, highlight?: string): PaneSpec {
  return { key: `p${++paneKeys}`, documentId, request: { materialId, page, highlight } };
}

/**
 * The document viewer: the bundle index (and thumbnails, and a notes tab) beside one document, or two
 * side by side. Documents come from the renderer's own origin by id; notes and reading places go
 * through the contract.
 */
export function ViewerScreen({ view, sidePanelExtra, sidePanelExtraLabel }: ViewerScreenProps) {
  const { t } = useTranslation();
  const setView = useAppStore((state) => state.setView);
  const detail = useCasesStore((state) => (state.detail?.summary.id === view.caseId ? state.detail : null));
  const detailError = useCasesStore((state) => state.detailError);
  const loadDetail = useCasesStore((state) => state.loadDetail);
  const [panes, setPanes] = useState<PaneSpec[]>(() => [paneSpec(view.documentId, view.materialId, view.page, view.highlight)]);
  const [activeKey, setActiveKey] = useState(() => panes[0]?.key ?? '');
  const [controllers, setControllers] = useState<Record<string, PaneController | null>>({});
  const [notes, setNotes] = useState<Note[]>([]);
  const [panelOpen, setPanelOpen] = useState(true);
  const [helpOpen, setHelpOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void loadDetail(view.caseId);
    void bridge.call('cases.focus', { caseId: view.caseId });
    return () => void bridge.call('cases.focus', { caseId: null });
  }, [view.caseId, loadDetail]);

  // Notes of the case: drawn on their pages, reloaded whenever main says they changed.
  useEffect(() => {
    let live = true;
    const load = () =>
      void bridge.call('notes.list', { caseId: view.caseId }).then((result) => {
        if (live && result.ok) setNotes(result.value);
      });
    load();
    const unsubscribe = bridge.on('notes.changed', ({ caseId }) => caseId === view.caseId && load());
    return () => {
      live = false;
      unsubscribe();
    };
  }, [view.caseId]);

  const activePane = panes.find((pane) => pane.key === activeKey) ?? panes[0];
  const activeController = activePane ? (controllers[activePane.key] ?? null) : null;

  // Opening the viewer again while it is open (a note, a search hit): the active pane follows. Another
  // document replaces the active pane's (decided while rendering); the same one just moves (an effect).
  const [seenView, setSeenView] = useState(view);
  if (seenView !== view) {
    setSeenView(view);
    const target = activePane;
    const sameDocument = target && target.request.materialId === view.materialId && controllers[target.key];
    if (target && !sameDocument) {
      const next = paneSpec(view.documentId, view.materialId, view.page, view.highlight);
      setPanes((current) => current.map((pane) => (pane.key === target.key ? next : pane)));
      setActiveKey(next.key);
    }
  }
  const firstView = useRef(view);
  useEffect(() => {
    if (view === firstView.current) return;
    const controller = activeController;
    if (!controller || controller.request.materialId !== view.materialId) return;
    if (view.highlight) controller.showSearchHit(view.highlight, view.page ?? controller.store.getState().currentPage);
    else if (view.page) controller.goToPage(view.page);
    // Only a new view moves the pane; a pane becoming active must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view]);

  const onController = useCallback((key: string, controller: PaneController | null) => {
    setControllers((current) => ({ ...current, [key]: controller }));
  }, []);

  const openDocument = (document: IndexDocument) => {
    if (!document.stored || !activePane) return;
    if (activePane.request.materialId === document.stored.id) {
      controllers[activePane.key]?.goToPage(1);
      return;
    }
    const next = paneSpec(document.documentId, document.stored.id);
    setPanes((current) => current.map((pane) => (pane.key === activePane.key ? next : pane)));
    setActiveKey(next.key);
  };

  const toggleSideBySide = () => {
    if (panes.length > 1) {
      const keep = activePane ?? panes[0];
      if (keep) {
        setPanes([keep]);
        setActiveKey(keep.key);
      }
      return;
    }
    const first = panes[0];
    if (!first) return;
    const second = paneSpec(first.documentId, first.request.materialId, controllers[first.key]?.store.getState().currentPage);
    setPanes([first, second]);
    setActiveKey(second.key);
  };

  const closePane = (key: string) => {
    const rest = panes.filter((pane) => pane.key !== key);
    if (rest.length === 0) return;
    setPanes(rest);
    if (activeKey === key) setActiveKey(rest[0]?.key ?? '');
  };

  /** F6 moves between the side panel and the documents; keys typed outside a pane act on the active one. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const action = actionForKey(event, keyContext(event.target));
    if (!action) return;
    if (action === 'nextRegion' || action === 'previousRegion') {
      const regions = [...(root.current?.querySelectorAll<HTMLElement>('[data-viewer-region]') ?? [])];
      const at = regions.findIndex((region) => region.contains(document.activeElement));
      const next = regions[(at + (action === 'nextRegion' ? 1 : -1) + regions.length) % regions.length];
      event.preventDefault();
      next?.querySelector<HTMLElement>('[data-region-focus]')?.focus();
      return;
    }
    if (action === 'help') {
      event.preventDefault();
      setHelpOpen(true);
      return;
    }
    if (activeController && runPaneAction(activeController, action)) event.preventDefault();
  };

  const document_ = findDocument(detail, activePane?.documentId ?? view.documentId);
  const nameOf = (documentId: string) => findDocument(detail, documentId)?.name ?? t('viewer.untitled');
  const tabs: SidePanelTab[] = [
    {
      id: 'index',
      label: t('viewer.panel.index'),
      content: detail ? (
        <BundleIndex detail={detail} activeMaterialId={activePane?.request.materialId ?? null} activeController={activeController} onOpen={openDocument} />
      ) : null,
    },
    { id: 'pages', label: t('viewer.panel.pages'), content: activeController ? <Thumbnails key={activeController.id} controller={activeController} /> : null },
  ];
  const panelContext: ViewerPanelContext = {
    currentMaterialId: activePane?.request.materialId ?? null,
    openAt: (materialId, page) => {
      const owner = detail?.documents.find((candidate) => candidate.materials.some((material) => material.id === materialId));
      if (owner) openInViewer({ caseId: view.caseId, documentId: owner.id, materialId, page });
    },
  };
  if (sidePanelExtra) {
    tabs.push({
      id: 'extra',
      label: sidePanelExtraLabel ?? t('viewer.panel.notes'),
      content: typeof sidePanelExtra === 'function' ? sidePanelExtra(panelContext) : sidePanelExtra,
    });
  }

  return (
    <div className="viewer" ref={root} onKeyDown={onKeyDown}>
      <div className="viewer-header">
        <button type="button" className="link-button" onClick={() => setView({ name: 'case', caseId: view.caseId })}>
          {t('viewer.back')}
        </button>
        <ScreenHeading>{document_?.name ?? t('viewer.untitled')}</ScreenHeading>
        <div className="viewer-header-tools">
          <button type="button" className="viewer-tool viewer-tool-text" aria-pressed={panelOpen} onClick={() => setPanelOpen((open) => !open)}>
            {t('viewer.panel.toggle')}
          </button>
          <button type="button" className="viewer-tool viewer-tool-text" aria-pressed={panes.length > 1} onClick={toggleSideBySide}>
            {t('viewer.panes.sideBySide')}
          </button>
          <button type="button" className="viewer-tool viewer-tool-text" onClick={() => setHelpOpen(true)}>
            {t('viewer.shortcuts.open')}
          </button>
        </div>
      </div>
      {detailError && !detail ? <ErrorMessage error={detailError} /> : null}
      <div className="viewer-body">
        {panelOpen ? <SidePanel tabs={tabs} label={t('viewer.panel.label')} /> : null}
        <div className="viewer-panes" data-count={panes.length}>
          {panes.map((pane, index) => (
            <ViewerErrorBoundary key={pane.key} onReset={() => setPanes((current) => current.map((candidate) => (candidate.key === pane.key ? { ...pane, request: { ...pane.request } } : candidate)))}>
              <DocumentPane
                spec={pane}
                caseId={view.caseId}
                documentName={nameOf(pane.documentId)}
                notes={notes.filter((note) => note.materialId === pane.request.materialId)}
                active={panes.length > 1 && pane.key === activePane?.key}
                paneLabel={panes.length > 1 ? t(index === 0 ? 'viewer.panes.left' : 'viewer.panes.right') : null}
                onActivate={() => setActiveKey(pane.key)}
                onController={onController}
                onClose={panes.length > 1 ? () => closePane(pane.key) : null}
                onNoteSaved={(note) => setNotes((current) => (current.some((candidate) => candidate.id === note.id) ? current : [...current, note]))}
              />
            </ViewerErrorBoundary>
          ))}
        </div>
      </div>
      {helpOpen ? <KeyboardShortcutsDialog onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}
