import { useEffect, useState } from 'react';
import { bridge } from '../../stores/bridge';
import type { Answers } from './answer-paths';
import { DraftAutosaver, type SaveState } from './draft-autosaver';
import type { FormViewState, ShownView } from './use-form-view';

export interface DraftAutosave {
  answers: Answers;
  save: SaveState;
  /** Sets one answer (undefined removes it) in the part being edited, and saves it shortly. */
  change(path: string, value: unknown, partId: string): void;
  /** Saves at once whatever is waiting (on blur, leaving the part or the screen, before submitting); whether all is saved. */
  flush(): Promise<boolean>;
  /** Drops what waits to be saved (before discarding the draft). */
  forget(): void;
}

/**
 * Every change is saved on this laptop at once: debounced, then `forms.saveDraft` with the whole
 * answers and the part being edited (which keeps its CP edit lock alive). Whatever is waiting is saved
 * when the screen goes, so nothing typed is lost. The rules live in DraftAutosaver; this binds it to React.
 */
export function useDraftAutosave(
  formId: string,
  shown: ShownView | null,
  queue: FormViewState['queue'],
): DraftAutosave {
  const [initial] = useState<Answers>(() => shown?.view.answers ?? {});
  const [answers, setAnswers] = useState<Answers>(initial);
  const [save, setSave] = useState<SaveState>({ state: 'saved' });
  // One per screen: FormScreen is keyed by the form, so formId and queue never change under it.
  const [saver] = useState(
    () =>
      new DraftAutosaver({
        initial,
        save: (draft, section) => queue(() => bridge.call('forms.saveDraft', { formId, answers: draft, section }), 'write'),
        onAnswers: setAnswers,
        onSaveState: setSave,
      }),
  );

  useEffect(() => {
    if (shown) saver.offer(shown.view.answers, shown.seq);
  }, [saver, shown]);

  // Leaving the screen (another screen, closing the case, the window) saves what is waiting.
  useEffect(() => {
    const beforeUnload = () => void saver.flush();
    window.addEventListener('pagehide', beforeUnload);
    return () => {
      window.removeEventListener('pagehide', beforeUnload);
      void saver.flush();
    };
  }, [saver]);

  return { answers, save, change: saver.change, flush: saver.flush, forget: saver.forget };
}
