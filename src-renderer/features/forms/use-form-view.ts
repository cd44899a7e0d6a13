import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallResult, ContractError, FormView } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';

export interface FormViewState {
  view: FormView | null;
  loadError: ContractError | null;
  /**
   * Runs a call that answers with the form's view (get, save, submit…) and shows its answer unless a
   * later call's answer is already shown: a slow re-read must never put back answers a newer save replaced.
   */
  run(call: () => Promise<CallResult<FormView>>): Promise<CallResult<FormView>>;
}

/** One form's view, re-read whenever main says the form changed (saved, refreshed from CP, sent, merged). */
export function useFormView(formId: string): FormViewState {
  const [view, setView] = useState<FormView | null>(null);
  const [loadError, setLoadError] = useState<ContractError | null>(null);
  const started = useRef(0);
  const shown = useRef(0);

  const run = useCallback(async (call: () => Promise<CallResult<FormView>>) => {
    const sequence = ++started.current;
    const result = await call();
    if (result.ok && sequence > shown.current) {
      shown.current = sequence;
      setView(result.value);
      setLoadError(null);
    }
    return result;
  }, []);

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

  return { view, loadError, run };
}
