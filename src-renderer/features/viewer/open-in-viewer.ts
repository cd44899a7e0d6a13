import { useAppStore } from '../../stores/app-store';

export interface ViewerTarget {
  caseId: string;
  documentId: string;
  materialId: string;
  page?: number;
  /** A search's query text: the hit is highlighted on `page`. */
  highlight?: string;
}

/**
 * Shows a document in the viewer. If the viewer is already open on that case, the document opens in
 * its active pane (or, if it is already there, the pane just moves to `page`): a notes list or a search
 * result can jump into the document without losing the other pane.
 */
export function openInViewer(target: ViewerTarget): void {
  useAppStore.getState().setView({ name: 'viewer', ...target });
}
