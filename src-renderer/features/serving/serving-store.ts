import { create } from 'zustand';
import type { ContractError, OutboxStatus, ServiceItem } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';
import { mergeItems } from './merge-items';

/** An item CP has just accepted, for the toast and the system notification. */
export interface AcceptedNotice {
  id: string;
  name: string;
  deemedServedOn: string | null;
  deemedDateUncertain: boolean;
}

interface ServingState {
  /** Every item on this laptop, newest first (the Outbox shows them; other screens filter). */
  items: ServiceItem[];
  loaded: boolean;
  loadError: ContractError | null;
  status: OutboxStatus | null;
  notices: AcceptedNotice[];
  /** Puts items main returned (from a call or the staging upload) in place, keeping unchanged ones. */
  upsert(items: ServiceItem[]): void;
  dismissNotice(id: string): void;
}

export const useServingStore = create<ServingState>()((set, get) => ({
  items: [],
  loaded: false,
  loadError: null,
  status: null,
  notices: [],
  upsert: (incoming) => {
    const next = mergeItems(get().items, incoming);
    if (next !== get().items) set({ items: next });
  },
  dismissNotice: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
}));

/**
 * Progress events can come many times a second while a large document uploads; re-reading is batched
 * to at most one read per interval, so the Outbox with 1,000 items stays responsive.
 */
const REREAD_INTERVAL_MS = 250;

/**
 * Keeps the store current from `serving.changed`. Only what moved is re-read: when every changed item
 * is one we already know is uploading (a progress tick), just the uploading items are listed, which is
 * a handful; a change of state re-reads the whole list once.
 */
export function watchServing(onAccepted: (notices: AcceptedNotice[]) => void): () => void {
  const changed = new Set<string>();
  const accepted = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let reading = false;
  let stopped = false;

  const schedule = () => {
    if (timer || reading || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      void reread();
    }, REREAD_INTERVAL_MS);
  };

  const reread = async () => {
    const ids = [...changed];
    const newlyAccepted = [...accepted];
    changed.clear();
    accepted.clear();
    reading = true;
    try {
      const known = new Map(useServingStore.getState().items.map((item) => [item.id, item]));
      const progressOnly = newlyAccepted.length === 0 && ids.length > 0 && ids.every((id) => known.get(id)?.state === 'uploading');
      let items = progressOnly ? await listItems(['uploading']) : null;
      // An item missing from the uploading list has moved on (accepted, refused): read everything.
      if (!items || ids.some((id) => !items?.some((item) => item.id === id))) items = await listItems();
      if (stopped || !items) return;
      useServingStore.getState().upsert(items);
      const byId = new Map(useServingStore.getState().items.map((item) => [item.id, item]));
      const notices = newlyAccepted
        .map((id) => byId.get(id))
        .filter((item): item is ServiceItem => item?.state === 'accepted')
        .map((item) => ({ id: item.id, name: item.name, deemedServedOn: item.deemedServedOn, deemedDateUncertain: item.deemedDateUncertain }));
      if (notices.length > 0) {
        useServingStore.setState({ notices: [...useServingStore.getState().notices.filter((n) => !notices.some((m) => m.id === n.id)), ...notices] });
        onAccepted(notices);
      }
    } finally {
      reading = false;
      if (changed.size > 0 || accepted.size > 0) schedule();
    }
  };

  const unsubscribe = bridge.on('serving.changed', ({ status, itemIds, acceptedIds }) => {
    useServingStore.setState({ status });
    for (const id of itemIds) changed.add(id);
    for (const id of acceptedIds) accepted.add(id);
    schedule();
  });
  // Events during the first read are not lost: they schedule a re-read when it finishes.
  reading = true;
  void bridge
    .call('serving.list', {})
    .then((result) => {
      if (stopped) return;
      if (result.ok) {
        useServingStore.getState().upsert(result.value.items);
        useServingStore.setState({ status: result.value.status, loaded: true, loadError: null });
      } else {
        useServingStore.setState({ loaded: true, loadError: result.error });
      }
    })
    .finally(() => {
      reading = false;
      if (changed.size > 0 || accepted.size > 0) schedule();
    });

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}

async function listItems(states?: Array<ServiceItem['state']>): Promise<ServiceItem[] | null> {
  const result = await bridge.call('serving.list', states ? { states } : {});
  if (!result.ok) return null;
  useServingStore.setState({ status: result.value.status });
  return result.value.items;
}

/** The drafts of a case, read when the Serve screen opens (they survive restarts). */
export async function loadCaseDrafts(caseId: string): Promise<ContractError | null> {
  const result = await bridge.call('serving.list', { caseId, states: ['draft'] });
  if (!result.ok) return result.error;
  useServingStore.getState().upsert(result.value.items);
  return null;
}
