import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../src-preload/api';
import { formatDate } from '../../ui/format';
import { bundleIndex, type IndexDocument } from './bundle-index-model';
import { DocumentOutline } from './DocumentOutline';
import type { PaneController } from './pane-controller';
import { usePane } from './use-pane';
import { useRovingFocus } from './use-roving-focus';

interface BundleIndexProps {
  detail: CaseDetail;
  /** The document in the active pane (its bookmarks show under it). */
  activeMaterialId: string | null;
  activeController: PaneController | null;
  onOpen: (document: IndexDocument) => void;
}

/**
 * The bundle's index: the case's documents by section (each opens in the active pane) and, under the
 * open one, the PDF's own bookmarks. One Tab stop; the arrow keys move through it.
 */
export function BundleIndex({ detail, activeMaterialId, activeController, onOpen }: BundleIndexProps) {
  const { t } = useTranslation();
  const groups = bundleIndex(detail);
  const activeKey = groups.flatMap((group) => group.documents).find((document) => document.stored?.id === activeMaterialId)?.documentId ?? null;
  const roving = useRovingFocus(activeKey ? `doc:${activeKey}` : `doc:${groups[0]?.documents[0]?.documentId ?? ''}`);

  return (
    <nav className="viewer-index" aria-label={t('viewer.index.label')} onKeyDown={roving.onKeyDown}>
      {groups.map((group) => (
        <div key={group.section} className="viewer-index-section">
          <h3 className="viewer-index-heading">{t(`case.sections.${group.section}`)}</h3>
          <ul className="viewer-index-list">
            {group.documents.map((document) => {
              const isActive = document.stored !== null && document.stored.id === activeMaterialId;
              return (
                <li key={document.documentId}>
                  {document.stored ? (
                    <button
                      type="button"
                      className="viewer-index-item"
                      aria-current={isActive ? 'true' : undefined}
                      onClick={() => onOpen(document)}
                      {...roving.itemProps(`doc:${document.documentId}`)}
                    >
                      <span className="viewer-index-name">{document.name}</span>
                      <span className="muted viewer-index-meta">
                        {document.stored.pageCount ? t('case.pages', { count: document.stored.pageCount }) : formatDate(document.stored.publishedDate ?? document.stored.uploadedAt)}
                      </span>
                    </button>
                  ) : (
                    <span className="viewer-index-item viewer-index-unavailable">
                      <span className="viewer-index-name">{document.name}</span>
                      <span className="muted viewer-index-meta">{document.latest ? t(`case.materialState.${document.latest.state}`) : ''}</span>
                    </span>
                  )}
                  {isActive && activeController ? <ActiveOutline controller={activeController} itemProps={roving.itemProps} /> : null}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

function ActiveOutline({ controller, itemProps }: { controller: PaneController; itemProps: (key: string) => object }) {
  const { t } = useTranslation();
  const outline = usePane(controller, (state) => state.outline);
  const currentPage = usePane(controller, (state) => state.currentPage);
  if (!outline) return null;
  return (
    <div className="viewer-index-outline">
      <p className="visually-hidden">{t('viewer.index.outline')}</p>
      <DocumentOutline entries={outline} currentPage={currentPage} onGoTo={(entry) => void controller.goToOutlineEntry(entry.id)} itemProps={itemProps} />
    </div>
  );
}
