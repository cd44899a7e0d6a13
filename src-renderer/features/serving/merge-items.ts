import type { ServiceItem } from '../../../src-preload/api';

/**
 * Puts re-read items into the list, newest first. An item whose fields did not change keeps its old
 * object, and a list where nothing changed is returned as it was: memoised rows then skip rendering,
 * so a progress tick on one upload re-renders one row, not a thousand.
 */
export function mergeItems(current: readonly ServiceItem[], incoming: readonly ServiceItem[]): ServiceItem[] {
  if (incoming.length === 0) return current as ServiceItem[];
  const byId = new Map(current.map((item) => [item.id, item]));
  let changed = false;
  for (const item of incoming) {
    const before = byId.get(item.id);
    if (before && sameItem(before, item)) continue;
    byId.set(item.id, item);
    changed = true;
  }
  if (!changed) return current as ServiceItem[];
  return [...byId.values()].sort(newestFirst);
}

function newestFirst(a: ServiceItem, b: ServiceItem): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Items are flat records of strings, numbers, arrays and one small object: JSON compares them exactly. */
function sameItem(a: ServiceItem, b: ServiceItem): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
