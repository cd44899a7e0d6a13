import { useEffect, useState } from 'react';
import type { CaseDetail, ContractError, Note } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { watchCase } from './watch-case';

export interface CaseNotes {
  notes: Note[] | null;
  /** The case's documents, for names, sections and which version is current. Empty until loaded. */
  documents: CaseDetail['documents'];
  error: ContractError | null;
}

interface Loaded {
  caseId: string;
  notes: Note[] | null;
  documents: CaseDetail['documents'];
  error: ContractError | null;
}

async function load(caseId: string, previous: Loaded | null): Promise<Loaded> {
  const [list, detail] = await Promise.all([bridge.call('notes.list', { caseId }), bridge.call('cases.get', { caseId })]);
  const same = previous?.caseId === caseId ? previous : null;
  return {
    caseId,
    notes: list.ok ? list.value : (same?.notes ?? null),
    // Without the case's details the notes still show, only without document names.
    documents: detail.ok ? detail.value.documents : (same?.documents ?? []),
    error: list.ok ? null : list.error,
  };
}

/**
 * A case's notes, kept current: re-read when main says they changed (edited here or in another
 * window, or carried to a new version) and when the case's documents change.
 */
export function useCaseNotes(caseId: string): CaseNotes {
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    // Answers that arrive after the panel moved to another case (or unmounted) are dropped.
    let active = true;
    let last: Loaded | null = null;
    const refresh = () =>
      void load(caseId, last).then((next) => {
        if (!active) return;
        last = next;
        setLoaded(next);
      });
    refresh();
    const unwatch = watchCase(caseId, refresh);
    return () => {
      active = false;
      unwatch();
    };
  }, [caseId]);

  // Until this case's first answer arrives, show nothing of the previous case.
  if (loaded?.caseId !== caseId) return { notes: null, documents: [], error: null };
  return { notes: loaded.notes, documents: loaded.documents, error: loaded.error };
}
