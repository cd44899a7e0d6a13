import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerPathError, chooseSide, mergeAnswers, newItemId, parseAnswerPath, resolveConflicts, type FormDefinition } from '../../../src-main/core/forms/index';
import { completePet, shippedDefinitions } from './form-fixtures';

let pet: FormDefinition;
beforeAll(async () => {
  ({ pet } = await shippedDefinitions());
});

type Form = Record<string, Record<string, unknown>>;
const clone = (form: Form): Form => structuredClone(form);
const p3 = (form: Form): Record<string, unknown> => form['part3'] ?? {};
const witnesses = (form: Form) => p3(form)['defenceWitnesses'] as Record<string, unknown>[];

describe('mergeAnswers', () => {
  it('changes to different fields merge on their own', () => {
    const base = completePet();
    const mine = clone(base);
    const theirs = clone(base);
    p3(mine)['realIssues'] = 'Identification and self-defence.';
    (theirs['part1'] ?? {})['representativeEmail'] = 'new@bevan.example';
    (theirs['part2'] ?? {})['initialDetailsServed'] = false;
    const { merged, conflicts } = mergeAnswers(base, mine, theirs, pet);
    expect(conflicts).toEqual([]);
    expect(merged['part3']?.['realIssues']).toBe('Identification and self-defence.');
    expect(merged['part1']?.['representativeEmail']).toBe('new@bevan.example');
    expect(merged['part2']?.['initialDetailsServed']).toBe(false);
  });

  it('both sides making the same change is not a conflict (a multi-choice is compared as a set)', () => {
    const base = completePet();
    const mine = clone(base);
    const theirs = clone(base);
    p3(mine)['plea'] = 'mixed';
    p3(theirs)['plea'] = 'mixed';
    p3(mine)['applications'] = ['hearsay', 'badCharacter'];
    p3(theirs)['applications'] = ['badCharacter', 'hearsay'];
    const { merged, conflicts } = mergeAnswers(base, mine, theirs, pet);
    expect(conflicts).toEqual([]);
    expect(merged['part3']?.['plea']).toBe('mixed');
  });

  it('both sides changing one field differently is a conflict; merged keeps mine; the user chooses, seeing both', () => {
    const base = completePet();
    const mine = clone(base);
    const theirs = clone(base);
    p3(mine)['realIssues'] = 'Mine: alibi.';
    p3(theirs)['realIssues'] = 'Theirs: identification.';
    p3(theirs)['defendantWillGiveEvidence'] = 'no';
    const { merged, conflicts } = mergeAnswers(base, mine, theirs, pet);
    expect(conflicts).toEqual([{ path: 'part3.realIssues', base: p3(base)['realIssues'], mine: 'Mine: alibi.', theirs: 'Theirs: identification.' }]);
    expect(merged['part3']?.['realIssues']).toBe('Mine: alibi.');
    expect(merged['part3']?.['defendantWillGiveEvidence']).toBe('no');
    const conflict = conflicts[0];
    if (!conflict) throw new Error('no conflict');
    const resolved = resolveConflicts(merged, [chooseSide(conflict, 'theirs')]);
    expect(resolved['part3']?.['realIssues']).toBe('Theirs: identification.');
    expect(merged['part3']?.['realIssues']).toBe('Mine: alibi.'); // resolving does not touch its input
  });

  it('clearing a field on one side while the other leaves it merges; clearing against an edit conflicts', () => {
    const base = completePet();
    const mine = clone(base);
    const theirs = clone(base);
    delete p3(mine)['statementsToBeRead'];
    p3(theirs)['factsAdmitted'] = 'The defendant was in Cardiff that day.';
    p3(mine)['factsAdmitted'] = '';
    p3(theirs)['realIssues'] = '';
    const { merged, conflicts } = mergeAnswers(base, mine, theirs, pet);
    expect(merged['part3']).not.toHaveProperty('statementsToBeRead');
    expect(merged['part3']?.['realIssues']).toBe('');
    expect(conflicts).toEqual([]); // factsAdmitted: base had none, mine '' is still none → theirs wins
    expect(merged['part3']?.['factsAdmitted']).toBe('The defendant was in Cardiff that day.');
  });

  it('repeating-group items are matched by id, not position: an edit on each side to different items and fields merges', () => {
    const base = completePet();
    witnesses(base).push({ itemId: 'dw-2', name: 'Nia Hughes', interpreterNeeded: false, specialMeasuresNeeded: false });
    const mine = clone(base);
    const theirs = clone(base);
    witnesses(mine).reverse(); // reordering is not an edit
    const mineOwain = witnesses(mine).find((w) => w['itemId'] === 'dw-1');
    if (mineOwain) mineOwain['interpreterNeeded'] = true;
    if (mineOwain) mineOwain['interpreterLanguage'] = 'Welsh';
    const theirsNia = witnesses(theirs).find((w) => w['itemId'] === 'dw-2');
    if (theirsNia) theirsNia['name'] = 'Nia Hughes-Morgan';
    const theirsOwain = witnesses(theirs).find((w) => w['itemId'] === 'dw-1');
    if (theirsOwain) theirsOwain['specialMeasuresNeeded'] = true;
    const { merged, conflicts } = mergeAnswers(base, mine, theirs, pet);
    expect(conflicts).toEqual([]);
    const out = merged['part3']?.['defenceWitnesses'] as Record<string, unknown>[];
    expect(out.map((w) => w['itemId'])).toEqual(['dw-2', 'dw-1']); // mine's order
    expect(out[0]).toMatchObject({ name: 'Nia Hughes-Morgan' });
    expect(out[1]).toMatchObject({ name: 'Owain Price', interpreterNeeded: true, interpreterLanguage: 'Welsh', specialMeasuresNeeded: true });
  });

  it('an item added on each side: both kept', () => {
    const base = completePet();
    const mine = clone(base);
    const theirs = clone(base);
    witnesses(mine).push({ itemId: 'mine-1', name: 'Added here', interpreterNeeded: false, specialMeasuresNeeded: false });
    witnesses(theirs).push({ itemId: 'theirs-1', name: 'Added there', interpreterNeeded: false, specialMeasuresNeeded: false });
    const { merged, conflicts } = mergeAnswers(base, mine, theirs, pet);
    expect(conflicts).toEqual([]);
    expect((merged['part3']?.['defenceWitnesses'] as Record<string, unknown>[]).map((w) => w['name'])).toEqual(['Owain Price', 'Added here', 'Added there']);
  });

  it('the same field of the same item changed differently is a conflict at the item field', () => {
    const base = completePet();
    const mine = clone(base);
    const theirs = clone(base);
    const [m] = witnesses(mine);
    const [t] = witnesses(theirs);
    if (m) m['name'] = 'Owain Pryce';
    if (t) t['name'] = 'Owen Price';
    const { conflicts } = mergeAnswers(base, mine, theirs, pet);
    expect(conflicts).toEqual([{ path: 'part3.defenceWitnesses[dw-1].name', base: 'Owain Price', mine: 'Owain Pryce', theirs: 'Owen Price' }]);
  });

  it('deleted on one side, edited on the other: a conflict on the whole item; mine kept until the user chooses', () => {
    const base = completePet();
    // They deleted the witness I edited.
    const mine = clone(base);
    const theirs = clone(base);
    const [m] = witnesses(mine);
    if (m) m['specialMeasuresNeeded'] = true;
    if (m) m['specialMeasuresDetails'] = 'Screen';
    p3(theirs)['defenceWitnesses'] = [];
    const first = mergeAnswers(base, mine, theirs, pet);
    expect(first.conflicts).toEqual([{ path: 'part3.defenceWitnesses[dw-1]', base: witnesses(base)[0], mine: m, theirs: null }]);
    expect(first.merged['part3']?.['defenceWitnesses']).toEqual([m]);
    const c1 = first.conflicts[0];
    if (!c1) throw new Error('no conflict');
    expect(resolveConflicts(first.merged, [chooseSide(c1, 'theirs')])['part3']?.['defenceWitnesses']).toEqual([]);

    // I deleted the witness they edited.
    const mine2 = clone(base);
    const theirs2 = clone(base);
    p3(mine2)['defenceWitnesses'] = [];
    const [t] = witnesses(theirs2);
    if (t) t['name'] = 'Owain Price (corrected)';
    const second = mergeAnswers(base, mine2, theirs2, pet);
    expect(second.conflicts).toEqual([{ path: 'part3.defenceWitnesses[dw-1]', base: witnesses(base)[0], mine: null, theirs: t }]);
    expect(second.merged['part3']?.['defenceWitnesses']).toEqual([]);
    const c2 = second.conflicts[0];
    if (!c2) throw new Error('no conflict');
    expect(resolveConflicts(second.merged, [chooseSide(c2, 'theirs')])['part3']?.['defenceWitnesses']).toEqual([t]);
  });

  it('deleted on one side and untouched on the other: deleted', () => {
    const base = completePet();
    const mine = clone(base);
    const theirs = clone(base);
    p3(theirs)['defenceWitnesses'] = [];
    const { merged, conflicts } = mergeAnswers(base, mine, theirs, pet);
    expect(conflicts).toEqual([]);
    expect(merged['part3']?.['defenceWitnesses']).toEqual([]);
  });

  it('nested groups merge by id too (a witness’s dates to avoid)', () => {
    const base = completePet();
    const mine = clone(base);
    const theirs = clone(base);
    const dates = (form: Form) => witnesses(form)[0]?.['datesToAvoid'] as Record<string, unknown>[];
    dates(mine).push({ itemId: 'da-m', date: '2026-06-01' });
    dates(theirs).push({ itemId: 'da-t', date: '2026-07-01' });
    const { merged, conflicts } = mergeAnswers(base, mine, theirs, pet);
    expect(conflicts).toEqual([]);
    const out = (merged['part3']?.['defenceWitnesses'] as Record<string, unknown>[])[0]?.['datesToAvoid'] as Record<string, unknown>[];
    expect(out.map((d) => d['itemId'])).toEqual(['da-1', 'da-m', 'da-t']);
  });

  it('with no common base (first sync of a form edited offline) differing fields are conflicts, equal ones are not', () => {
    const mine = completePet();
    const theirs = clone(mine);
    p3(theirs)['realIssues'] = 'Different';
    const { conflicts } = mergeAnswers(null, mine, theirs, pet);
    expect(conflicts.map((c) => c.path)).toEqual(['part3.realIssues']);
  });

  it('resolveConflicts: a hand-edited value, removing an answer, and a path that leads nowhere', () => {
    const merged = completePet();
    const out = resolveConflicts(merged, [
      { path: 'part3.realIssues', value: 'Both: alibi and identification.' },
      { path: 'part3.defenceWitnesses[dw-1].name', value: 'Owain ap Rhys' },
      { path: 'part3.factsAdmitted', value: null },
    ]);
    expect(out['part3']?.['realIssues']).toBe('Both: alibi and identification.');
    expect((out['part3']?.['defenceWitnesses'] as Record<string, unknown>[])[0]?.['name']).toBe('Owain ap Rhys');
    expect(out['part3']).not.toHaveProperty('factsAdmitted');
    expect(() => resolveConflicts(merged, [{ path: 'part3.defenceWitnesses[nobody].name', value: 'x' }])).toThrow(AnswerPathError);
    expect(() => resolveConflicts(merged, [{ path: 'not a path!', value: 'x' }])).toThrow(AnswerPathError);
  });

  it('item ids are fresh UUIDs and paths round-trip through parseAnswerPath', () => {
    const [a, b] = [newItemId(), newItemId()];
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
    expect(parseAnswerPath(`part3.defenceWitnesses[${a}].datesToAvoid[x_1].date`)).toEqual([
      { kind: 'field', id: 'part3' },
      { kind: 'field', id: 'defenceWitnesses' },
      { kind: 'item', itemId: a },
      { kind: 'field', id: 'datesToAvoid' },
      { kind: 'item', itemId: 'x_1' },
      { kind: 'field', id: 'date' },
    ]);
    for (const bad of ['', 'part3.', '.part3', 'part3..plea', 'part3[x]', 'part3.plea[x', 'part3.plea[a b]']) expect(parseAnswerPath(bad)).toBeNull();
  });
});
