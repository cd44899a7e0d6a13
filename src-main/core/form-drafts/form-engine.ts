import type { FormDefinition } from '../forms';
import type { FormType } from '../cp';
import type { FieldConflict } from './draft-store';
import type { FormAnswers } from './form-cache';

export interface FormIssue {
  readonly path: string;
  readonly messageKey: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** A definition's own rule text, when the rule carries one. */
  readonly message?: { readonly en: string; readonly cy: string };
}

/**
 * What the forms work needs from the form engine (core/forms): definitions, validation, the
 * field-by-field merge and the printable copy. Injected, so the drafts, locks and submission logic
 * are tested on their own and the engine can gain form versions without touching them.
 */
export interface FormEngine {
  definitionFor(formType: FormType): FormDefinition;
  /** Sections (CP's top-level keys) the defence may change. */
  defenceSections(definition: FormDefinition): readonly string[];
  validate(definition: FormDefinition, answers: FormAnswers, today: string): { issues: readonly FormIssue[]; missing: readonly FormIssue[] };
  /** The answers to send: questions not asked now (a follow-up whose trigger changed) are left out. */
  forSubmission(definition: FormDefinition, answers: FormAnswers, today: string): FormAnswers;
  merge(definition: FormDefinition, base: FormAnswers, mine: FormAnswers, theirs: FormAnswers): { merged: FormAnswers; conflicts: readonly FieldConflict[] };
  resolve(definition: FormDefinition, merged: FormAnswers, conflicts: readonly FieldConflict[], choices: ReadonlyMap<string, 'mine' | 'theirs'>): FormAnswers;
  /** Where the BCM keeps the defence contact email (section and question id). */
  contactEmailPath(definition: FormDefinition): { readonly section: string; readonly question: string } | null;
  renderPdf(definition: FormDefinition, answers: FormAnswers, options: { status: 'draft' | 'submitted'; language: 'en' | 'cy'; caseInfo: { urn: string; defendantNames: readonly string[] }; generatedAt: Date }): Promise<Buffer>;
}
