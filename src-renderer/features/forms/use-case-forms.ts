import { useEffect, useState } from 'react';
import type { ContractError, FormListItem } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';

/** The forms CP has for a case, re-read when main says any of them changed. */
export function useCaseForms(caseId: string): { forms: FormListItem[] | null; error: ContractError | null } {
  const [forms, setForms] = useState<FormListItem[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      void bridge.call('forms.list', { caseId }).then((result) => {
        if (!live) return;
        if (result.ok) {
          setForms(result.value);
          setError(null);
        } else setError(result.error);
      });
    read();
    const off = bridge.on('forms.changed', (payload) => {
      if (payload.caseId === caseId) read();
    });
    return () => {
      live = false;
      off();
    };
  }, [caseId]);
  return { forms, error };
}
