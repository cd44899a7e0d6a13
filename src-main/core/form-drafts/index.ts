/** PET and BCM forms on this laptop: CP's copy, offline drafts, section locks, submission through the outbox. */
export { FormsService, type FormsServiceOptions } from './forms-service';
export { formsContractHandlers } from './forms-handlers';
export { FormRefresh, type FormRefreshOptions } from './form-refresh';
export { SectionLocks, LOCK_EXTEND_WHEN_LEFT_MS, type SectionLock, type SectionLocksOptions } from './section-locks';
export { formSubmissionHandlers, changedSections, FormSectionLockedError, FORM_SUBMIT_JOB, FORM_CONTACT_EMAIL_JOB, type FormSubmissionDeps } from './form-submission';
export type { FormEngine, FormIssue } from './form-engine';
export type { FormsApi } from './forms-api';
export type { FormDraft, DraftState, FieldConflict } from './draft-store';
export type { CachedForm, FormAnswers } from './form-cache';
export { createFormsWork, type FormsWork, type FormsWorkOptions } from './forms-work';
export { coreFormEngine } from './core-form-engine';
