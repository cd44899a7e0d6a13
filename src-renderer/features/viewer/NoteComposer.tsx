import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, Note } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import type { FractionRect } from './note-rects';

export interface NoteDraft {
  caseId: string;
  documentId: string;
  materialId: string;
  page: number;
  quote: string | null;
  rects: FractionRect[];
}

const COLOURS = ['yellow', 'green', 'blue', 'pink'] as const satisfies readonly Note['colour'][];

/** Writes a private note on a page (on the selected text, when there is some). Kept on this laptop only. */
export function NoteComposer({ draft, onDone, onCancel }: { draft: NoteDraft; onDone: (note: Note) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [colour, setColour] = useState<Note['colour']>('yellow');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const ids = { title: useId(), body: useId() };

  useEffect(() => {
    textarea.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await bridge.call('notes.add', {
      caseId: draft.caseId,
      documentId: draft.documentId,
      materialId: draft.materialId,
      page: draft.page,
      ...(draft.quote ? { quote: draft.quote } : {}),
      rects: draft.rects,
      body,
      colour,
    });
    setSaving(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };

  return (
    <form
      className="viewer-note-composer"
      aria-labelledby={ids.title}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <h3 id={ids.title} className="viewer-note-composer-title">
        {t('viewer.notes.composerTitle', { page: draft.page })}
      </h3>
      {draft.quote ? <blockquote className="viewer-note-quote">{draft.quote}</blockquote> : <p className="muted">{t('viewer.notes.pageNote')}</p>}
      <label htmlFor={ids.body} className="label">
        {t('viewer.notes.body')}
      </label>
      <textarea ref={textarea} id={ids.body} className="input viewer-note-body" rows={3} maxLength={20_000} value={body} onChange={(event) => setBody(event.target.value)} />
      <fieldset className="viewer-note-colours">
        <legend>{t('viewer.notes.colour')}</legend>
        {COLOURS.map((option) => (
          <label key={option} className="radio">
            <input type="radio" name={`${ids.body}-colour`} value={option} checked={colour === option} onChange={() => setColour(option)} />
            <span className={`viewer-note-swatch note-colour-${option}`} aria-hidden="true" />
            {t(`viewer.notes.colours.${option}`)}
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={saving}>
          {t('viewer.notes.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('viewer.notes.cancel')}
        </button>
      </div>
    </form>
  );
}
