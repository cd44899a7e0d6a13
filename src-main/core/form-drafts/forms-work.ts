/**
 * Builds the forms work from its parts, the same way for the app and for tests: CP's copies kept
 * fresh, section locks, the service the contract calls, and the outbox handlers that send drafts.
 */
import type { OutboxHandler } from '../outbox';
import { FormRefresh } from './form-refresh';
import { formSubmissionHandlers } from './form-submission';
import type { FormsApi } from './forms-api';
import { FormsService, type FormsServiceOptions } from './forms-service';
import { SectionLocks } from './section-locks';

/** What the service needs, less the parts this builds for it; plus CP and CP's clock. */
export interface FormsWorkOptions extends Omit<FormsServiceOptions, 'locks' | 'refresh'> {
  readonly api: FormsApi;
  /** CP's clock minus this laptop's, as last seen (for CP's lock expiry times). */
  readonly serverOffsetMs?: () => number;
}

export interface FormsWork {
  readonly service: FormsService;
  readonly refresh: FormRefresh;
  readonly locks: SectionLocks;
  readonly handlers: Record<string, OutboxHandler>;
}

export function createFormsWork(options: FormsWorkOptions): FormsWork {
  const now = options.now ?? (() => new Date());
  const api = () => (options.online() ? options.api : null);
  const caseExists = (caseId: string) => options.db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId) !== undefined;
  const refresh = new FormRefresh({ db: options.db, api, caseExists, onChanged: (caseId, formIds) => options.emitChanged(caseId, formIds), now });
  const locks = new SectionLocks({
    api,
    userId: options.userId,
    ...(options.serverOffsetMs ? { serverOffsetMs: options.serverOffsetMs } : {}),
    onChanged: (formId) => {
      const row = options.db.prepare('SELECT case_id AS caseId FROM cp_forms WHERE form_id = ?').get(formId) as { caseId: string } | undefined;
      if (row) options.emitChanged(row.caseId, [formId]);
    },
  });
  const service = new FormsService({ ...options, locks, refresh, now });
  const handlers = formSubmissionHandlers({
    db: options.db,
    api: options.api,
    engine: options.engine,
    now,
    today: options.today,
    onChanged: (caseId, formId) => options.emitChanged(caseId, [formId]),
    onSaved: (formId) => locks.savedByMe(formId),
  });
  return { service, refresh, locks, handlers };
}
