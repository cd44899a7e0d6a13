/**
 * An answer as words for a reader (the printable copy, and later a read-only view): option labels
 * instead of option values, Yes/No, dates in words, a witness's name instead of their item id.
 */
import type { AnswerReader, AnswerFrame } from '../../../src-preload/contract/forms/condition-evaluation';
import type { ChoiceQuestion, MultiChoiceQuestion, Question } from '../../../src-preload/contract/forms/form-definition-schema';
import { isAnswered, isRecord, ITEM_ID_KEY } from '../../../src-preload/contract/forms/form-answers';
import { printDate, type FormPrintLabels, type PrintLanguage } from './form-print-labels';

/** The answer's words, or null when unanswered. Repeating groups are laid out item by item, not here. */
export function displayAnswer(question: Question, value: unknown, frame: AnswerFrame, reader: AnswerReader, labels: FormPrintLabels, language: PrintLanguage): string | null {
  if (!isAnswered(value)) return null;
  switch (question.type) {
    case 'shortText':
    case 'longText':
    case 'email':
    case 'phone':
      return String(value);
    case 'date':
      return typeof value === 'string' ? printDate(value, labels) : String(value);
    case 'yesNo':
      return value === true ? labels.yes : value === false ? labels.no : String(value);
    case 'number':
      return question.unit ? `${String(value)} ${question.unit[language]}` : String(value);
    case 'choice':
      return optionLabel(question, String(value), frame, reader, language);
    case 'multiChoice':
      return Array.isArray(value) ? value.map((v: unknown) => optionLabel(question, String(v), frame, reader, language)).join('; ') : String(value);
    case 'repeatingGroup':
      return null;
    default: {
      const unreachable: never = question;
      throw new Error(`unknown question type ${JSON.stringify(unreachable)}`);
    }
  }
}

function optionLabel(question: ChoiceQuestion | MultiChoiceQuestion, value: string, frame: AnswerFrame, reader: AnswerReader, language: PrintLanguage): string {
  const option = question.options?.find((o) => o.value === value);
  if (option) return option.label[language];
  if (question.optionsFrom) {
    const source = reader.resolve(question.optionsFrom.question, frame);
    const items = source?.frame.answers[source.placed.question.id];
    const item = Array.isArray(items) ? items.find((i: unknown) => isRecord(i) && i[ITEM_ID_KEY] === value) : undefined;
    const label = isRecord(item) ? item[question.optionsFrom.label] : undefined;
    if (typeof label === 'string' && label.trim() !== '') return label;
  }
  return value;
}
