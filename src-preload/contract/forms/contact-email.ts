/**
 * Where the BCM keeps the defence contact email. The definitions have no field for it, so it is found
 * by their convention: the first email question of a part's `defenceContact` section. Main changes it
 * there and the renderer shows it from there, so both must find the same question: hence one function.
 */
import type { EmailQuestion, FormDefinition, Part } from './form-definition-schema';

export interface ContactEmailQuestion {
  readonly part: Part;
  readonly question: EmailQuestion;
}

export const CONTACT_SECTION_ID = 'defenceContact';

/** Null for a PET (only the BCM carries a contact email) or a definition that breaks the convention. */
export function contactEmailQuestion(definition: FormDefinition): ContactEmailQuestion | null {
  if (definition.formType !== 'BCM') return null;
  for (const part of definition.parts) {
    const section = part.sections.find((s) => s.id === CONTACT_SECTION_ID);
    const question = section?.questions.find((q): q is EmailQuestion => q.type === 'email');
    if (question) return { part, question };
  }
  return null;
}
