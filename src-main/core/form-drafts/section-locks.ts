/**
 * CP's edit locks on form sections, held for the user while they edit online. A lock is asked for when
 * the user starts editing a section, extended while they keep typing (before it runs out), and released
 * when they leave it; CP itself releases the saver's locks when a save lands. Offline no lock can be had:
 * edits stay a draft and are sent when CP accepts them (CP refuses a save that would change a section
 * someone else holds, so another user's locked section is never overwritten).
 */
import { CpError, CpRefusedError, type WireLockStatus } from '../cp';
import type { FormsApi } from './forms-api';

export type SectionLock =
  | { readonly state: 'held'; readonly until: string }
  | { readonly state: 'lockedByOther'; readonly by: string | null; readonly until: string | null }
  /** CP could not be asked (offline, signed out): editing goes on as a draft. */
  | { readonly state: 'unavailable' }
  | { readonly state: 'free' };

interface Held {
  untilMs: number;
  extending: Promise<void> | null;
}

export interface SectionLocksOptions {
  readonly api: () => FormsApi | null;
  readonly userId: () => string | null;
  readonly now?: () => number;
  /** CP's clock minus this laptop's, from CP's last answers (0 when unknown). */
  readonly serverOffsetMs?: () => number;
  /** A lock was lost or taken: the form screen re-reads its state. */
  readonly onChanged: (formId: string) => void;
}

const key = (formId: string, section: string) => `${formId}\u0000${section}`;

export class SectionLocks {
  readonly #o: SectionLocksOptions;
  readonly #held = new Map<string, Held>();
  /** What CP last said about sections held by others (by this session's asking). */
  readonly #others = new Map<string, SectionLock>();

  constructor(options: SectionLocksOptions) {
    this.#o = options;
  }

  /** CP's time as last seen: lock expiry times are CP's, and the laptop's clock may be minutes out. */
  #now(): number {
    return (this.#o.now ?? Date.now)() + (this.#o.serverOffsetMs?.() ?? 0);
  }

  /** The lock as this session knows it; `fromCp` is the cached lock status for sections it never asked about. */
  state(formId: string, section: string, fromCp: WireLockStatus | null): SectionLock {
    const held = this.#held.get(key(formId, section));
    if (held && held.untilMs > this.#now()) return { state: 'held', until: new Date(held.untilMs).toISOString() };
    const other = this.#others.get(key(formId, section));
    if (other) return other;
    return this.#fromStatus(fromCp);
  }

  #fromStatus(status: WireLockStatus | null): SectionLock {
    if (!status?.isLocked) return { state: 'free' };
    const expiry = status.expiryTime === null ? null : Date.parse(status.expiryTime);
    if (expiry !== null && expiry <= this.#now()) return { state: 'free' };
    if (status.lockedBy !== null && status.lockedBy === this.#o.userId()) {
      return { state: 'held', until: status.expiryTime ?? new Date(this.#now()).toISOString() };
    }
    return { state: 'lockedByOther', by: status.lockedByName, until: status.expiryTime };
  }

  /** The user started editing a section. */
  async begin(formId: string, section: string): Promise<SectionLock> {
    const api = this.#o.api();
    if (!api) return { state: 'unavailable' };
    try {
      return this.#granted(formId, section, await api.lockSection(formId, section));
    } catch (error) {
      if (error instanceof CpRefusedError && error.status === 423) return this.#heldByOther(api, formId, section);
      return this.#failed(formId, section, error);
    }
  }

  /** Refused because someone else holds it: CP's form answer says who and until when. */
  async #heldByOther(api: FormsApi, formId: string, section: string): Promise<SectionLock> {
    this.#held.delete(key(formId, section));
    let lock: SectionLock = { state: 'lockedByOther', by: null, until: null };
    try {
      const form = await api.getForm(formId);
      const status = form.sections.find((s) => s.section === section)?.lockStatus ?? null;
      const seen = this.#fromStatus(status);
      if (seen.state === 'lockedByOther') lock = seen;
    } catch {
      // The refusal itself is enough to know the section is taken.
    }
    this.#others.set(key(formId, section), lock);
    return lock;
  }

  /** The user typed in a section: extend a held lock once half its time has gone. */
  touch(formId: string, section: string): void {
    const held = this.#held.get(key(formId, section));
    if (!held || held.extending) return;
    const left = held.untilMs - this.#now();
    if (left <= 0) {
      // Ran out unseen (laptop asleep): ask again rather than extend what CP has already let go.
      this.#held.delete(key(formId, section));
      void this.begin(formId, section).then(() => this.#o.onChanged(formId));
      return;
    }
    if (left > LOCK_EXTEND_WHEN_LEFT_MS) return;
    const api = this.#o.api();
    if (!api) return;
    held.extending = api
      .extendLock(formId, section)
      .then((status) => void this.#granted(formId, section, status))
      .catch((error: unknown) => {
        this.#failed(formId, section, error);
        this.#o.onChanged(formId);
      })
      .finally(() => {
        held.extending = null;
      });
  }

  /** The user left the section (or the form). */
  async end(formId: string, section: string): Promise<void> {
    const k = key(formId, section);
    if (!this.#held.delete(k)) return;
    const api = this.#o.api();
    try {
      await api?.releaseLock(formId, section);
    } catch {
      // Offline or already expired: CP lets the lock lapse at its expiry time anyway.
    }
  }

  /** CP released this user's locks on the form because a save landed. */
  savedByMe(formId: string): void {
    for (const k of [...this.#held.keys()]) if (k.startsWith(`${formId}\u0000`)) this.#held.delete(k);
  }

  heldSections(formId: string): string[] {
    return [...this.#held.keys()].filter((k) => k.startsWith(`${formId}\u0000`)).map((k) => k.slice(formId.length + 1));
  }

  /** CP answered our own lock request with 200: the lock is ours until its expiry. */
  #granted(formId: string, section: string, status: WireLockStatus): SectionLock {
    const k = key(formId, section);
    const untilMs = status.expiryTime === null ? this.#now() : Date.parse(status.expiryTime);
    this.#held.set(k, { untilMs, extending: null });
    this.#others.delete(k);
    return { state: 'held', until: new Date(untilMs).toISOString() };
  }

  #failed(formId: string, section: string, error: unknown): SectionLock {
    const k = key(formId, section);
    this.#held.delete(k);
    if (error instanceof CpError) return { state: 'unavailable' };
    throw error;
  }
}

/** Extend once less than this is left (CP's locks last minutes; the sandbox's 5). */
export const LOCK_EXTEND_WHEN_LEFT_MS = 2 * 60_000;
