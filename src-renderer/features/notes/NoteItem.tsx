import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NoteColourSchema, type ContractError, type Note } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDateTime } from '../../ui/format';

const COLOURS = NoteColourSchema.options;

export interface NoteItemProps {
  note: Note;
  onOpen(materialId: string, page: number): void;
  /** Something to say in the panel's live region ("Note saved."). */
  announce(message: string): void;
  /** After this note is deleted: where focus should go, since the note (and its buttons) are gone. */
  onDeleted(): void;
}

/**
 * One note: its quote, its text (edited in place), its colour, and a delete that asks first. Every
 * action is a real button or field, so it all works from the keyboard in reading order.
 */
export function NoteItem({ note, onOpen, announce, onDeleted }: NoteItemProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const editorId = useId();
  const hintId = useId();
  const [mode, setMode] = useState<'view' | 'editing' | 'confirmingDelete'>('view');
  const [draft, setDraft] = useState(note.body);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  // Which button focus goes back to once the editor or the confirmation closes. A name, not an
  // element: that button is not rendered until the mode has changed back.
  const returnFocus = useRef<'edit' | 'delete' | null>(null);

  useEffect(() => {
    if (mode === 'editing') editor.current?.focus();
    else if (mode === 'confirmingDelete') keepButton.current?.focus();
    else if (returnFocus.current === 'edit') editButton.current?.focus();
    else if (returnFocus.current === 'delete') deleteButton.current?.focus();
    returnFocus.current = null;
  }, [mode]);

  const colourWord = (colour: Note['colour']) => t(`notes.coloursInSentence.${colour}`);

  const update = async (patch: { body?: string; colour?: Note['colour'] }, message: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    const result = await bridge.call('notes.update', { noteId: note.id, ...patch });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    announce(message);
    return true;
  };

  const save = async () => {
    if (await update({ body: draft }, t('notes.saved'))) {
      returnFocus.current = 'edit';
      setMode('view');
    }
  };

  const cancelEdit = () => {
    setDraft(note.body);
    setError(null);
    returnFocus.current = 'edit';
    setMode('view');
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    const result = await bridge.call('notes.delete', { noteId: note.id });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    announce(t('notes.deleted'));
    onDeleted();
  };

  const onEditorKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancelEdit();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <article className="note" data-colour={note.colour} data-flagged={note.leftOnOldVersion} aria-labelledby={headingId}>
      <h5 id={headingId} className="note-heading">
        <span className="note-swatch" data-colour={note.colour} aria-hidden="true" />
        {t('notes.noteLabel', { page: note.page, colour: colourWord(note.colour) })}
      </h5>
      {note.leftOnOldVersion ? (
        <p className="note-flag">
          <span className="badge badge-warning">{t('notes.leftOnOldVersion')}</span> <span className="muted">{t('notes.leftOnOldVersionHint')}</span>
        </p>
      ) : null}
      {note.quote ? (
        <blockquote className="note-quote">
          <span className="visually-hidden">{t('notes.quoteLabel')}: </span>
          {note.quote}
        </blockquote>
      ) : null}

      {mode === 'editing' ? (
        <div className="note-editor">
          <label className="label" htmlFor={editorId}>
            {t('notes.editLabel')}
          </label>
          <p className="hint" id={hintId}>
            {t('notes.editHint')}
          </p>
          <textarea
            id={editorId}
            ref={editor}
            className="input note-textarea"
            aria-describedby={hintId}
            value={draft}
            maxLength={20_000}
            rows={4}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onEditorKey}
          />
          <div className="button-row">
            <button type="button" className="button" disabled={busy} onClick={() => void save()}>
              {t('notes.save')}
            </button>
            <button type="button" className="button button-secondary" onClick={cancelEdit}>
              {t('notes.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <p className={note.body.trim() === '' ? 'note-body muted' : 'note-body'}>{note.body.trim() === '' ? t('notes.noBody') : note.body}</p>
      )}

      <p className="note-dates muted">
        {t('notes.created', { date: formatDateTime(note.createdAt) })}
        {note.updatedAt !== note.createdAt ? ` · ${t('notes.edited', { date: formatDateTime(note.updatedAt) })}` : ''}
      </p>

      <ErrorMessage error={error} />

      {mode === 'confirmingDelete' ? (
        <div
          className="confirm-inline"
          role="group"
          aria-label={t('notes.delete')}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            returnFocus.current = 'delete';
            setMode('view');
          }}
        >
          <span>{t('notes.deleteConfirm')}</span>
          <button type="button" className="button button-warning" disabled={busy} onClick={() => void remove()}>
            {t('notes.deleteConfirmButton')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            ref={keepButton}
            onClick={() => {
              returnFocus.current = 'delete';
              setMode('view');
            }}
          >
            {t('notes.cancel')}
          </button>
        </div>
      ) : (
        <div className="note-actions">
          <button type="button" className="button button-secondary" aria-describedby={headingId} onClick={() => onOpen(note.materialId, note.page)}>
            {t('notes.goToPage', { page: note.page })}
          </button>
          {mode === 'view' ? (
            <button
              type="button"
              className="button button-secondary"
              aria-describedby={headingId}
              ref={editButton}
              onClick={() => {
                setDraft(note.body);
                setMode('editing');
              }}
            >
              {t('notes.edit')}
            </button>
          ) : null}
          <label className="note-colour">
            <span>{t('notes.colourLabel')}</span>
            <select
              className="select"
              value={note.colour}
              disabled={busy}
              onChange={(event) => {
                const colour = NoteColourSchema.parse(event.target.value);
                void update({ colour }, t('notes.colourChanged', { colour: colourWord(colour) }));
              }}
            >
              {COLOURS.map((colour) => (
                <option key={colour} value={colour}>
                  {t(`notes.colours.${colour}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button-secondary" aria-describedby={headingId} ref={deleteButton} onClick={() => setMode('confirmingDelete')}>
            {t('notes.delete')}
          </button>
        </div>
      )}
    </article>
  );
}
