/**
 * The form definition as the renderer receives it in `FormView.definition`: the types are inferred from
 * the contract, so the renderer never imports the main-process engine (the process boundary is the
 * contract). A definition is data; everything on the form screen is generated from it.
 */
import { useTranslation } from 'react-i18next';
import type { FormView } from '../../../src-preload/api';

export type FormDefinitionView = FormView['definition'];
export type FormPart = FormDefinitionView['parts'][number];
export type FormSection = FormPart['sections'][number];
export type FormQuestion = FormSection['questions'][number];
export type LocalText = FormPart['title'];
export type FormRole = FormPart['completedBy'][number];
export type ChoiceQuestion = Extract<FormQuestion, { type: 'choice' | 'multiChoice' }>;
export type RepeatingGroup = Extract<FormQuestion, { type: 'repeatingGroup' }>;
export type Condition = NonNullable<FormQuestion['visibleWhen']>;

/** Who completes a section: its own list, else its part's (Part 1 of the PET is shared). */
export function sectionRoles(part: FormPart, section: FormSection): readonly FormRole[] {
  return section.completedBy ?? part.completedBy;
}

export function defenceCompletes(part: FormPart, section: FormSection): boolean {
  return sectionRoles(part, section).includes('defence');
}

/** A part the defence sends to CP (the engine's "defence sections"): CP's lockable unit. */
export function defenceEditsPart(part: FormPart): boolean {
  return part.sections.some((section) => defenceCompletes(part, section));
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
