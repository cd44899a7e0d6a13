import type { WireForm, WireFormHistoryEntry, WireFormSummary, WireLockStatus } from '../cp';
import type { FormAnswers } from './form-cache';

/** What the forms work needs from CP (the CP client provides it; tests may pass the real client too). */
export interface FormsApi {
  listForms(caseId: string): Promise<WireFormSummary[]>;
  getForm(formId: string): Promise<WireForm>;
  formHistory(formId: string): Promise<WireFormHistoryEntry[]>;
  /** Sends the sections given (others keep CP's answers) against `baseVersion`; 409 when CP moved on. */
  saveForm(formId: string, data: FormAnswers, baseVersion: number, idempotencyKey: string): Promise<WireForm>;
  lockSection(formId: string, section: string): Promise<WireLockStatus>;
  extendLock(formId: string, section: string): Promise<WireLockStatus>;
  releaseLock(formId: string, section: string): Promise<void>;
}
