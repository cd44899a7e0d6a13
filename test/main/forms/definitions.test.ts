import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contactEmailQuestion,
  FormDefinitionError,
  FormDefinitionNotFoundError,
  loadFormDefinitions,
  parseFormDefinition,
  pickFormDefinition,
  type FormDefinition,
  type LocalText,
  type Question,
} from '../../../src-main/core/forms/index';
import { formSectionsFor } from '../../../src-sandbox/seed/forms';
import { FORMS_DIR, shippedDefinitions } from './form-fixtures';

let pet: FormDefinition;
let bcm: FormDefinition;
let tmp: string;

beforeAll(async () => {
  ({ pet, bcm } = await shippedDefinitions());
  tmp = await mkdtemp(path.join(os.tmpdir(), 'bluebag-forms-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function allQuestions(questions: readonly Question[]): Question[] {
  return questions.flatMap((q) => [
    q,
    ...(q.type === 'repeatingGroup' ? allQuestions(q.questions) : []),
    ...('followUps' in q && q.followUps ? q.followUps.flatMap((f) => allQuestions(f.questions)) : []),
  ]);
}

function questionsOf(definition: FormDefinition, partId?: string): Question[] {
  return definition.parts.filter((p) => partId === undefined || p.id === partId).flatMap((p) => p.sections.flatMap((s) => allQuestions(s.questions)));
}

/** Every `{ en, cy }` object anywhere in the definition. */
function texts(value: unknown, out: LocalText[] = []): LocalText[] {
  if (Array.isArray(value)) value.forEach((v) => texts(v, out));
  else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record['en'] === 'string' && typeof record['cy'] === 'string') out.push({ en: record['en'], cy: record['cy'] });
    else Object.values(record).forEach((v) => texts(v, out));
  }
  return out;
}

describe('shipped form definitions', () => {
  it('both load and validate, with the parts the sandbox (CP) keeps as sections', () => {
    expect(pet).toMatchObject({ id: 'pet-2021', formType: 'PET', version: '2021-06-07' });
    expect(bcm.formType).toBe('BCM');
    expect(pet.parts.map((p) => p.id)).toEqual(formSectionsFor('PET'));
    expect(bcm.parts.map((p) => p.id)).toEqual(formSectionsFor('BCM'));
    expect(pet.title.cy).toBe('Paratoi ar gyfer Treial Effeithiol (llys ynadon)');
  });

  it('every question, option, help text and message has English and Welsh, and the Welsh is not a copy of the English', () => {
    for (const definition of [pet, bcm]) {
      const all = texts(definition);
      expect(all.length).toBeGreaterThan(150);
      for (const text of all) {
        expect(text.en.trim()).not.toBe('');
        expect(text.cy.trim()).not.toBe('');
      }
      // Only names that are the same in both languages (URN, CCTV-less codes) may match.
      const same = all.filter((t) => t.en === t.cy).map((t) => t.en);
      expect(same.every((s) => /^[A-Z0-9 ]+$|URN/.test(s))).toBe(true);
      for (const question of questionsOf(definition)) {
        expect(question.label.en.length).toBeGreaterThan(0);
        expect(question.label.cy.length).toBeGreaterThan(0);
      }
    }
  });

  it('Part 3 of the PET covers what DOMAIN.md lists', () => {
    const ids = new Set(questionsOf(pet, 'part3').map((q) => q.id));
    const expected = [
      'advisedCreditForGuiltyPlea',
      'advisedTrialInAbsence',
      'plea',
      'realIssues',
      'witnessesRequired',
      'noProsecutionWitnessesRequired',
      'statementsToBeRead',
      'factsAdmitted',
      'defenceWitnesses',
      'interpreterNeeded',
      'interpreterLanguage',
      'specialMeasuresNeeded',
      'datesToAvoid',
      'defendantWillGiveEvidence',
      'defendantInterpreterNeeded',
      'defendantInterpreterLanguage',
      'applications',
      'badCharacterDetails',
      'hearsayDetails',
      'specialMeasuresApplicationDetails',
      'expertEvidenceDetails',
      'disclosureDetails',
      'factsCanBeAgreed',
      'equipmentNeeded',
    ];
    expect(expected.filter((id) => !ids.has(id))).toEqual([]);
    const part3 = pet.parts.find((p) => p.id === 'part3');
    expect(part3?.completedBy).toEqual(['defence']);
    expect(pet.parts.find((p) => p.id === 'part2')?.completedBy).toEqual(['prosecution']);
    expect(pet.parts.find((p) => p.id === 'part5')?.completedBy).toEqual(['court']);
  });

  it('the BCM form has an editable defence email', () => {
    const email = questionsOf(bcm, 'part1').find((q) => q.id === 'representativeEmail');
    expect(email?.type).toBe('email');
    const section = bcm.parts[0]?.sections.find((s) => s.questions.some((q) => q.id === 'representativeEmail'));
    expect(section?.completedBy ?? bcm.parts[0]?.completedBy).toContain('defence');
  });

  it('main and the screen find the BCM contact email by the same convention; a PET has none', () => {
    const found = contactEmailQuestion(bcm);
    expect(found && { part: found.part.id, question: found.question.id }).toEqual({ part: 'part1', question: 'representativeEmail' });
    expect(contactEmailQuestion(pet)).toBeNull();
  });

  it('picks a definition by type and version, the latest without a version, and says when there is none', async () => {
    const { all } = await shippedDefinitions();
    expect(pickFormDefinition(all, 'PET', '2021-06-07').id).toBe('pet-2021');
    const newer = { ...pet, id: 'pet-2030', version: '2030-01-01' };
    expect(pickFormDefinition([...all, newer], 'PET').id).toBe('pet-2030');
    expect(pickFormDefinition([...all, newer], 'PET', '2021-06-07').id).toBe('pet-2021');
    expect(() => pickFormDefinition(all, 'PET', '1999-01-01')).toThrow(FormDefinitionNotFoundError);
  });
});

describe('malformed definition files', () => {
  it('each bad file is a typed error naming it; the good files beside it still load', async () => {
    const dir = path.join(tmp, 'mixed');
    await import('node:fs/promises').then((fs) => fs.mkdir(dir));
    await copyFile(path.join(FORMS_DIR, 'pet-2021.json'), path.join(dir, 'pet-2021.json'));
    await writeFile(path.join(dir, 'broken.json'), '{ "id": "pet-x", ');
    const wrongShape = JSON.parse(await readFile(path.join(FORMS_DIR, 'bcm-2016-01-05.json'), 'utf8')) as { parts: { sections: { questions: { type: string }[] }[] }[] };
    const firstQuestion = wrongShape.parts[0]?.sections[0]?.questions[0];
    if (firstQuestion) firstQuestion.type = 'signature';
    await writeFile(path.join(dir, 'bcm-wrong-type.json'), JSON.stringify(wrongShape));
    const missingWelsh = structuredClone(pet) as { id: string; version: string; title: { en: string; cy?: string } };
    missingWelsh.id = 'pet-nocy';
    missingWelsh.version = '2022-01-01';
    delete missingWelsh.title.cy;
    await writeFile(path.join(dir, 'pet-no-welsh.json'), JSON.stringify(missingWelsh));
    await writeFile(path.join(dir, 'notes.txt'), 'not a definition');

    const loaded = await loadFormDefinitions(dir);
    expect(loaded.definitions.map((d) => d.id)).toEqual(['pet-2021']);
    expect(loaded.errors.map((e) => [e.file, e.fault])).toEqual([
      ['bcm-wrong-type.json', 'schema'],
      ['broken.json', 'notJson'],
      ['pet-no-welsh.json', 'schema'],
    ]);
    for (const error of loaded.errors) {
      expect(error).toBeInstanceOf(FormDefinitionError);
      expect(error.message).toContain(error.file);
      expect(error.problems.length).toBeGreaterThan(0);
    }
    expect(loaded.errors[2]?.problems.join()).toContain('title.cy');
  });

  it('refuses a definition whose references or ids do not hold together', () => {
    const bad = structuredClone(pet) as unknown as { parts: { id: string; sections: { questions: Record<string, unknown>[] }[] }[] };
    const part3 = bad.parts.find((p) => p.id === 'part3');
    const questions = part3?.sections[0]?.questions ?? [];
    questions.push({ ...questions[0], id: 'advisedTrialInAbsence', type: 'shortText', followUps: undefined });
    questions.push({ id: 'ghost', type: 'longText', label: { en: 'Ghost', cy: 'Ysbryd' }, required: { when: { question: 'noSuchQuestion', equals: true } } });
    let error: unknown;
    try {
      parseFormDefinition(JSON.parse(JSON.stringify(bad)), 'pet-bad.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormDefinitionError);
    const problems = (error as FormDefinitionError).problems.join('\n');
    expect((error as FormDefinitionError).fault).toBe('inconsistent');
    expect(problems).toContain('question id "advisedTrialInAbsence" is used twice');
    expect(problems).toContain('"noSuchQuestion"');
  });

  it('a duplicate version of the same form type is refused rather than picked at random', async () => {
    const dir = path.join(tmp, 'dupes');
    await import('node:fs/promises').then((fs) => fs.mkdir(dir));
    await copyFile(path.join(FORMS_DIR, 'pet-2021.json'), path.join(dir, 'a.json'));
    await copyFile(path.join(FORMS_DIR, 'pet-2021.json'), path.join(dir, 'b.json'));
    const loaded = await loadFormDefinitions(dir);
    expect(loaded.definitions).toHaveLength(0);
    expect(loaded.errors.map((e) => e.file)).toEqual(['a.json', 'b.json']);
  });
});
