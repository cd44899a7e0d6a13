import path from 'node:path';
import { loadFormDefinitions, pickFormDefinition, type FormAnswers, type FormDefinition } from '../../../src-main/core/forms/index';

export const FORMS_DIR = path.resolve('resources/forms');
export const TODAY = '2026-03-10';

export async function shippedDefinitions(): Promise<{ pet: FormDefinition; bcm: FormDefinition; all: readonly FormDefinition[] }> {
  const loaded = await loadFormDefinitions(FORMS_DIR);
  if (loaded.errors.length > 0) throw loaded.errors[0];
  return { pet: pickFormDefinition(loaded.definitions, 'PET', '2021-06-07'), bcm: pickFormDefinition(loaded.definitions, 'BCM'), all: loaded.definitions };
}

export const WITNESS_A = 'w-aaaa';
export const WITNESS_B = 'w-bbbb';

/** A PET as the prosecution leaves it: Parts 1, 2 and their bit of 4 filled. */
export function prosecutionPet(): Record<string, Record<string, unknown>> {
  return {
    part1: {
      court: 'Cardiff Magistrates’ Court',
      urn: '39GD1116822',
      prosecutorName: 'Crown Prosecution Service',
      prosecutorPhone: '0300 123 0000',
      prosecutorEmail: 'cps.casework@cps.example',
      defendants: [
        {
          itemId: 'd-1',
          name: 'Gwenllian Ŵyn Pryŷs',
          dateOfBirth: '1990-04-01',
          custodyOrBail: 'CONDITIONAL_BAIL',
          offences: [{ itemId: 'o-1', offenceCode: 'TH68001', offenceTitle: 'Theft from a shop' }],
          firstHearingDate: '2026-02-02',
        },
      ],
    },
    part2: {
      initialDetailsServed: true,
      servedSoFar: [{ itemId: 's-1', description: 'IDPC bundle', servedOn: '2026-02-02' }],
      toBeServed: [{ itemId: 't-1', description: 'CCTV footage', serveBy: '2026-04-01' }],
      prosecutionWitnesses: [
        { itemId: WITNESS_A, name: 'PC Dafydd Jones', occupation: 'Police officer', role: 'police' },
        { itemId: WITNESS_B, name: 'Sian Evans', occupation: 'Store detective', role: 'civilian' },
      ],
    },
    part3: {},
    part4: { prosecutionCaseHours: 2 },
    part5: {},
  };
}

/** A PET with every defence answer given, ready to submit. */
export function completePet(): Record<string, Record<string, unknown>> {
  const form = prosecutionPet();
  Object.assign(form['part1'] ?? {}, {
    representativeFirm: 'Bevan & Co',
    representativeName: 'Rhodri Bevan',
    representativePhone: '029 2018 0000',
    representativeEmail: 'rhodri@bevan.example',
    representation: 'legalAidGranted',
  });
  form['part3'] = {
    advisedCreditForGuiltyPlea: true,
    advisedTrialInAbsence: true,
    plea: 'notGuilty',
    realIssues: 'Identification: the defendant was not in the shop.',
    defendantWillGiveEvidence: 'yes',
    witnessesRequired: [{ itemId: 'r-1', witness: WITNESS_B, reason: 'Her identification is disputed.' }],
    statementsToBeRead: [WITNESS_A],
    defenceWitnesses: [
      { itemId: 'dw-1', name: 'Owain Price', interpreterNeeded: false, specialMeasuresNeeded: false, datesToAvoid: [{ itemId: 'da-1', date: '2026-05-01', reason: 'Holiday' }] },
    ],
    defendantInterpreterNeeded: false,
    applications: ['badCharacter'],
    badCharacterDetails: 'The store detective’s previous conviction for dishonesty.',
    factsCanBeAgreed: false,
    equipmentNeeded: ['videoPlayback'],
  };
  form['part4'] = { ...form['part4'], defenceCaseHours: 1.5, defenceReady: true };
  return form;
}

export function asAnswers(value: Record<string, Record<string, unknown>>): FormAnswers {
  return value;
}
