/**
 * The user's drafts of forms: local-only work, saved on every change (the renderer debounces), in the
 * encrypted database. A draft remembers the CP answers it began from, so a later merge has its base.
 */
import { z } from 'zod';
import type { Database } from '../db';
import { BluebagError } from '../errors';
import { FormAnswersSchema, type FormType } from '../cp';
import type { FormAnswers } from './form-cache';

/**
 * editing: being written, not sent. queued: submitted, waiting in the outbox (NOT yet on CP).
 * conflict: CP's copy changed the same fields; the user must choose. refused: CP said no for good.
 */
export type DraftState = 'editing' | 'queued' | 'conflict' | 'refused';

export interface FieldConflict {
  readonly path: string;
  readonly base: unknown;
  readonly mine: unknown;
  readonly theirs: unknown;
}

export interface FormDraft {
  readonly formId: string;
  readonly caseId: string;
  readonly formType: FormType;
  readonly baseVersion: number;
  readonly base: FormAnswers;
  readonly answers: FormAnswers;
  readonly state: DraftState;
  readonly conflicts: readonly FieldConflict[];
  /** CP's copy the conflicts were found against: the base once they are resolved. */
  readonly theirs: { readonly version: number; readonly data: FormAnswers } | null;
  readonly jobId: string | null;
  readonly errorKey: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface DraftRow {
  form_id: string;
  case_id: string;
  form_type: FormType;
  base_version: number;
  base_json: string;
  answers_json: string;
  state: DraftState;
  conflicts_json: string | null;
  theirs_version: number | null;
  theirs_json: string | null;
  job_id: string | null;
  error_key: string | null;
  created_at: string;
  updated_at: string;
}

const ConflictsSchema = z.array(z.object({ path: z.string(), base: z.unknown(), mine: z.unknown(), theirs: z.unknown() }));

export function readDraft(db: Database, formId: string): FormDraft | null {
  const row = db.prepare('SELECT * FROM form_drafts WHERE form_id = ?').get(formId) as DraftRow | undefined;
  return row ? fromRow(row) : null;
}

export function listDrafts(db: Database, caseId?: string): FormDraft[] {
  const rows = (caseId === undefined ? db.prepare('SELECT * FROM form_drafts ORDER BY updated_at').all() : db.prepare('SELECT * FROM form_drafts WHERE case_id = ? ORDER BY updated_at').all(caseId)) as DraftRow[];
  return rows.map(fromRow);
}

export function requireDraft(db: Database, formId: string): FormDraft {
  const draft = readDraft(db, formId);
  if (!draft) throw new BluebagError('not_found', 'errors.formDraftNotFound');
  return draft;
}

/** Starts a draft from CP's copy as it stands. */
export function createDraft(db: Database, input: { formId: string; caseId: string; formType: FormType; baseVersion: number; base: FormAnswers; answers: FormAnswers }, now: Date): FormDraft {
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO form_drafts (form_id, case_id, form_type, base_version, base_json, answers_json, state, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'editing', ?, ?)`,
  ).run(input.formId, input.caseId, input.formType, input.baseVersion, JSON.stringify(input.base), JSON.stringify(input.answers), at, at);
  return requireDraft(db, input.formId);
}

export interface DraftPatch {
  readonly answers?: FormAnswers;
  readonly state?: DraftState;
  readonly base?: { readonly version: number; readonly data: FormAnswers };
  readonly conflicts?: readonly FieldConflict[];
  readonly theirs?: { readonly version: number; readonly data: FormAnswers } | null;
  readonly jobId?: string | null;
  readonly errorKey?: string | null;
}

export function updateDraft(db: Database, formId: string, patch: DraftPatch, now: Date): FormDraft {
  const current = requireDraft(db, formId);
  const theirs = patch.theirs === undefined ? current.theirs : patch.theirs;
  const conflicts = patch.conflicts ?? current.conflicts;
  db.prepare(
    `UPDATE form_drafts SET answers_json = ?, state = ?, base_version = ?, base_json = ?, conflicts_json = ?, theirs_version = ?, theirs_json = ?,
       job_id = ?, error_key = ?, updated_at = ? WHERE form_id = ?`,
  ).run(
    JSON.stringify(patch.answers ?? current.answers),
    patch.state ?? current.state,
    patch.base?.version ?? current.baseVersion,
    JSON.stringify(patch.base?.data ?? current.base),
    conflicts.length > 0 ? JSON.stringify(conflicts) : null,
    theirs?.version ?? null,
    theirs ? JSON.stringify(theirs.data) : null,
    patch.jobId === undefined ? current.jobId : patch.jobId,
    patch.errorKey === undefined ? current.errorKey : patch.errorKey,
    now.toISOString(),
    formId,
  );
  return requireDraft(db, formId);
}

export function deleteDraft(db: Database, formId: string): void {
  db.prepare('DELETE FROM form_drafts WHERE form_id = ?').run(formId);
}

function fromRow(row: DraftRow): FormDraft {
  return {
    formId: row.form_id,
    caseId: row.case_id,
    formType: row.form_type,
    baseVersion: row.base_version,
    base: FormAnswersSchema.parse(JSON.parse(row.base_json)),
    answers: FormAnswersSchema.parse(JSON.parse(row.answers_json)),
    state: row.state,
    conflicts: row.conflicts_json === null ? [] : ConflictsSchema.parse(JSON.parse(row.conflicts_json)),
    theirs: row.theirs_version === null || row.theirs_json === null ? null : { version: row.theirs_version, data: FormAnswersSchema.parse(JSON.parse(row.theirs_json)) },
    jobId: row.job_id,
    errorKey: row.error_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
