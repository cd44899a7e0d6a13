/**
 * The form engine as the drafts work uses it, built on core/forms: the definitions loaded from
 * resources/forms, validation for the defence, the field-by-field merge and the printable copy.
 */
import {
  answersForSubmission,
  contactEmailQuestion,
  mergeAnswers,
  pickFormDefinition,
  renderFormPdf,
  resolveConflicts,
  validateAnswers,
  type FormDefinition,
  type ValidationIssue,
} from '../forms';
import type { FormIssue, FormEngine } from './form-engine';

const DEFENCE = { completedBy: 'defence' } as const;

function toIssue(issue: ValidationIssue): FormIssue {
  return { path: issue.path, messageKey: issue.messageKey, params: issue.params, ...(issue.message ? { message: issue.message } : {}) };
}

export function coreFormEngine(definitions: readonly FormDefinition[]): FormEngine {
  return {
    definitionFor: (formType) => pickFormDefinition(definitions, formType),
    defenceSections: (definition) =>
      definition.parts.filter((part) => part.sections.some((section) => (section.completedBy ?? part.completedBy).includes('defence'))).map((part) => part.id),
    validate: (definition, answers, today) => {
      const result = validateAnswers(definition, asFormAnswers(answers), { ...DEFENCE, today });
      return {
        issues: result.issues.filter((i) => i.kind === 'invalid').map(toIssue),
        missing: result.missingForSubmission.flatMap((part) => part.missing.map(toIssue)),
      };
    },
    forSubmission: (definition, answers, today) => answersForSubmission(definition, asFormAnswers(answers), { ...DEFENCE, today }),
    merge: (definition, base, mine, theirs) => mergeAnswers(asFormAnswers(base), asFormAnswers(mine), asFormAnswers(theirs), definition),
    // Only "theirs" is written: the answers already hold the user's side, as it is now — they may have
    // edited the field since the conflict was found, and writing back the value captured then would
    // lose that.
    resolve: (_definition, merged, conflicts, choices) =>
      resolveConflicts(
        asFormAnswers(merged),
        conflicts.filter((c) => choices.get(c.path) === 'theirs').map((c) => ({ path: c.path, value: c.theirs })),
      ),
    contactEmailPath: (definition) => {
      // The convention lives in the contract so the renderer shows the address from the same question.
      const found = contactEmailQuestion(definition);
      return found ? { section: found.part.id, question: found.question.id } : null;
    },
    renderPdf: (definition, answers, options) => renderFormPdf(definition, asFormAnswers(answers), options),
  };
}

/** CP's answers are JSON keyed by part; a part that is not an object is treated as unanswered. */
function asFormAnswers(answers: Readonly<Record<string, unknown>>): Record<string, Readonly<Record<string, unknown>>> {
  const out: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) out[key] = value as Record<string, unknown>;
  }
  return out;
}
