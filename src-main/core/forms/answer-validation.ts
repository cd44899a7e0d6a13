/**
 * Validates a form's answers against its definition for one role. Only what that role completes is
 * checked: the defence is never told to fix the prosecution's or the court's parts.
 *
 * Hidden questions (a follow-up whose trigger answer changed, a question whose `visibleWhen` no longer
 * holds) are not required and not checked. Their answers are reported in `hiddenAnswers`: the UI keeps
 * them on the laptop, so switching the answer back restores what was typed, but `answersForSubmission`
 * leaves them out of what is sent to CP, so CP never holds an answer to a question the form did not ask.
 */
import { isIsoDate } from '../../../src-preload/contract/forms/calendar-dates';
import { AnswerReader, type AnswerFrame } from '../../../src-preload/contract/forms/condition-evaluation';
import type { CrossFieldRule, FormDefinition, LocalText, Part, Question, RepeatingGroupQuestion, Role, Section } from '../../../src-preload/contract/forms/form-definition-schema';
import { childPath, isAnswered, isRecord, isValidItemId, itemPath, ITEM_ID_KEY, parseAnswerPath, setAtPath, type AnswerPath, type FormAnswers, type PartAnswers } from '../../../src-preload/contract/forms/form-answers';
import { canComplete, completesAnyOf, type PlacedQuestion } from '../../../src-preload/contract/forms/question-scopes';
import type { FormMessageKey } from '../../../src-preload/contract/forms/validation-messages';

export type IssueKind = 'missing' | 'invalid';

export interface ValidationIssue {
  readonly path: AnswerPath;
  /** `missing`: still needed before submitting; `invalid`: answered, but wrongly. */
  readonly kind: IssueKind;
  readonly messageKey: FormMessageKey;
  readonly params: Readonly<Record<string, string | number>>;
  /** Words from the definition itself (cross-field rules, format patterns), shown instead of the key's. */
  readonly message?: LocalText;
}

export interface PartProgress {
  readonly partId: string;
  readonly missing: readonly ValidationIssue[];
  readonly complete: boolean;
}

export interface ValidationResult {
  readonly issues: readonly ValidationIssue[];
  /** Per part the role completes, what is still needed (required answers, too few items, rules not met). */
  readonly missingForSubmission: readonly PartProgress[];
  /** Answers to questions not asked now: keep them, do not send them. */
  readonly hiddenAnswers: readonly AnswerPath[];
  /** Keys no question of this definition has (another version's, or CP's own): kept and sent untouched. */
  readonly unknownAnswers: readonly AnswerPath[];
  readonly readyToSubmit: boolean;
}

export interface ValidationOptions {
  readonly completedBy: Role;
  /** Today in Europe/London (YYYY-MM-DD), for "not in the past" rules; the caller owns the clock. */
  readonly today: string;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
// UK numbers (0…, +44…, 0044…) or any international number: witnesses and families may live abroad.
const PHONE_UK = /^(?:\+44|0044|0)\d{9,10}$/;
const PHONE_INTERNATIONAL = /^\+[1-9]\d{7,14}$/;

export function isValidEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

export function isValidPhone(value: string): boolean {
  const compact = value.replace(/[\s().-]/g, '');
  return PHONE_UK.test(compact) || PHONE_INTERNATIONAL.test(compact);
}

export function validateAnswers(definition: FormDefinition, answers: FormAnswers, options: ValidationOptions): ValidationResult {
  const run = new ValidationRun(new AnswerReader(definition, answers, options.today), options.completedBy);
  const progress: PartProgress[] = [];
  for (const part of definition.parts) {
    if (!completesAnyOf(part, options.completedBy)) continue;
    const before = run.issues.length;
    run.part(part);
    const missing = run.issues.slice(before).filter((issue) => issue.kind === 'missing');
    progress.push({ partId: part.id, missing, complete: missing.length === 0 });
  }
  return { issues: run.issues, missingForSubmission: progress, hiddenAnswers: run.hidden, unknownAnswers: run.unknown, readyToSubmit: run.issues.length === 0 };
}

/**
 * What to send to CP: the parts the role completes (CP replaces a part whole, so a shared part goes
 * with the other side's answers as last received), without the hidden answers of the role's sections.
 */
export function answersForSubmission(definition: FormDefinition, answers: FormAnswers, options: ValidationOptions): Record<string, PartAnswers> {
  const { hiddenAnswers } = validateAnswers(definition, answers, options);
  const out: Record<string, Record<string, unknown>> = {};
  for (const part of definition.parts) {
    if (completesAnyOf(part, options.completedBy)) out[part.id] = structuredClone(isRecord(answers[part.id]) ? { ...answers[part.id] } : {});
  }
  for (const path of hiddenAnswers) {
    const segments = parseAnswerPath(path);
    if (segments) setAtPath(out, segments, undefined);
  }
  return out;
}

class ValidationRun {
  readonly issues: ValidationIssue[] = [];
  readonly hidden: AnswerPath[] = [];
  readonly unknown: AnswerPath[] = [];

  constructor(
    private readonly reader: AnswerReader,
    private readonly role: Role,
  ) {}

  part(part: Part): void {
    const frame = this.reader.partFrame(part);
    this.scope(frame, part.id, (section) => canComplete(part, section, this.role));
    for (const rule of part.rules ?? []) this.rule(rule, frame, part.id, (section) => canComplete(part, section, this.role));
  }

  private scope(frame: AnswerFrame, path: AnswerPath, editable: (section: Section) => boolean): void {
    for (const placed of frame.scope.placed) {
      if (!editable(placed.section)) continue;
      const here = childPath(path, placed.question.id);
      const value = frame.answers[placed.question.id];
      if (!this.reader.isVisible(placed, frame)) {
        if (isAnswered(value)) this.hidden.push(here);
        continue;
      }
      this.question(placed, frame, here, value);
    }
    for (const key of Object.keys(frame.answers)) {
      if (!frame.scope.byId.has(key) && !(frame.parent !== null && key === ITEM_ID_KEY)) this.unknown.push(childPath(path, key));
    }
  }

  private rule(rule: CrossFieldRule, frame: AnswerFrame, path: AnswerPath, editable: (section: Section) => boolean): void {
    const at = frame.scope.byId.get(rule.reportAt);
    if (!at || !editable(at.section) || !this.reader.isVisible(at, frame)) return;
    if (rule.when !== undefined && !this.reader.holds(rule.when, frame)) return;
    if (this.reader.holds(rule.require, frame)) return;
    this.issues.push({ path: childPath(path, rule.reportAt), kind: 'missing', messageKey: 'forms.errors.rule', params: { rule: rule.id }, message: rule.message });
  }

  private add(path: AnswerPath, kind: IssueKind, messageKey: FormMessageKey, params: Record<string, string | number> = {}, message?: LocalText): void {
    this.issues.push(message === undefined ? { path, kind, messageKey, params } : { path, kind, messageKey, params, message });
  }

  private question(placed: PlacedQuestion, frame: AnswerFrame, path: AnswerPath, value: unknown): void {
    const question = placed.question;
    const required = this.reader.isRequired(placed.question, frame);
    if (!isAnswered(value)) {
      if (question.type === 'repeatingGroup') {
        const min = Math.max(question.minItems ?? 0, required ? 1 : 0);
        if (min > 0) this.add(path, 'missing', required && min === 1 ? 'forms.errors.required' : 'forms.errors.tooFewItems', { min });
      } else if (required) this.add(path, 'missing', 'forms.errors.required');
      return;
    }
    this.format(question, placed.section, frame, path, value, required);
  }

  private format(question: Question, section: Section, frame: AnswerFrame, path: AnswerPath, value: unknown, required: boolean): void {
    switch (question.type) {
      case 'shortText':
      case 'longText': {
        if (typeof value !== 'string') return this.add(path, 'invalid', 'forms.errors.invalidType');
        const text = value.trim();
        if (question.maxLength !== undefined && text.length > question.maxLength) this.add(path, 'invalid', 'forms.errors.tooLong', { max: question.maxLength });
        if (question.type === 'shortText') {
          if (question.minLength !== undefined && text.length < question.minLength) this.add(path, 'invalid', 'forms.errors.tooShort', { min: question.minLength });
          if (question.pattern && !new RegExp(question.pattern.regex, 'u').test(text)) this.add(path, 'invalid', 'forms.errors.pattern', {}, question.pattern.message);
        }
        return;
      }
      case 'email':
        if (typeof value !== 'string') return this.add(path, 'invalid', 'forms.errors.invalidType');
        if (!isValidEmail(value)) this.add(path, 'invalid', 'forms.errors.email');
        return;
      case 'phone':
        if (typeof value !== 'string') return this.add(path, 'invalid', 'forms.errors.invalidType');
        if (!isValidPhone(value)) this.add(path, 'invalid', 'forms.errors.phone');
        return;
      case 'date': {
        if (!isIsoDate(value)) return this.add(path, 'invalid', 'forms.errors.date');
        const today = this.reader.today;
        if (today !== null && question.notInPast === true && value < today) this.add(path, 'invalid', 'forms.errors.dateInPast');
        if (today !== null && question.notInFuture === true && value > today) this.add(path, 'invalid', 'forms.errors.dateInFuture');
        return;
      }
      case 'yesNo':
        if (typeof value !== 'boolean') this.add(path, 'invalid', 'forms.errors.invalidType');
        return;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) return this.add(path, 'invalid', 'forms.errors.number');
        if (question.integer === true && !Number.isInteger(value)) this.add(path, 'invalid', 'forms.errors.wholeNumber');
        if (question.min !== undefined && value < question.min) this.add(path, 'invalid', 'forms.errors.numberTooSmall', { min: question.min });
        if (question.max !== undefined && value > question.max) this.add(path, 'invalid', 'forms.errors.numberTooLarge', { max: question.max });
        return;
      case 'choice':
        if (typeof value !== 'string') return this.add(path, 'invalid', 'forms.errors.invalidType');
        if (!this.allowedValues(question, frame).has(value)) this.add(path, 'invalid', 'forms.errors.choice');
        return;
      case 'multiChoice': {
        if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return this.add(path, 'invalid', 'forms.errors.invalidType');
        const allowed = this.allowedValues(question, frame);
        if (value.some((v: string) => !allowed.has(v)) || new Set(value).size !== value.length) this.add(path, 'invalid', 'forms.errors.choice');
        if (question.minSelected !== undefined && value.length < question.minSelected) this.add(path, required ? 'missing' : 'invalid', 'forms.errors.selectAtLeast', { min: question.minSelected });
        if (question.maxSelected !== undefined && value.length > question.maxSelected) this.add(path, 'invalid', 'forms.errors.selectAtMost', { max: question.maxSelected });
        return;
      }
      case 'repeatingGroup':
        return this.group(question, section, frame, path, value, required);
      default: {
        const unreachable: never = question;
        throw new Error(`unknown question type ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private group(group: RepeatingGroupQuestion, section: Section, frame: AnswerFrame, path: AnswerPath, value: unknown, required: boolean): void {
    if (!Array.isArray(value)) return this.add(path, 'invalid', 'forms.errors.invalidType');
    const min = Math.max(group.minItems ?? 0, required ? 1 : 0);
    if (value.length < min) this.add(path, 'missing', 'forms.errors.tooFewItems', { min });
    if (group.maxItems !== undefined && value.length > group.maxItems) this.add(path, 'invalid', 'forms.errors.tooManyItems', { max: group.maxItems });
    const seen = new Set<string>();
    value.forEach((item: unknown, index: number) => {
      const itemId = isRecord(item) ? item[ITEM_ID_KEY] : undefined;
      if (!isRecord(item) || !isValidItemId(itemId) || seen.has(itemId)) return this.add(path, 'invalid', 'forms.errors.itemId', { index: index + 1 });
      seen.add(itemId);
      const itemFrame = this.reader.itemFrame(group, section, item, frame);
      const here = itemPath(path, itemId);
      // The group's section was found editable already; everything inside an item shares it.
      this.scope(itemFrame, here, () => true);
      for (const rule of group.rules ?? []) this.rule(rule, itemFrame, here, () => true);
    });
  }

  private allowedValues(question: Extract<Question, { type: 'choice' | 'multiChoice' }>, frame: AnswerFrame): Set<string> {
    if (question.options) return new Set(question.options.map((o) => o.value));
    if (!question.optionsFrom) return new Set();
    const source = this.reader.resolve(question.optionsFrom.question, frame);
    const items = source?.frame.answers[source.placed.question.id];
    return new Set(Array.isArray(items) ? items.flatMap((item: unknown) => (isRecord(item) && typeof item[ITEM_ID_KEY] === 'string' ? [item[ITEM_ID_KEY]] : [])) : []);
  }
}
