import { beforeAll, describe, expect, it } from 'vitest';
import { answersForSubmission, isValidEmail, isValidPhone, validateAnswers, type FormDefinition, type ValidationIssue } from '../../../src-main/core/forms/index';
import { completePet, prosecutionPet, shippedDefinitions, TODAY, WITNESS_A } from './form-fixtures';

let pet: FormDefinition;
let bcm: FormDefinition;
beforeAll(async () => {
  ({ pet, bcm } = await shippedDefinitions());
});

const asDefence = { completedBy: 'defence', today: TODAY } as const;
const at = (issues: readonly ValidationIssue[], path: string) => issues.filter((i) => i.path === path).map((i) => i.messageKey);

function part3(form: Record<string, Record<string, unknown>>): Record<string, unknown> {
  return form['part3'] ?? {};
}

describe('validateAnswers', () => {
  it('a complete PET has no issues and is ready to submit', () => {
    const result = validateAnswers(pet, completePet(), asDefence);
    expect(result.issues).toEqual([]);
    expect(result.readyToSubmit).toBe(true);
    expect(result.missingForSubmission.map((p) => [p.partId, p.complete])).toEqual([
      ['part1', true],
      ['part3', true],
      ['part4', true],
    ]);
    expect(result.hiddenAnswers).toEqual([]);
    expect(result.unknownAnswers).toEqual([]);
  });

  it('lists what the defence still has to answer, per part, and never the prosecution’s or court’s parts', () => {
    const form = prosecutionPet();
    form['part1'] = { ...form['part1'], prosecutorEmail: 'not-an-email', urn: 'nonsense' };
    const result = validateAnswers(pet, form, asDefence);
    const parts = Object.fromEntries(result.missingForSubmission.map((p) => [p.partId, p.missing.map((i) => i.path)]));
    expect(Object.keys(parts)).toEqual(['part1', 'part3', 'part4']);
    expect(parts['part1']).toEqual(['part1.representativeFirm', 'part1.representativeName', 'part1.representativePhone', 'part1.representativeEmail', 'part1.representation']);
    expect(parts['part3']).toContain('part3.plea');
    expect(parts['part3']).toContain('part3.advisedCreditForGuiltyPlea');
    expect(parts['part4']).toEqual(['part4.defenceCaseHours', 'part4.defenceReady']);
    // The prosecution's bad email and URN, and the court's empty listing, are not the defence's job.
    expect(result.issues.some((i) => i.path.startsWith('part1.prosecutor') || i.path === 'part1.urn' || i.path.startsWith('part5') || i.path.startsWith('part4.trial'))).toBe(false);
    expect(result.readyToSubmit).toBe(false);
  });

  it('validates the prosecution’s parts when asked as the prosecution', () => {
    const form = prosecutionPet();
    form['part1'] = { ...form['part1'], prosecutorEmail: 'not-an-email', urn: '39/GD/11168/22' };
    const result = validateAnswers(pet, form, { completedBy: 'prosecution', today: TODAY });
    expect(at(result.issues, 'part1.prosecutorEmail')).toEqual(['forms.errors.email']);
    expect(result.issues.find((i) => i.path === 'part1.urn')).toMatchObject({ messageKey: 'forms.errors.pattern', message: { en: expect.stringContaining('39GD1116822') } });
    expect(result.issues.some((i) => i.path.startsWith('part3'))).toBe(false);
  });

  it('conditional requirement: the real issues are required once the plea is not guilty', () => {
    const form = completePet();
    delete part3(form)['realIssues'];
    expect(at(validateAnswers(pet, form, asDefence).issues, 'part3.realIssues')).toEqual(['forms.errors.required']);
    delete part3(form)['plea'];
    const issues = validateAnswers(pet, form, asDefence).issues;
    expect(at(issues, 'part3.realIssues')).toEqual([]);
    expect(at(issues, 'part3.plea')).toEqual(['forms.errors.required']);
  });

  it('follow-ups: required only when shown; a hidden follow-up’s answer is reported, kept, and left out of what is sent', () => {
    const form = completePet();
    part3(form)['defendantInterpreterNeeded'] = true;
    expect(at(validateAnswers(pet, form, asDefence).issues, 'part3.defendantInterpreterLanguage')).toEqual(['forms.errors.required']);
    part3(form)['defendantInterpreterLanguage'] = 'Polish';
    expect(validateAnswers(pet, form, asDefence).issues).toEqual([]);

    part3(form)['defendantInterpreterNeeded'] = false;
    const result = validateAnswers(pet, form, asDefence);
    expect(result.issues).toEqual([]);
    expect(result.hiddenAnswers).toEqual(['part3.defendantInterpreterLanguage']);
    const sent = answersForSubmission(pet, form, asDefence);
    expect(Object.keys(sent)).toEqual(['part1', 'part3', 'part4']);
    expect(sent['part3']).not.toHaveProperty('defendantInterpreterLanguage');
    expect(sent['part3']).toHaveProperty('plea', 'notGuilty');
    expect(part3(form)['defendantInterpreterLanguage']).toBe('Polish'); // the local copy keeps it
  });

  it('multi-choice follow-ups appear per option chosen', () => {
    const form = completePet();
    part3(form)['applications'] = ['badCharacter', 'hearsay', 'disclosure'];
    const issues = validateAnswers(pet, form, asDefence).issues;
    expect(issues.map((i) => i.path).sort()).toEqual(['part3.disclosureDetails', 'part3.hearsayDetails']);
    part3(form)['applications'] = ['hearsay'];
    part3(form)['hearsayDetails'] = 'The 999 call.';
    const result = validateAnswers(pet, form, asDefence);
    expect(result.issues).toEqual([]);
    expect(result.hiddenAnswers).toEqual(['part3.badCharacterDetails']);
  });

  it('repeating groups: each item checked with its own follow-ups; items need a valid, unique itemId; max items', () => {
    const form = completePet();
    part3(form)['defenceWitnesses'] = [
      { itemId: 'dw-1', name: 'Owain Price', interpreterNeeded: true, specialMeasuresNeeded: false },
      { itemId: 'dw-2', name: '', interpreterNeeded: false, specialMeasuresNeeded: true, specialMeasuresDetails: 'A screen.', datesToAvoid: [{ itemId: 'x', date: '2026-03-09' }] },
      { itemId: 'dw-2', name: 'Duplicate' },
      { name: 'No id' },
    ];
    const issues = validateAnswers(pet, form, asDefence).issues;
    expect(at(issues, 'part3.defenceWitnesses[dw-1].interpreterLanguage')).toEqual(['forms.errors.required']);
    expect(at(issues, 'part3.defenceWitnesses[dw-2].name')).toEqual(['forms.errors.required']);
    expect(at(issues, 'part3.defenceWitnesses[dw-2].datesToAvoid[x].date')).toEqual(['forms.errors.dateInPast']);
    expect(issues.filter((i) => i.path === 'part3.defenceWitnesses' && i.messageKey === 'forms.errors.itemId').map((i) => i.params['index'])).toEqual([3, 4]);

    part3(form)['defenceWitnesses'] = Array.from({ length: 31 }, (_, n) => ({ itemId: `w${n}`, name: `W ${n}`, interpreterNeeded: false, specialMeasuresNeeded: false }));
    expect(validateAnswers(pet, form, asDefence).issues).toEqual([{ path: 'part3.defenceWitnesses', kind: 'invalid', messageKey: 'forms.errors.tooManyItems', params: { max: 30 } }]);
  });

  it('repeating groups: a required group with no items, and minItems', () => {
    const form = prosecutionPet();
    form['part1'] = { ...form['part1'], defendants: [] };
    const asProsecution = validateAnswers(pet, form, { completedBy: 'prosecution', today: TODAY });
    expect(at(asProsecution.issues, 'part1.defendants')).toEqual(['forms.errors.required']);
    form['part1'] = { ...form['part1'], defendants: [{ itemId: 'd-1', name: 'A', custodyOrBail: 'CUSTODY', firstHearingDate: '2026-02-02', offences: [] }] };
    const issues = validateAnswers(pet, form, { completedBy: 'prosecution', today: TODAY }).issues;
    expect(at(issues, 'part1.defendants[d-1].offences')).toEqual(['forms.errors.required']);
    expect(at(issues, 'part1.defendants[d-1].custodyTimeLimitExpiry')).toEqual(['forms.errors.required']);
  });

  it('formats: email, phone, date, number, choice', () => {
    const form = completePet();
    Object.assign(form['part1'] ?? {}, { representativeEmail: 'rhodri@bevan', representativePhone: '12345' });
    Object.assign(form['part4'] ?? {}, { defenceCaseHours: -1 });
    Object.assign(part3(form), { plea: 'maybe', defenceWitnesses: [{ itemId: 'dw-1', name: 'Owain', interpreterNeeded: 'yes', specialMeasuresNeeded: false, datesToAvoid: [{ itemId: 'x', date: '2026-02-30' }] }] });
    const issues = validateAnswers(pet, form, asDefence).issues;
    expect(at(issues, 'part1.representativeEmail')).toEqual(['forms.errors.email']);
    expect(at(issues, 'part1.representativePhone')).toEqual(['forms.errors.phone']);
    expect(at(issues, 'part4.defenceCaseHours')).toEqual(['forms.errors.numberTooSmall']);
    expect(at(issues, 'part3.plea')).toEqual(['forms.errors.choice']);
    expect(at(issues, 'part3.defenceWitnesses[dw-1].interpreterNeeded')).toEqual(['forms.errors.invalidType']);
    expect(at(issues, 'part3.defenceWitnesses[dw-1].datesToAvoid[x].date')).toEqual(['forms.errors.date']);
    expect(issues.every((i) => i.kind === 'invalid' || i.path === 'part3.realIssues')).toBe(true);
  });

  it('email and phone formats accept what people really type', () => {
    expect(['a@b.co', 'rhodri.bevan+pet@bevan-law.co.uk'].every(isValidEmail)).toBe(true);
    expect(['a@b', 'a b@c.com', '@c.com', 'a@.com'].some(isValidEmail)).toBe(false);
    expect(['029 2018 0000', '07700 900982', '+44 (0)7700 900 982'.replace('(0)', ''), '0044 29 2018 0000', '+33 1 42 68 53 00', '(029) 2018-0000'].every(isValidPhone)).toBe(true);
    expect(['12345', '0800', 'phone me', '+44 12'].some(isValidPhone)).toBe(false);
  });

  it('choices taken from the prosecution’s witnesses accept only witnesses that exist', () => {
    const form = completePet();
    part3(form)['witnessesRequired'] = [{ itemId: 'r-1', witness: 'w-gone', reason: 'Disputed' }];
    part3(form)['statementsToBeRead'] = [WITNESS_A, 'w-gone'];
    const issues = validateAnswers(pet, form, asDefence).issues;
    expect(at(issues, 'part3.witnessesRequired[r-1].witness')).toEqual(['forms.errors.choice']);
    expect(at(issues, 'part3.statementsToBeRead')).toEqual(['forms.errors.choice']);
  });

  it('cross-field rule: at least one prosecution witness required, or the statement that none are', () => {
    const form = completePet();
    delete part3(form)['witnessesRequired'];
    const issue = validateAnswers(pet, form, asDefence).issues.find((i) => i.path === 'part3.witnessesRequired');
    expect(issue).toMatchObject({ kind: 'missing', messageKey: 'forms.errors.rule', params: { rule: 'witnessesOrNone' } });
    expect(issue?.message?.cy).toContain('dystion yr erlyniad');
    part3(form)['noProsecutionWitnessesRequired'] = true;
    expect(validateAnswers(pet, form, asDefence).issues).toEqual([]);
    // Saying none are needed while listing some contradicts itself.
    part3(form)['witnessesRequired'] = [{ itemId: 'r-1', witness: WITNESS_A, reason: 'Disputed' }];
    expect(validateAnswers(pet, form, asDefence).issues.map((i) => i.params['rule'])).toEqual(['noneButListed']);
  });

  it('cross-field date rules compare with another part (the court’s directions fall due before the trial)', () => {
    const form = prosecutionPet();
    form['part4'] = { trialDate: '2026-06-01', trialTimeEstimateHours: 4, trialCourt: 'Cardiff' };
    form['part5'] = {
      standardDirections: false,
      directionsDate: TODAY,
      furtherDirections: [
        { itemId: 'f-1', direction: 'Serve CCTV', party: 'prosecution', dueBy: '2026-05-01' },
        { itemId: 'f-2', direction: 'Serve expert report', party: 'defence', dueBy: '2026-06-15' },
      ],
    };
    const issues = validateAnswers(pet, form, { completedBy: 'court', today: TODAY }).issues;
    expect(issues.map((i) => [i.path, i.params['rule']])).toEqual([['part5.furtherDirections[f-2].dueBy', 'dueBeforeTrial']]);
  });

  it('a hidden section (BCM: no witness questions after a guilty plea) is neither required nor sent', () => {
    const form: Record<string, Record<string, unknown>> = {
      part1: { representativeFirm: 'Bevan & Co', representativeName: 'Rhodri Bevan', representativePhone: '029 2018 0000', representativeEmail: 'rhodri@bevan.example' },
      part2: {},
      part3: { advisedCreditForGuiltyPlea: true, advisedTrialInAbsence: true, plea: 'guilty', fitnessToPleadInIssue: false, defendantInterpreterNeeded: false, witnessesRequired: [{ itemId: 'r-1', witness: 'x', reason: 'y' }] },
      part4: {},
    };
    const result = validateAnswers(bcm, form, asDefence);
    expect(result.issues).toEqual([]);
    expect(result.hiddenAnswers).toEqual(['part3.witnessesRequired']);
    form['part3'] = { ...form['part3'], plea: 'notGuilty' };
    const contested = validateAnswers(bcm, form, asDefence).issues.map((i) => i.path);
    expect(contested).toEqual(expect.arrayContaining(['part3.realIssues', 'part3.defenceStatementServed', 'part3.witnessesRequired[r-1].witness', 'part4.defenceTrialDays']));
  });

  it('answers no question asks for are reported as unknown, not as errors', () => {
    const form = completePet();
    part3(form)['legacyField'] = 'from an older version';
    const result = validateAnswers(pet, form, asDefence);
    expect(result.issues).toEqual([]);
    expect(result.unknownAnswers).toEqual(['part3.legacyField']);
    expect(answersForSubmission(pet, form, asDefence)['part3']).toHaveProperty('legacyField');
  });
});
