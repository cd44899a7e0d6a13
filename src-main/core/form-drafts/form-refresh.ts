/**
 * Keeps CP's copy of the forms of cached cases current, so the form screen works offline. Forms are
 * fetched for a case when sync says it changed (CP bumps a case's version when a form of it is saved)
 * and when the user opens its forms; one case at a time, as background work that never blocks sync.
 */
import type { Database } from '../db';
import type { WireForm, WireFormHistoryEntry } from '../cp';
import type { FormsApi } from './forms-api';
import { keepOnlyForms, storeForm } from './form-cache';

export interface FormRefreshOptions {
  readonly db: Database;
  readonly api: () => FormsApi | null;
  readonly caseExists: (caseId: string) => boolean;
  /** CP's copy of these forms of the case changed, arrived or went; not called when a refresh changed nothing. */
  readonly onChanged: (caseId: string, formIds: readonly string[]) => void;
  readonly now?: () => Date;
}

export class FormRefresh {
  readonly #o: FormRefreshOptions;
  readonly #pending = new Set<string>();
  #running: Promise<void> | null = null;
  #stopped = false;

  constructor(options: FormRefreshOptions) {
    this.#o = options;
  }

  /** Asks for these cases' forms to be fetched; resolves when the queue (including them) is done. */
  request(caseIds: readonly string[]): Promise<void> {
    for (const id of caseIds) this.#pending.add(id);
    this.#running ??= this.#drain().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  stop(): void {
    this.#stopped = true;
    this.#pending.clear();
  }

  async #drain(): Promise<void> {
    while (!this.#stopped) {
      const next = this.#pending.values().next();
      if (next.done) return;
      const caseId = next.value;
      this.#pending.delete(caseId);
      try {
        await this.refreshCase(caseId);
      } catch {
        // Offline, signed out, or CP refused: the cached copy stays as it was, and the next sync or
        // visit asks again. Nothing the user typed depends on this succeeding.
      }
    }
  }

  /** Fetches one case's forms and their histories, then stores them in one transaction. */
  async refreshCase(caseId: string): Promise<void> {
    const api = this.#o.api();
    if (!api || !this.#o.caseExists(caseId)) return;
    const summaries = await api.listForms(caseId);
    const fetched: { form: WireForm; history: WireFormHistoryEntry[] }[] = [];
    for (const summary of summaries) {
      const [form, history] = await Promise.all([api.getForm(summary.formId), api.formHistory(summary.formId)]);
      fetched.push({ form, history });
    }
    const now = (this.#o.now ?? (() => new Date()))();
    const { db } = this.#o;
    // The case may have left the cache while we were fetching: its forms must not come back.
    if (!this.#o.caseExists(caseId)) return;
    const changed = db.transaction(() => {
      const ids: string[] = [];
      for (const { form, history } of fetched) if (storeForm(db, form, history, now)) ids.push(form.formId);
      ids.push(...keepOnlyForms(db, caseId, fetched.map((f) => f.form.formId)));
      return ids;
    })();
    if (changed.length > 0) this.#o.onChanged(caseId, changed);
  }
}
