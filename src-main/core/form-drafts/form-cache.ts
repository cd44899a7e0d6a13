/**
 * CP's copy of each form, as last fetched: what the form screen shows offline, the "theirs" of a merge,
 * and the change history. Rows leave with their case (foreign key) and at sign-out.
 */
import { z } from 'zod';
import type { Database } from '../db';
import { FormAnswersSchema, FormHistoryEntrySchema, LockStatusSchema, type FormType, type WireForm, type WireFormHistoryEntry, type WireLockStatus } from '../cp';

export type FormAnswers = Record<string, unknown>;

/** A section's answers with one question set (a section CP sent as something else starts empty). */
export function withAnswer(section: unknown, question: string, value: unknown): Record<string, unknown> {
  const answers = typeof section === 'object' && section !== null && !Array.isArray(section) ? { ...(section as Record<string, unknown>) } : {};
  answers[question] = value;
  return answers;
}

export interface CachedSection {
  readonly section: string;
  readonly lockStatus: WireLockStatus;
}

export interface CachedForm {
  readonly formId: string;
  readonly caseId: string;
  readonly formType: FormType;
  readonly recordId: string;
  readonly defendantIds: readonly string[];
  readonly version: number;
  readonly lastUpdated: string;
  readonly data: FormAnswers;
  /** Lock states as CP reported them at `fetchedAt`: stale the moment they are read offline. */
  readonly sections: readonly CachedSection[];
  readonly history: readonly WireFormHistoryEntry[];
  readonly fetchedAt: string;
}

interface FormRow {
  form_id: string;
  case_id: string;
  form_type: FormType;
  record_id: string;
  defendant_ids_json: string;
  version: number;
  last_updated: string;
  data_json: string;
  sections_json: string;
  history_json: string;
  fetched_at: string;
}

const SectionsSchema = z.array(z.object({ section: z.string(), lockStatus: LockStatusSchema }));
const HistorySchema = z.array(FormHistoryEntrySchema);
const IdsSchema = z.array(z.string());

/** The columns that hold CP's copy itself: everything but when it was fetched. */
const FORM_CONTENT_COLUMNS = ['case_id', 'form_type', 'record_id', 'defendant_ids_json', 'version', 'last_updated', 'data_json', 'sections_json', 'history_json'] as const satisfies ReadonlyArray<keyof FormRow>;

/**
 * Stores CP's copy; `history` null keeps the history already stored (a save answers without one).
 * Says whether CP's copy differs from the one stored: a refresh that changed nothing must not tell the
 * screens, which read again when told, and reading asks for a refresh.
 */
export function storeForm(db: Database, form: WireForm, history: readonly WireFormHistoryEntry[] | null, now: Date): boolean {
  const caseId = form.defendants[0]?.caseId;
  if (caseId === undefined) throw new RangeError('a form without defendants');
  // Its case is not cached (yet, or any more: after a sign-out that kept unsent work): CP's copy comes
  // with the case at the next sync. What was sent is on CP either way.
  if (db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId) === undefined) return false;
  const before = db.prepare('SELECT * FROM cp_forms WHERE form_id = ?').get(form.formId) as FormRow | undefined;
  const keep = history === null ? (before ? fromRow(before).history : []) : history;
  const row = {
    form_id: form.formId,
    case_id: caseId,
    form_type: form.formType,
    record_id: form.petId ?? form.courtFormId ?? form.formId,
    defendant_ids_json: JSON.stringify(form.defendants.map((d) => d.defendantId)),
    version: form.version,
    last_updated: form.lastUpdated,
    data_json: JSON.stringify(form.data),
    sections_json: JSON.stringify(form.sections),
    history_json: JSON.stringify(keep),
    fetched_at: now.toISOString(),
  } satisfies FormRow;
  db.prepare(
    `INSERT INTO cp_forms (form_id, case_id, form_type, record_id, defendant_ids_json, version, last_updated, data_json, sections_json, history_json, fetched_at)
     VALUES (@form_id, @case_id, @form_type, @record_id, @defendant_ids_json, @version, @last_updated, @data_json, @sections_json, @history_json, @fetched_at)
     ON CONFLICT(form_id) DO UPDATE SET case_id = excluded.case_id, form_type = excluded.form_type, record_id = excluded.record_id,
       defendant_ids_json = excluded.defendant_ids_json, version = excluded.version, last_updated = excluded.last_updated,
       data_json = excluded.data_json, sections_json = excluded.sections_json, history_json = excluded.history_json, fetched_at = excluded.fetched_at`,
  ).run(row);
  return before === undefined || FORM_CONTENT_COLUMNS.some((column) => before[column] !== row[column]);
}

/** Forgets forms CP no longer lists for the case (the court withdrew one), and says which. Drafts are not touched. */
export function keepOnlyForms(db: Database, caseId: string, formIds: readonly string[]): string[] {
  const placeholders = formIds.map(() => '?').join(', ');
  const gone = db
    .prepare(`DELETE FROM cp_forms WHERE case_id = ?${formIds.length > 0 ? ` AND form_id NOT IN (${placeholders})` : ''} RETURNING form_id AS formId`)
    .all(caseId, ...formIds) as Array<{ formId: string }>;
  return gone.map((row) => row.formId);
}

export function readCachedForm(db: Database, formId: string): CachedForm | null {
  const row = db.prepare('SELECT * FROM cp_forms WHERE form_id = ?').get(formId) as FormRow | undefined;
  return row ? fromRow(row) : null;
}

export function listCachedForms(db: Database, caseId: string): CachedForm[] {
  return (db.prepare('SELECT * FROM cp_forms WHERE case_id = ? ORDER BY form_type, form_id').all(caseId) as FormRow[]).map(fromRow);
}

function fromRow(row: FormRow): CachedForm {
  return {
    formId: row.form_id,
    caseId: row.case_id,
    formType: row.form_type,
    recordId: row.record_id,
    defendantIds: IdsSchema.parse(JSON.parse(row.defendant_ids_json)),
    version: row.version,
    lastUpdated: row.last_updated,
    data: FormAnswersSchema.parse(JSON.parse(row.data_json)),
    sections: SectionsSchema.parse(JSON.parse(row.sections_json)),
    history: HistorySchema.parse(JSON.parse(row.history_json)),
    fetchedAt: row.fetched_at,
  };
}
