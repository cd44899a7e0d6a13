import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallResult, ContractError, FormView } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { withAnswerAt, type Answers } from './answer-paths';

/** Long enough to save once per pause in typing, short enough that a crash loses at most a word or two. */
export const AUTOSAVE_DELAY_MS = 400;

export type SaveState = { state: 'saved' } | { state: 'unsaved' } | { state: 'failed'; error: ContractError };

export interface DraftAutosave {
  answers: Answers;
  save: SaveState;
  /** Sets one answer (undefined removes it) in the part being edited, and saves it shortly. */
  change(path: string, value: unknown, partId: string): void;
  /** Saves at once whatever is waiting (on blur, leaving the part or the screen, before submitting). */
  flush(): Promise<void>;
}

/**
 * Every change is saved on this laptop at once: debounced, then `forms.saveDraft` with the whole
 * answers and the part being edited (which keeps its CP edit lock alive). Saves go one after another, in
 * order, and whatever is waiting is saved when the screen goes, so nothing typed is lost.
 */
export function useDraftAutosave(
  formId: string,
  view: FormView | null,
  run: (call: () => Promise<CallResult<FormView>>) => Promise<CallResult<FormView>>,
): DraftAutosave {
  const [answers, setAnswers] = useState<Answers>(() => view?.answers ?? {});
  const [save, setSave] = useState<SaveState>({ state: 'saved' });
  const latest = useRef<Answers>(answers);
  const pending = useRef<string | null>(null); // the part whose change waits to be saved
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const inFlight = useRef(0);

  // Answers from main (first load, CP's copy arriving, a merge, a discard) replace what is shown only
  // when nothing typed here is still on its way: otherwise the next save carries the user's words.
  useEffect(() => {
    if (!view || pending.current !== null || inFlight.current > 0) return;
    latest.current = view.answers;
    setAnswers(view.answers);
  }, [view]);

  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const section = pending.current;
    if (section === null) return chain.current;
    pending.current = null;
    inFlight.current += 1;
    chain.current = chain.current.then(async () => {
      const result = await run(() => bridge.call('forms.saveDraft', { formId, answers: latest.current, section }));
      inFlight.current -= 1;
      if (result.ok) setSave(pending.current === null ? { state: 'saved' } : { state: 'unsaved' });
      else setSave({ state: 'failed', error: result.error });
    });
    return chain.current;
  }, [formId, run]);

  const change = useCallback(
    (path: string, value: unknown, partId: string) => {
      latest.current = withAnswerAt(latest.current, path, value);
      setAnswers(latest.current);
      pending.current = partId;
      setSave({ state: 'unsaved' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  // Leaving the screen (another screen, closing the case) saves what is waiting.
  useEffect(() => () => void flush(), [flush]);
  useEffect(() => {
    const beforeUnload = () => void flush();
    window.addEventListener('pagehide', beforeUnload);
    return () => window.removeEventListener('pagehide', beforeUnload);
  }, [flush]);

  return { answers, save, change, flush };
}
