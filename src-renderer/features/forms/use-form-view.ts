import { useCallback, useEffect, useState } from 'react';
import type { CallResult, ContractError, FormView } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { FormCallQueue } from './form-call-queue';

type FormCall = () => Promise<CallResult<FormView>>;

/** A view from main, with the place in the call order of the call that answered with it. */
export interface ShownView {
  view: FormView;
  seq: number;
}

export interface FormViewState {
  view: FormView | null;
  shown: ShownView | null;
  loadError: ContractError | null;
  /** Runs a call that answers with the form's view (get, save, submit…), after every earlier one, and shows its answer. */
  run(call: FormCall): Promise<CallResult<FormView>>;
  /** The same, with the call's place in the order known at once (the autosave judges views by it). */
  queue(call: FormCall): { seq: number; answer: Promise<CallResult<FormView>> };
}

/** One form's view, re-read whenever main says the form changed (saved, refreshed from CP, sent, merged). */
export function useFormView(formId: string): FormViewState {
  const [calls] = useState(() => new FormCallQueue());
  const [shown, setShown] = useState<ShownView | null>(null);
  const [loadError, setLoadError] = useState<ContractError | null>(null);

  const queue = useCallback(
    (call: FormCall) => {
      const queued = calls.enqueue(call);
      // In order, since the calls are: the last answer shown is always the newest.
      const answer = queued.answer.then((result) => {
        if (result.ok) {
          setShown({ view: result.value, seq: queued.seq });
          setLoadError(null);
        }
        return result;
      });
      return { seq: queued.seq, answer };
    },
    [calls],
  );
  const run = useCallback((call: FormCall) => queue(call).answer, [queue]);

  useEffect(() => {
    let live = true;
    const read = () =>
      void run(() => bridge.call('forms.get', { formId })).then((result) => {
        if (live && !result.ok) setLoadError(result.error);
      });
    read();
    const off = bridge.on('forms.changed', (payload) => {
      if (payload.formIds.includes(formId)) read();
    });
    return () => {
      live = false;
      off();
    };
  }, [formId, run]);

  return { view: shown?.view ?? null, shown, loadError, run, queue };
}
