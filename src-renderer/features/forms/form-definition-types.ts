/**
 * The form definition as the renderer receives it in `FormView.definition`: the contract's own types
 * (src-preload/contract/forms), named as the screen speaks of them. A definition is data; everything
 * on the form screen is generated from it.
 */
import { useTranslation } from 'react-i18next';
import {
  canComplete,
  completesAnyOf,
  type ChoiceQuestion as SharedChoiceQuestion,
  type FormDefinition,
  type LocalText as SharedLocalText,
  type MultiChoiceQuestion,
  type Part,
  type Question,
  type RepeatingGroupQuestion,
  type Role,
  type Section,
} from '../../../src-preload/contract/forms';

export type FormDefinitionView = FormDefinition;
export type FormPart = Part;
export type FormSection = Section;
export type FormQuestion = Question;
export type LocalText = SharedLocalText;
export type FormRole = Role;
export type ChoiceQuestion = SharedChoiceQuestion | MultiChoiceQuestion;
export type RepeatingGroup = RepeatingGroupQuestion;

export { sectionRoles } from '../../../src-preload/contract/forms';

export function defenceCompletes(part: FormPart, section: FormSection): boolean {
  return canComplete(part, section, 'defence');
}

/** A part the defence sends to CP (the engine's "defence sections"): CP's lockable unit. */
export function defenceEditsPart(part: FormPart): boolean {
  return completesAnyOf(part, 'defence');
}

/** A repeating-group item's heading: the definition writes `{{n}}` where the item's number goes. */
export function numberedLabel(label: string, n: number): string {
  return label.replace('{{n}}', String(n));
}

/** Definition text in the language the UI is in now. */
export function useLocalText(): (text: LocalText) => string {
  const { i18n } = useTranslation();
  const language = i18n.language === 'cy' ? 'cy' : 'en';
  return (text) => text[language];
}
