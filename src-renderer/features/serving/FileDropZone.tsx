import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Files dropped here or picked with the button (a real button, so the keyboard reaches it; the file
 * input itself stays hidden). Any type is accepted here: main checks the real type from the bytes and
 * says what is wrong with a Word file or a photo in words.
 */
export function FileDropZone({ onFiles, describedBy }: { onFiles(files: File[]): void; describedBy?: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };

  return (
    <div
      className="drop-zone"
      data-dragging={dragging}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p className="drop-zone-hint">{t('serving.dropHint')}</p>
      <button type="button" className="button button-secondary" aria-describedby={describedBy} onClick={() => input.current?.click()}>
        {t('serving.chooseFiles')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="serve-file-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Cleared so picking the same file again (after removing it) still counts as a change.
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
