import { beforeAll, describe, expect, it } from 'vitest';
import { validateAnswers, type FormDefinition } from '../../../src-main/core/forms/index';
import { generateDataset } from '../../../src-sandbox/seed/dataset';
import { shippedDefinitions } from './form-fixtures';

let pet: FormDefinition;
let bcm: FormDefinition;
beforeAll(async () => {
  ({ pet, bcm } = await shippedDefinitions());
});

/** The sandbox stands in for CP: its seeded forms must be answers in the definitions' shape, or the app is tested against a fiction. */
describe('the sandbox’s seeded forms', () => {
  it('hold the prosecution’s answers in the definitions’ shape: nothing unknown, nothing wrong', () => {
    const { forms } = generateDataset('small', 1234, '2026-03-10');
    expect(forms.some((f) => f.formType === 'PET')).toBe(true);
    expect(forms.some((f) => f.formType === 'BCM')).toBe(true);
    for (const form of forms) {
      const definition = form.formType === 'PET' ? pet : bcm;
      expect(Object.keys(form.data)).toEqual(definition.parts.map((p) => p.id));
      const result = validateAnswers(definition, form.data as Record<string, Record<string, unknown>>, { completedBy: 'prosecution', today: '2026-03-10' });
      expect(result.unknownAnswers).toEqual([]);
      expect(result.hiddenAnswers).toEqual([]);
      // Only what the sandbox does not invent may be missing (the prosecution's dates to avoid are optional).
      expect(result.issues.filter((i) => i.kind === 'invalid')).toEqual([]);
      expect(result.issues.map((i) => i.path)).toEqual([]);
      // The defence starts with its own parts to fill.
      expect(validateAnswers(definition, form.data as Record<string, Record<string, unknown>>, { completedBy: 'defence', today: '2026-03-10' }).readyToSubmit).toBe(false);
    }
  });
});
