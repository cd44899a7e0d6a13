/**
 * Sending a draft to CP, as an outbox job. The draft is sent against the CP version it began from; if
 * CP's copy moved on meanwhile (409), the three are merged field by field: when nothing clashes the
 * merge is sent against the new version at once; when the same field changed on both sides the draft
 * stops in "conflict" for the user to choose, with both values kept. A section someone else holds
 * locked (423) is never overwritten: the job waits and tries again later.
 *
 * Each save's idempotency key is the job's key plus the base version it is sent against, so a resend
 * after a crash repeats exactly the request CP may already have taken, and a merged resend is new.
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { Database } from '../db';
import { BluebagError } from '../errors';
import { CpRefusedError, FormTypeSchema } from '../cp';
import { newestCaseJob, type OutboxHandler, type OutboxJob } from '../outbox';
import { deleteDraft, readDraft, updateDraft, type FormDraft } from './draft-store';
import { storeForm, withAnswer, type FormAnswers } from './form-cache';
import type { FormEngine } from './form-engine';
import type { FormsApi } from './forms-api';

export const FORM_SUBMIT_JOB = 'formSubmit';
export const FORM_CONTACT_EMAIL_JOB = 'formContactEmail';

export const FormSubmitPayloadSchema = z.object({ formId: z.string() }).strict();
/** Carries what it needs to be sent even when CP's copy is not cached (after a sign-out that kept it). */
export const ContactEmailPayloadSchema = z.object({ formId: z.string(), caseId: z.string(), formType: FormTypeSchema, email: z.string() }).strict();

/** A section is locked by someone else: back off and try again (never a refusal: the lock will go). */
export class FormSectionLockedError extends BluebagError {
  constructor() {
    super('conflict', 'errors.formSectionLocked');
    this.name = 'FormSectionLockedError';
  }
}

/** CP's copy kept changing under us: try again later rather than spin. */
class FormKeepsChangingError extends BluebagError {
  constructor() {
    super('conflict', 'errors.formKeepsChanging');
    this.name = 'FormKeepsChangingError';
  }
}

const MAX_MERGE_ROUNDS = 3;

export interface FormSubmissionDeps {
  readonly db: Database;
  readonly api: FormsApi;
  readonly engine: FormEngine;
  readonly now: () => Date;
  /** Today in England and Wales (for date rules), by CP's clock where known. */
  readonly today: () => string;
  readonly onChanged: (caseId: string, formId: string) => void;
  readonly onSaved: (formId: string) => void;
}

/** The sections whose answers differ from the base: only those are sent, so untouched ones cannot clash. */
export function changedSections(base: FormAnswers, answers: FormAnswers): string[] {
  const keys = new Set([...Object.keys(base), ...Object.keys(answers)]);
  return [...keys].filter((k) => !isDeepStrictEqual(base[k] ?? null, answers[k] ?? null)).sort();
}

const isRefusal = (error: unknown, status: number): boolean => error instanceof CpRefusedError && error.status === status;

export function formSubmissionHandlers(deps: FormSubmissionDeps): Record<string, OutboxHandler> {
  const { db, api, engine } = deps;

  async function submit(job: OutboxJob): Promise<unknown> {
    const { formId } = FormSubmitPayloadSchema.parse(job.payload);
    let draft = readDraft(db, formId);
    // Discarded or withdrawn since it was queued: nothing to send.
    if (!draft || draft.jobId !== job.id) return { outcome: 'withdrawn' };
    const definition = engine.definitionFor(draft.formType);
    for (let round = 0; round < MAX_MERGE_ROUNDS; round++) {
      const sections = changedSections(draft.base, draft.answers);
      if (sections.length === 0) {
        finish(draft);
        return { outcome: 'nothingToSend' };
      }
      const sendable = engine.forSubmission(definition, draft.answers, deps.today());
      const body = Object.fromEntries(sections.map((s) => [s, sendable[s] ?? {}]));
      try {
        const saved = await api.saveForm(formId, body, draft.baseVersion, `${job.idempotencyKey}-v${draft.baseVersion}`);
        db.transaction(() => storeForm(db, saved, null, deps.now()))();
        deps.onSaved(formId);
        await refreshHistory(formId);
        finish(draft);
        return { outcome: 'saved', version: saved.version };
      } catch (error) {
        if (isRefusal(error, 423)) {
          await refreshQuietly(formId);
          throw new FormSectionLockedError();
        }
        if (!isRefusal(error, 409)) throw error;
      }
      // CP's copy moved on: merge against it.
      const theirs = await api.getForm(formId);
      db.transaction(() => storeForm(db, theirs, null, deps.now()))();
      const { merged, conflicts } = engine.merge(definition, draft.base, draft.answers, theirs.data);
      if (conflicts.length > 0) {
        updateDraft(db, formId, { state: 'conflict', answers: merged, conflicts, theirs: { version: theirs.version, data: theirs.data }, jobId: null, errorKey: null }, deps.now());
        deps.onChanged(draft.caseId, formId);
        return { outcome: 'conflict', conflicts: conflicts.length };
      }
      draft = updateDraft(db, formId, { answers: merged, base: { version: theirs.version, data: theirs.data } }, deps.now());
      deps.onChanged(draft.caseId, formId);
    }
    throw new FormKeepsChangingError();
  }

  async function contactEmail(job: OutboxJob): Promise<unknown> {
    const { formId, caseId, formType, email } = ContactEmailPayloadSchema.parse(job.payload);
    const definition = engine.definitionFor(formType);
    const where = engine.contactEmailPath(definition);
    if (!where) return { outcome: 'noContactEmail' };
    // A newer change for the same form makes this one moot. Sending it anyway could put the older
    // address back over the newer one: this one may be a retry that came due after the newer was sent.
    if (newestContactEmailJob(db, caseId, formId)?.job.id !== job.id) return { outcome: 'superseded' };
    for (let round = 0; round < MAX_MERGE_ROUNDS; round++) {
      const current = await api.getForm(formId);
      const section = withAnswer(current.data[where.section], where.question, email);
      try {
        const saved = await api.saveForm(formId, { [where.section]: section }, current.version, `${job.idempotencyKey}-v${current.version}`);
        db.transaction(() => storeForm(db, saved, null, deps.now()))();
        deps.onSaved(formId);
        await refreshHistory(formId);
        deps.onChanged(caseId, formId);
        return { outcome: 'saved', version: saved.version };
      } catch (error) {
        if (isRefusal(error, 423)) throw new FormSectionLockedError();
        if (!isRefusal(error, 409)) throw error;
      }
    }
    throw new FormKeepsChangingError();
  }

  /** CP took the draft: it is now CP's copy, and the draft's work is done. */
  function finish(draft: FormDraft): void {
    db.transaction(() => deleteDraft(db, draft.formId))();
    deps.onChanged(draft.caseId, draft.formId);
  }

  async function refreshHistory(formId: string): Promise<void> {
    try {
      const [form, history] = await Promise.all([api.getForm(formId), api.formHistory(formId)]);
      db.transaction(() => storeForm(db, form, history, deps.now()))();
    } catch {
      // The save landed; the history shown catches up at the next refresh.
    }
  }

  async function refreshQuietly(formId: string): Promise<void> {
    try {
      const form = await api.getForm(formId);
      db.transaction(() => storeForm(db, form, null, deps.now()))();
    } catch {
      // Only used to show who holds the lock.
    }
  }

  return { [FORM_SUBMIT_JOB]: submit, [FORM_CONTACT_EMAIL_JOB]: contactEmail };
}

/** The newest contact email change for a form that was not withdrawn: the one CP should end up with. */
export function newestContactEmailJob(db: Database, caseId: string, formId: string): { job: OutboxJob; email: string } | null {
  const job = newestCaseJob(db, FORM_CONTACT_EMAIL_JOB, caseId, { field: 'formId', value: formId });
  if (job === null) return null;
  const payload = ContactEmailPayloadSchema.safeParse(job.payload);
  return payload.success ? { job, email: payload.data.email } : null;
}
