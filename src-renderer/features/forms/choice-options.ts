import type { AnswerFrame, AnswerReader } from '../../../src-preload/contract/forms';
import { itemsOf } from './answer-paths';
import { numberedLabel, type ChoiceQuestion, type LocalText } from './form-definition-types';

export interface ShownOption {
  readonly value: string;
  readonly label: string;
}

/**
 * A choice's options: the definition's own, or the items of another answer (the prosecution's
 * witnesses), whose value is the item id so a renamed witness stays the same choice.
 */
export function choiceOptions(question: ChoiceQuestion, frame: AnswerFrame, conditions: AnswerReader, text: (value: LocalText) => string): ShownOption[] {
  if (question.options) return question.options.map((option) => ({ value: option.value, label: text(option.label) }));
  const from = question.optionsFrom;
  if (!from) return [];
  const source = conditions.resolve(from.question, frame);
  if (!source || source.placed.question.type !== 'repeatingGroup') return [];
  const itemLabel = source.placed.question.itemLabel;
  return itemsOf(source.frame.answers[source.placed.question.id]).map((item, index) => {
    const label = item[from.label];
    return { value: item.itemId, label: typeof label === 'string' && label.trim() !== '' ? label : numberedLabel(text(itemLabel), index + 1) };
  });
}

/** The words for one chosen value (an option that no longer exists is shown as it was stored). */
export function optionLabel(options: readonly ShownOption[], value: unknown): string {
  return options.find((option) => option.value === value)?.label ?? String(value);
}
