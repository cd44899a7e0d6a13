/** PET and BCM forms: definitions as versioned data, validation, field-level three-way merge, printable copy. */
export {
  FORM_TYPES,
  ROLES,
  type ChoiceOption,
  type Condition,
  type CrossFieldRule,
  type FormDefinition,
  type FormType,
  type LocalText,
  type Part,
  type Question,
  type QuestionType,
  type Role,
  type Section,
} from '../../../src-preload/contract/forms/form-definition-schema';
export { loadFormDefinitionFile, loadFormDefinitions, parseFormDefinition, pickFormDefinition, type LoadedDefinitions } from './definition-loader';
export { AnswerPathError, FormDefinitionError, FormDefinitionNotFoundError, type DefinitionFault } from './form-errors';
export { ITEM_ID_KEY, newItemId, parseAnswerPath, type AnswerPath, type AnswerValue, type FormAnswers, type PartAnswers, type PathSegment, type RepeatingItem } from '../../../src-preload/contract/forms/form-answers';
export {
  answersForSubmission,
  isValidEmail,
  isValidPhone,
  validateAnswers,
  type IssueKind,
  type PartProgress,
  type ValidationIssue,
  type ValidationOptions,
  type ValidationResult,
} from './answer-validation';
export { FORM_VALIDATION_MESSAGES, type FormMessageKey } from '../../../src-preload/contract/forms/validation-messages';
export { chooseSide, mergeAnswers, resolveConflicts, type ConflictChoice, type MergeConflict, type MergeResult } from './three-way-merge';
export { renderFormPdf, type FormCaseInfo, type FormPdfOptions } from './form-pdf';
export type { PrintLanguage } from './form-print-labels';
export { AnswerReader, type AnswerFrame } from '../../../src-preload/contract/forms/condition-evaluation';
export { canComplete, groupScope, partScope, sectionRoles, type PlacedQuestion, type QuestionScope } from '../../../src-preload/contract/forms/question-scopes';
export { contactEmailQuestion, type ContactEmailQuestion } from '../../../src-preload/contract/forms/contact-email';
