import { createContext, useContext } from 'react';
import type { AnswerReader } from '../../../src-preload/contract/forms';
import type { FormIssue } from './issue-text';

/** What every field of the part on screen needs, handed down without threading it through each level. */
export interface FormFields {
  readonly conditions: AnswerReader;
  /** Problems to show beside each field, by path: wrong answers always, missing ones once asked for. */
  readonly problems: ReadonlyMap<string, readonly FormIssue[]>;
  /** Sets an answer of the part on screen; undefined removes it. */
  change(path: string, value: unknown): void;
}

export const FormFieldsContext = createContext<FormFields | null>(null);

export function useFormFields(): FormFields {
  const fields = useContext(FormFieldsContext);
  if (!fields) throw new Error('a form field outside its form part');
  return fields;
}
