import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDate } from '../../ui/format';
import { groupNotes, type NotePageGroup } from './note-groups';
import { NoteItem } from './NoteItem';
import { NotesExport } from './NotesExport';
import { useCaseNotes } from './use-case-notes';

export interface NotesPanelProps {
  caseId: string;
  /** Opens a document at a page (the viewer hosting this panel decides how). */
  onOpen(materialId: string, page: number): void;
  /** The material open beside the panel: its document's notes come first. */
  currentMaterialId?: string;
}

/**
 * A case's private notes, grouped by document and page: read, edit, recolour, delete, jump to the
 * page, export. Self-contained (it loads and refreshes its own data), so any screen can host it.
 */
export function NotesPanel({ caseId, onOpen, currentMaterialId }: NotesPanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { notes, documents, error } = useCaseNotes(caseId);
  const [status, setStatus] = useState('');
  const announce = useCallback((message: string) => setStatus(message), []);
  // A deleted note's buttons vanish with it; focus moves to the panel heading rather than being lost.
  const onDeleted = useCallback(() => heading.current?.focus(), []);

  const groups = notes ? groupNotes(notes, documents, currentMaterialId) : [];
  const flagged = notes?.filter((note) => note.leftOnOldVersion).length ?? 0;

  return (
    <section className="notes-panel" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t('notes.title')}
      </h2>
      <p className="hint">{t('notes.privateHint')}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      <ErrorMessage error={error} />
      {notes === null ? (
        error ? null : <p role="status">{t('notes.loading')}</p>
      ) : notes.length === 0 ? (
        <p className="muted">{t('notes.empty')}</p>
      ) : (
        <>
          <p className="muted">
            {t('notes.count', { count: notes.length })}
            {flagged > 0 ? ` · ${t('notes.flaggedCount', { count: flagged })}` : ''}
          </p>
          {groups.map((group) => (
            <section key={group.documentId} className="notes-document" aria-label={group.name ?? t('notes.unknownDocument')}>
              <h3>
                {group.name === null ? t('notes.unknownDocument') : t('notes.documentHeading', { name: group.name, section: group.section ?? '' })}
                {group.open ? <span className="badge badge-progress">{t('notes.openNow')}</span> : null}
              </h3>
              {group.pages.map((page) => (
                <div key={page.key} className="notes-page">
                  <h4>
                    <PageHeading group={page} />
                  </h4>
                  <ul className="plain-list notes-list">
                    {page.notes.map((note) => (
                      <li key={note.id}>
                        <NoteItem note={note} onOpen={onOpen} announce={announce} onDeleted={onDeleted} />
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          ))}
        </>
      )}
      <NotesExport caseId={caseId} announce={announce} />
    </section>
  );
}

/** A component of its own (not a helper taking `t`): the catalogue's types are too deep to pass `t` around. */
function PageHeading({ group }: { group: NotePageGroup }): string {
  const { t } = useTranslation();
  switch (group.version.kind) {
    case 'current':
      return t('notes.page', { page: group.page });
    case 'earlier':
      return t('notes.earlierVersionPage', { page: group.page, date: formatDate(group.version.published) });
    case 'unlisted':
      return t('notes.unlistedVersionPage', { page: group.page });
  }
}
