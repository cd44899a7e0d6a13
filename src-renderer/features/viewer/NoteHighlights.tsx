import type { CSSProperties } from 'react';
import type { Note } from '../../../src-preload/api';
import type { PageSize, Rotation } from './page-geometry';
import type { FractionRect } from './note-rects';

/**
 * The reader's highlights on one page, drawn under the text (so the text stays selectable) in the
 * page's own unrotated frame, turned with it exactly as pdf.js turns the text layer.
 */
export function NoteHighlights({ notes, pending, size, rotation }: { notes: readonly Note[]; pending: readonly FractionRect[] | null; size: PageSize; rotation: Rotation }) {
  if (notes.length === 0 && !pending) return null;
  const frame = {
    width: `calc(var(--total-scale-factor) * ${size.width}px)`,
    height: `calc(var(--total-scale-factor) * ${size.height}px)`,
  } satisfies CSSProperties;
  return (
    <div className="viewer-note-layer" data-main-rotation={rotation} style={frame} aria-hidden="true">
      {notes.flatMap((note) =>
        note.rects.map((rect, index) => (
          <div key={`${note.id}-${index}`} className={`viewer-note-rect note-colour-${note.colour}`} style={place(rect)} title={note.body || note.quote || undefined} data-note-id={note.id} />
        )),
      )}
      {pending?.map((rect, index) => <div key={`pending-${index}`} className="viewer-note-rect viewer-note-pending" style={place(rect)} />)}
    </div>
  );
}

function place(rect: FractionRect): CSSProperties {
  return { left: `${rect.x * 100}%`, top: `${rect.y * 100}%`, width: `${rect.w * 100}%`, height: `${rect.h * 100}%` };
}
