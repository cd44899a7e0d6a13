import { useCallback, useEffect, useState } from 'react';
import type { CallResult, ContractError, FormView } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { FormCallQueue, type FormCallKind } from './form-call-queue';

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
  /** Runs a call that changes the form and answers with its view (save, submit…), in order, and shows its answer. */
  run(call: FormCall): Promise<CallResult<FormView>>;
  /** Queues a call, with its place in the order known at once (the autosave judges views by it). */
  queue(call: FormCall, kind: FormCallKind): { seq: number; answer: Promise<CallResult<FormView>> };
}

/** One form's view, re-read whenever main says the form changed (saved, refreshed from CP, sent, merged). */
export function useFormView(formId: string): FormViewState {
  const [calls] = useState(() => new FormCallQueue());
  const [shown, setShown] = useState<ShownView | null>(null);
  const [loadError, setLoadError] = useState<ContractError | null>(null);

  const queue = useCallback(
    (call: FormCall, kind: FormCallKind) => {
      const queued = calls.enqueue(call, kind);
      const answer = queued.answer.then((result) => {
        if (result.ok) {
          // A write can overtake a read queued before it: the read's older answer is not shown after it.
          setShown((current) => (current !== null && current.seq > queued.seq ? current : { view: result.value, seq: queued.seq }));
          setLoadError(null);
        }
        return result;
      });
      return { seq: queued.seq, answer };
    },
    [calls],
  );
  const run = useCallback((call: FormCall) => queue(call, 'write').answer, [queue]);

  useEffect(() => {
    let live = true;
    // Every save is followed by main's "changed": one read waiting to start answers for all of them.
    let readWaiting = false;
    const read = () => {
      if (readWaiting) return;
      readWaiting = true;
      const { answer } = queue(() => {
        readWaiting = false;
        return bridge.call('forms.get', { formId });
      }, 'read');
      void answer.then((result) => {
        if (live && !result.ok) setLoadError(result.error);
      });
    };
    read();
    const off = bridge.on('forms.changed', (payload) => {
      if (payload.formIds.includes(formId)) read();
    });
    return () => {
      live = false;
      off();
    };
  }, [formId, queue]);

  return { view: shown?.view ?? null, shown, loadError, run, queue };
}
