/**
 * Builds the whole seeded world for (dataset, seed, anchor date): cases, documents
 * with PDF plans, forms and the initial firm associations. Pure and deterministic.
 */
import type { AssociationRecord, CourtCentre, DatasetName, FormRecord, ProsecutionCaseRecord, RepresentationType } from '../model';
import { courtCentreRecord, generateCase, stageFor, stageJurisdiction } from './cases';
import { atTime, addDays } from './dates';
import { generateDocuments, type DatasetProfile, type GeneratedDocument } from './documents';
import { FIRM_1_ID, FIRM_2_ID, ORGANISATIONS, USERS } from './firms';
import { generateForms } from './forms';
import { COURT_CENTRES } from './reference-data';

/** Bump when generated content changes: it is part of the PDF cache key. */
export const GENERATOR_VERSION = 4;

export const PROFILES: Readonly<Record<DatasetName, DatasetProfile>> = {
  small: { caseCount: 40, idpcPages: [10, 24], statementDocs: [1, 2], exhibitDocs: [0, 1], exhibitPages: [5, 10], mcebPages: [18, 30], unusedChance: 0.5, bigBundles: 1, scanMode: 'shared' },
  large: { caseCount: 220, idpcPages: [12, 50], statementDocs: [3, 8], exhibitDocs: [2, 5], exhibitPages: [5, 12], mcebPages: [20, 50], unusedChance: 1, bigBundles: 6, scanMode: 'distinct' },
};

export interface SeedDataset {
  readonly dataset: DatasetName;
  readonly seed: number;
  readonly anchorDate: string;
  readonly courtCentres: readonly CourtCentre[];
  readonly cases: readonly ProsecutionCaseRecord[];
  readonly documents: readonly GeneratedDocument[];
  readonly forms: readonly FormRecord[];
  readonly associations: readonly AssociationRecord[];
  /** The BCM form seeded with a section locked by a firm-2 user, for lock tests. */
  readonly lockedFormId: string | null;
}

export const DEFAULT_SEED = 20240607;

type Assoc = { firm: 'firm1' | 'firm2'; type: RepresentationType } | 'mixed' | null;

/** First twelve cases are hand-placed so demos and tests always find each situation. */
const FIRST_CASES: readonly Assoc[] = [
  { firm: 'firm1', type: 'REPRESENTATION_ORDER' }, // 0 mags trial listed, 400-page IDPC, PET
  { firm: 'firm2', type: 'REPRESENTATION_ORDER' }, // 1 locked to firm 2
  null, // 2 Crown PTPH: free to associate
  { firm: 'firm1', type: 'REPRESENTATION_ORDER_APPLIED_FOR' }, // 3 sentence
  { firm: 'firm1', type: 'REPRESENTATION_ORDER' }, // 4 first hearing today (check-in, serving)
  'mixed', // 5 Crown trial: defendant 1 firm 1, defendant 2 firm 2; BCM section locked by firm 2
  { firm: 'firm1', type: 'PRIVATE' }, // 6 mags trial, IDPC republished
  { firm: 'firm2', type: 'PRIVATE' }, // 7 concluded
  null, // 8
  { firm: 'firm1', type: 'REPRESENTATION_ORDER' }, // 9 Crown PTPH today (DCS refusal, check-in)
  null, // 10 mags trial: free to associate
  { firm: 'firm2', type: 'REPRESENTATION_ORDER' }, // 11
];

function associationPlan(index: number): Assoc {
  if (index < FIRST_CASES.length) return FIRST_CASES[index] ?? null;
  if (index % 3 === 0) return { firm: 'firm1', type: index % 2 === 0 ? 'REPRESENTATION_ORDER' : 'PRIVATE' };
  if (index % 6 === 1) return { firm: 'firm2', type: 'REPRESENTATION_ORDER' };
  if (index % 6 === 4) return { firm: 'firm2', type: 'PRIVATE' };
  return null;
}

export function generateDataset(dataset: DatasetName, seed: number, anchorDate: string): SeedDataset {
  const profile = PROFILES[dataset];
  const usedUrns = new Set<string>();
  const magsCourts = COURT_CENTRES.filter((c) => c.jurisdiction === 'MAGISTRATES');
  const crownCourts = COURT_CENTRES.filter((c) => c.jurisdiction === 'CROWN');
  const cases: ProsecutionCaseRecord[] = [];
  const documents: GeneratedDocument[] = [];
  const forms: FormRecord[] = [];
  const associations: AssociationRecord[] = [];
  let lockedFormId: string | null = null;
  let magsI = 0;
  let crownI = 0;
  const firmId = (f: 'firm1' | 'firm2'): string => (f === 'firm1' ? FIRM_1_ID : FIRM_2_ID);
  const contract = (f: 'firm1' | 'firm2'): string => ORGANISATIONS.find((o) => o.organisationId === firmId(f))?.laaContractNumbers[0] ?? '';

  for (let i = 0; i < profile.caseCount; i++) {
    const stage = stageFor(i);
    // Rotate through the courts so every centre (incl. the Welsh ones) gets cases.
    const court = stageJurisdiction(stage) === 'CROWN' ? crownCourts[crownI++ % crownCourts.length] : magsCourts[magsI++ % magsCourts.length];
    if (!court) throw new Error('no court centres');
    const plan = associationPlan(i);
    const c = generateCase({ index: i, stage, court, anchorDate, datasetSeed: seed, usedUrns, ...(plan === 'mixed' ? { defendantCount: 2 } : {}) });
    cases.push(c);
    const bigBundle = i === 0 || (i > 0 && i % Math.max(1, Math.floor(profile.caseCount / profile.bigBundles)) === 0 && i / Math.floor(profile.caseCount / profile.bigBundles) < profile.bigBundles);
    documents.push(...generateDocuments(c, profile, seed, { bigBundle, republish: i === 6 }));
    const caseForms = generateForms(c, seed, anchorDate);
    forms.push(...caseForms);

    const assocDate = atTime(addDays(c.incidentDate, 3), '09:30');
    const associate = (defendantId: string, f: 'firm1' | 'firm2', type: RepresentationType): void => {
      const needsContract = type === 'REPRESENTATION_ORDER' || type === 'REPRESENTATION_ORDER_APPLIED_FOR';
      associations.push({ defendantId, caseId: c.id, organisationId: firmId(f), representationType: type, associationDate: assocDate, ...(needsContract ? { laaContractNumber: contract(f) } : {}) });
    };
    if (plan === 'mixed') {
      const [d1, d2] = c.defendants;
      if (d1) associate(d1.id, 'firm1', 'REPRESENTATION_ORDER');
      if (d2) associate(d2.id, 'firm2', 'REPRESENTATION_ORDER');
      const bcm = caseForms.find((f) => f.formType === 'BCM');
      const holder = USERS.find((u) => u.organisationId === FIRM_2_ID);
      if (bcm && holder && lockedFormId === null) {
        // A long lock held by firm 2, so tests can always observe "locked by another user".
        bcm.locks.set('part3', { userId: holder.userId, expiresAtMs: Date.parse(atTime(addDays(anchorDate, 3650), '00:00')), requestedBy: null });
        lockedFormId = bcm.formId;
      }
    } else if (plan !== null) {
      c.defendants.forEach((d, n) => associate(d.id, plan.firm, n === 0 ? plan.type : plan.type === 'REPRESENTATION_ORDER' ? 'REPRESENTATION_ORDER_APPLIED_FOR' : plan.type));
    }
  }
  return {
    dataset,
    seed,
    anchorDate,
    courtCentres: COURT_CENTRES.map(courtCentreRecord),
    cases,
    documents,
    forms,
    associations,
    lockedFormId,
  };
}
