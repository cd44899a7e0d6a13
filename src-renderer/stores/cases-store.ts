import { create } from 'zustand';
import type { CaseDetail, CaseSummary, ContractError, PendingAssociation, SyncStatus } from '../../src-preload/api';
import { bridge } from './bridge';

interface CasesState {
  list: CaseSummary[] | null;
  pending: PendingAssociation[];
  listError: ContractError | null;
  detail: CaseDetail | null;
  detailError: ContractError | null;
  sync: SyncStatus | null;
  loadList(): Promise<void>;
  loadDetail(caseId: string): Promise<void>;
}

export const useCasesStore = create<CasesState>()((set) => ({
  list: null,
  pending: [],
  listError: null,
  detail: null,
  detailError: null,
  sync: null,
  loadList: async () => {
    const [result, pending] = await Promise.all([bridge.call('cases.list', {}), bridge.call('cases.pendingAssociations', {})]);
    if (result.ok) set({ list: result.value, listError: null });
    else set({ listError: result.error });
    if (pending.ok) set({ pending: pending.value });
  },
  loadDetail: async (caseId) => {
    const result = await bridge.call('cases.get', { caseId });
    if (result.ok) set({ detail: result.value, detailError: null });
    else set({ detail: null, detailError: result.error });
  },
}));

/** Main pushes what changed; the store re-reads only what is on screen. */
export function watchCases(currentCaseId: () => string | null): () => void {
  const unsubscribeCases = bridge.on('cases.changed', ({ caseIds }) => {
    void useCasesStore.getState().loadList();
    const current = currentCaseId();
    if (current && caseIds.includes(current)) void useCasesStore.getState().loadDetail(current);
  });
  const unsubscribeSync = bridge.on('sync.changed', (sync) => {
    const previous = useCasesStore.getState().sync;
    useCasesStore.setState({ sync });
    // Download counts live on the list rows: refresh them as documents land (sync events are throttled).
    if (previous?.downloads.stored !== sync.downloads.stored) {
      void useCasesStore.getState().loadList();
      const current = currentCaseId();
      if (current) void useCasesStore.getState().loadDetail(current);
    }
  });
  void bridge.call('sync.getStatus', {}).then((result) => {
    if (result.ok) useCasesStore.setState({ sync: result.value });
  });
  return () => {
    unsubscribeCases();
    unsubscribeSync();
  };
}
