/**
 * The forms a case has on CP, and the user's offline work on them: drafts saved at every change, sent
 * through the outbox when the user submits, merged against CP's copy when it moved on, and CP's section
 * locks asked for while the user edits online. The only door the contract uses for forms.
 */
import type { FormListItem, FormView, Language } from '../../../src-preload/api';
import { listCaseSummaries, type Database } from '../db';
import { BluebagError } from '../errors';
import { enqueueJob, readJob, updateJob, type OutboxJob } from '../outbox';
import { safeFileName } from '../notes';
import { createDraft, deleteDraft, listDrafts, readDraft, requireDraft, updateDraft, type FormDraft } from './draft-store';
import { listCachedForms, readCachedForm, withAnswer, type CachedForm, type FormAnswers } from './form-cache';
import type { FormEngine } from './form-engine';
import type { FormRefresh } from './form-refresh';
import { ContactEmailPayloadSchema, FORM_CONTACT_EMAIL_JOB, FORM_SUBMIT_JOB, changedSections, newestContactEmailJob } from './form-submission';
import type { SectionLock, SectionLocks } from './section-locks';

export interface FormsServiceOptions {
  readonly db: Database;
  readonly engine: FormEngine;
  readonly locks: SectionLocks;
  readonly refresh: FormRefresh;
  /** Whether CP can be asked now (signed in and reachable). */
  readonly online: () => boolean;
  readonly userId: () => string | null;
  /** Today in England and Wales by CP's clock where known (date rules never read the laptop's clock alone). */
  readonly today: () => string;
  readonly wakeOutbox: () => void;
  readonly emitChanged: (caseId: string, formIds: readonly string[]) => void;
  readonly now?: () => Date;
}

export class FormsService {
  readonly #o: FormsServiceOptions;

  constructor(options: FormsServiceOptions) {
    this.#o = options;
  }

  #now(): Date {
    return (this.#o.now ?? (() => new Date()))();
  }

  list(caseId: string): FormListItem[] {
    if (this.#o.online()) void this.#o.refresh.request([caseId]);
    return listCachedForms(this.#o.db, caseId).map((form) => this.#listItem(form, readDraft(this.#o.db, form.formId)));
  }

  get(formId: string): FormView {
    const form = this.#form(formId);
    if (this.#o.online()) void this.#o.refresh.request([form.caseId]);
    return this.#view(form);
  }

  saveDraft(formId: string, answers: FormAnswers, section?: string): FormView {
    const { db } = this.#o;
    const form = this.#form(formId);
    const definition = this.#o.engine.definitionFor(form.formType);
    const editable = new Set(this.#o.engine.defenceSections(definition));
    const existing = readDraft(db, formId);
    if (existing?.state === 'queued') throw new BluebagError('conflict', 'errors.formQueued');
    // Compared with the answers as last saved: a conflict's merge has already brought CP's newer
    // prosecution and court parts into them, and those must not count as the user's changes.
    const base = existing?.answers ?? form.data;
    const known = new Set(definition.parts.map((p) => p.id));
    if (Object.keys(answers).some((k) => !known.has(k))) throw new BluebagError('invalid_argument', 'errors.formUnknownPart');
    // Parts the prosecution or the court complete are read-only here: a change to one is a bug or junk.
    const readOnlyChanged = changedSections(base, answers).filter((s) => !editable.has(s));
    if (readOnlyChanged.length > 0) throw new BluebagError('invalid_argument', 'errors.formReadOnlyPart');
    db.transaction(() => {
      if (existing) updateDraft(db, formId, { answers }, this.#now());
      else createDraft(db, { formId, caseId: form.caseId, formType: form.formType, baseVersion: form.version, base: form.data, answers }, this.#now());
    })();
    if (section !== undefined) this.#o.locks.touch(formId, section);
    this.#o.emitChanged(form.caseId, [formId]);
    return this.#view(form);
  }

  discardDraft(formId: string): FormView {
    const form = this.#form(formId);
    const draft = readDraft(this.#o.db, formId);
    if (draft) {
      this.#withdrawJob(draft);
      this.#o.db.transaction(() => deleteDraft(this.#o.db, formId))();
      this.#o.emitChanged(form.caseId, [formId]);
    }
    return this.#view(form);
  }

  submit(formId: string): FormView {
    const { db } = this.#o;
    const form = this.#form(formId);
    const draft = requireDraft(db, formId);
    switch (draft.state) {
      case 'queued':
        return this.#view(form);
      case 'conflict':
        throw new BluebagError('conflict', 'errors.formHasConflicts');
      case 'editing':
      case 'refused':
        break;
    }
    const { issues } = this.#o.engine.validate(this.#o.engine.definitionFor(form.formType), draft.answers, this.#o.today());
    if (issues.length > 0) throw new BluebagError('invalid_argument', 'errors.formHasProblems');
    db.transaction(() => {
      const job = enqueueJob(db, { kind: FORM_SUBMIT_JOB, caseId: form.caseId, payload: { formId } }, this.#now());
      updateDraft(db, formId, { state: 'queued', jobId: job.id, errorKey: null }, this.#now());
    })();
    this.#o.emitChanged(form.caseId, [formId]);
    this.#o.wakeOutbox();
    return this.#view(form);
  }

  /** Takes a queued draft back to editing, while its job has not started. */
  withdraw(formId: string): FormView {
    const form = this.#form(formId);
    const draft = requireDraft(this.#o.db, formId);
    if (draft.state !== 'queued') return this.#view(form);
    this.#withdrawJob(draft);
    this.#o.db.transaction(() => updateDraft(this.#o.db, formId, { state: 'editing', jobId: null }, this.#now()))();
    this.#o.emitChanged(form.caseId, [formId]);
    return this.#view(form);
  }

  resolveConflicts(formId: string, choices: readonly { path: string; take: 'mine' | 'theirs' }[]): FormView {
    const { db, engine } = this.#o;
    const form = this.#form(formId);
    const draft = requireDraft(db, formId);
    if (draft.state !== 'conflict' || !draft.theirs) throw new BluebagError('conflict', 'errors.formNoConflicts');
    const chosen = new Map(choices.map((c) => [c.path, c.take]));
    if (draft.conflicts.some((c) => !chosen.has(c.path))) throw new BluebagError('invalid_argument', 'errors.formChooseEveryConflict');
    const answers = engine.resolve(engine.definitionFor(form.formType), draft.answers, draft.conflicts, chosen);
    const theirs = draft.theirs;
    db.transaction(() => updateDraft(db, formId, { answers, base: theirs, conflicts: [], theirs: null, state: 'editing' }, this.#now()))();
    this.#o.emitChanged(form.caseId, [formId]);
    return this.#view(form);
  }

  async beginEdit(formId: string, section: string): Promise<SectionLock> {
    this.#section(this.#form(formId), section);
    if (!this.#o.online()) return { state: 'unavailable' };
    const lock = await this.#o.locks.begin(formId, section);
    this.#o.emitChanged(this.#form(formId).caseId, [formId]);
    return lock;
  }

  async endEdit(formId: string, section: string): Promise<void> {
    this.#section(this.#form(formId), section);
    await this.#o.locks.end(formId, section);
  }

  changeContactEmail(formId: string, email: string): FormView {
    const { db, engine } = this.#o;
    const form = this.#form(formId);
    const where = form.formType === 'BCM' ? engine.contactEmailPath(engine.definitionFor(form.formType)) : null;
    if (!where) throw new BluebagError('invalid_argument', 'errors.formNoContactEmail');
    db.transaction(() => {
      enqueueJob(db, { kind: FORM_CONTACT_EMAIL_JOB, caseId: form.caseId, payload: ContactEmailPayloadSchema.parse({ formId, caseId: form.caseId, formType: form.formType, email }) }, this.#now());
      // A draft in progress must not put the old address back when it is sent later.
      const draft = readDraft(db, formId);
      if (draft && draft.state !== 'queued') {
        const withEmail = (data: FormAnswers): FormAnswers => ({ ...data, [where.section]: withAnswer(data[where.section], where.question, email) });
        updateDraft(db, formId, { answers: withEmail(draft.answers), base: { version: draft.baseVersion, data: withEmail(draft.base) } }, this.#now());
      }
    })();
    this.#o.emitChanged(form.caseId, [formId]);
    this.#o.wakeOutbox();
    return this.#view(form);
  }

  async exportPdf(formId: string, language: Language): Promise<{ fileName: string; mimeType: string; base64: string }> {
    const form = this.#form(formId);
    const draft = readDraft(this.#o.db, formId);
    const definition = this.#o.engine.definitionFor(form.formType);
    const summary = listCaseSummaries(this.#o.db, form.caseId)[0];
    const pdf = await this.#o.engine.renderPdf(definition, draft?.answers ?? form.data, {
      status: draft ? 'draft' : 'submitted',
      language,
      caseInfo: { urn: summary?.urn ?? '', defendantNames: this.#defendantNames(form.caseId, form.defendantIds) },
      generatedAt: this.#now(),
    });
    return { fileName: safeFileName([form.formType, summary?.urn ?? '', draft ? 'draft' : 'submitted'], 'pdf'), mimeType: 'application/pdf', base64: pdf.toString('base64') };
  }

  /** An outbox job of ours ended: a refusal is the draft's to show. */
  jobSettled(job: OutboxJob): void {
    if (job.kind === FORM_CONTACT_EMAIL_JOB) {
      // Emitted for every end, not only a refusal (which changes nothing on CP, so only this shows it):
      // the handler's own change event comes while the job is still active, when the view still says
      // "waiting"; only this one, after the outbox marked it done, lets an open form say it was sent.
      const payload = ContactEmailPayloadSchema.safeParse(job.payload);
      if (payload.success) this.#o.emitChanged(payload.data.caseId, [payload.data.formId]);
      return;
    }
    if (job.kind !== FORM_SUBMIT_JOB || job.state !== 'failed') return;
    const draft = listDrafts(this.#o.db).find((d) => d.jobId === job.id);
    if (!draft) return;
    this.#o.db.transaction(() => updateDraft(this.#o.db, draft.formId, { state: 'refused', errorKey: job.lastErrorKey ?? 'errors.cpRefused', jobId: null }, this.#now()))();
    this.#o.emitChanged(draft.caseId, [draft.formId]);
  }

  /** Drafts not yet submitted (a submitted one is counted by its outbox job): unsent work at sign-out. */
  unsentCount(): number {
    return listDrafts(this.#o.db).filter((d) => d.state !== 'queued').length;
  }

  /** Sign-out: drafts stay for the next sign-in, or go with the rest of the unsent work. */
  wipe(unsentWork: 'keep' | 'discard'): void {
    if (unsentWork === 'discard') this.#o.db.prepare('DELETE FROM form_drafts').run();
  }

  /** A refusal is kept on the draft; while queued, the job's last failure says why it still waits. */
  #draftErrorKey(draft: FormDraft): string | null {
    if (draft.state !== 'queued' || draft.jobId === null) return draft.errorKey;
    return readJob(this.#o.db, draft.jobId)?.lastErrorKey ?? null;
  }

  #withdrawJob(draft: FormDraft): void {
    if (draft.jobId === null) return;
    const job = readJob(this.#o.db, draft.jobId);
    if (job?.state === 'active') throw new BluebagError('conflict', 'errors.formSending');
    if (job?.state === 'queued') updateJob(this.#o.db, job.id, { state: 'cancelled' }, this.#now());
  }

  #form(formId: string): CachedForm {
    const form = readCachedForm(this.#o.db, formId);
    if (!form) throw new BluebagError('not_found', 'errors.formNotFound');
    return form;
  }

  #section(form: CachedForm, section: string): void {
    const definition = this.#o.engine.definitionFor(form.formType);
    if (!definition.parts.some((p) => p.id === section)) throw new BluebagError('invalid_argument', 'errors.formUnknownPart');
  }

  #defendantNames(caseId: string, only?: readonly string[]): string[] {
    const summary = listCaseSummaries(this.#o.db, caseId)[0];
    return (summary?.defendants ?? []).filter((d) => only === undefined || only.includes(d.id)).map((d) => d.name);
  }

  #listItem(form: CachedForm, draft: FormDraft | null): FormListItem {
    let missingCount = 0;
    if (draft) {
      const definition = this.#o.engine.definitionFor(form.formType);
      missingCount = this.#o.engine.validate(definition, draft.answers, this.#o.today()).missing.length;
    }
    return {
      formId: form.formId,
      formType: form.formType,
      caseId: form.caseId,
      defendantNames: this.#defendantNames(form.caseId, form.defendantIds),
      cpVersion: form.version,
      lastUpdated: form.lastUpdated,
      draft: draft ? { state: draft.state, updatedAt: draft.updatedAt, missingCount, conflictCount: draft.conflicts.length, errorKey: this.#draftErrorKey(draft) } : null,
    };
  }

  #view(form: CachedForm): FormView {
    const draft = readDraft(this.#o.db, form.formId);
    const definition = this.#o.engine.definitionFor(form.formType);
    const answers = draft?.answers ?? form.data;
    const { issues, missing } = this.#o.engine.validate(definition, answers, this.#o.today());
    const me = this.#o.userId();
    const summary = listCaseSummaries(this.#o.db, form.caseId)[0];
    return {
      item: this.#listItem(form, draft),
      urn: summary?.urn ?? '',
      definition,
      cp: { version: form.version, lastUpdated: form.lastUpdated, data: form.data, fetchedAt: form.fetchedAt },
      answers,
      draft: draft ? { state: draft.state, baseVersion: draft.baseVersion, updatedAt: draft.updatedAt, errorKey: this.#draftErrorKey(draft), conflicts: [...draft.conflicts] } : null,
      issues: [...issues],
      missing: [...missing],
      sections: definition.parts.map((p) => ({ section: p.id, lock: this.#o.locks.state(form.formId, p.id, form.sections.find((s) => s.section === p.id)?.lockStatus ?? null) })),
      history: form.history.map((h) => ({ date: h.date, by: h.updatedByName, byMe: me !== null && h.updatedBy === me, status: h.status, version: h.version })),
      contactEmailChange: form.formType === 'BCM' ? this.#contactEmailChange(form) : null,
    };
  }

  /** The newest contact email change for the form, unless CP took it. */
  #contactEmailChange(form: CachedForm): FormView['contactEmailChange'] {
    const newest = newestContactEmailJob(this.#o.db, form.caseId, form.formId);
    if (newest === null) return null;
    const { job, email } = newest;
    switch (job.state) {
      case 'done':
      case 'cancelled':
        return null;
      case 'failed':
        return { email, state: 'refused', errorKey: job.lastErrorKey };
      case 'queued':
      case 'active':
        return { email, state: 'waiting', errorKey: job.lastErrorKey };
    }
  }
}
