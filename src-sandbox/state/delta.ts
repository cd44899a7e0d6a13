/**
 * The associated-cases delta feed. Each (firm, case) entry has a position: the
 * case's change sequence while the firm is associated, or the sequence at which the
 * firm lost it. A cursor remembers the position reached; the next call returns
 * entries after it, oldest first, so nothing is skipped when changes land between
 * pages (a case that changes again simply moves to a later position).
 */
import { ApiError } from '../errors';
import type { SandboxState } from './store';

interface CursorState {
  /** Entries with position > since belong to this round. */
  readonly since: number;
  /** Within a round, the last (position, caseId) returned. */
  readonly after?: { readonly seq: number; readonly caseId: string };
}

export interface DeltaPage {
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  readonly cursor: string;
  readonly hasMore: boolean;
}

export function encodeCursor(c: CursorState): string {
  return Buffer.from(JSON.stringify(c.after ? { v: 1, s: c.since, a: c.after.seq, c: c.after.caseId } : { v: 1, s: c.since })).toString('base64url');
}

export function decodeCursor(raw: string): CursorState {
  try {
    const o = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { v?: unknown; s?: unknown; a?: unknown; c?: unknown };
    if (o.v !== 1 || typeof o.s !== 'number' || !Number.isInteger(o.s) || o.s < 0) throw new Error('bad');
    if (o.a === undefined) return { since: o.s };
    if (typeof o.a !== 'number' || typeof o.c !== 'string') throw new Error('bad');
    return { since: o.s, after: { seq: o.a, caseId: o.c } };
  } catch {
    throw new ApiError(400, 'INVALID_CURSOR', 'cursor is not one this server issued');
  }
}

export function associatedCasesDelta(state: SandboxState, organisationId: string, rawCursor: string | undefined, limit: number): DeltaPage {
  const cursor: CursorState = rawCursor === undefined ? { since: 0 } : decodeCursor(rawCursor);
  const fullSync = rawCursor === undefined;
  type Entry = { seq: number; caseId: string; kind: 'changed' | 'removed' };
  const entries: Entry[] = [];
  for (const caseId of state.caseOrder) {
    const c = state.cases.get(caseId);
    if (!c) continue;
    if (state.isFirmAssociated(organisationId, caseId)) {
      if (c.changeSeq > cursor.since) entries.push({ seq: c.changeSeq, caseId, kind: 'changed' });
    } else if (!fullSync) {
      const lostAt = state.removals.get(organisationId)?.get(caseId);
      if (lostAt !== undefined && lostAt > cursor.since) entries.push({ seq: lostAt, caseId, kind: 'removed' });
    }
  }
  entries.sort((a, b) => a.seq - b.seq || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  const after = cursor.after;
  const pending = after ? entries.filter((e) => e.seq > after.seq || (e.seq === after.seq && e.caseId > after.caseId)) : entries;
  if (pending.length === 0) {
    // Nothing new: hand back the same cursor (for a finished round), so an idle re-sync is one cheap call.
    const settled = after ? encodeCursor({ since: after.seq }) : (rawCursor ?? encodeCursor({ since: 0 }));
    return { changed: [], removed: [], cursor: settled, hasMore: false };
  }
  const page = pending.slice(0, limit);
  const hasMore = pending.length > limit;
  const last = page[page.length - 1] as Entry;
  const next: CursorState = hasMore ? { since: cursor.since, after: { seq: last.seq, caseId: last.caseId } } : { since: last.seq };
  return {
    changed: page.filter((e) => e.kind === 'changed').map((e) => e.caseId),
    removed: page.filter((e) => e.kind === 'removed').map((e) => e.caseId),
    cursor: encodeCursor(next),
    hasMore,
  };
}
