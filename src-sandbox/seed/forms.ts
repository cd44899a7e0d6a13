/**
 * Seeded PET (magistrates' trial) and BCM (Crown Court) forms. The answers are
 * opaque JSON to the sandbox (it stores and returns whatever a part holds); the
 * prosecution's answers are pre-filled as CP would have them when the defence
 * first opens the form.
 */
import type { FormRecord, ProsecutionCaseRecord } from '../model';
import { addDays, atTime } from './dates';
import { fullName } from './people';
import { Prng } from './prng';

/** Stand-in for the CPS user who created the form; not a sandbox login. */
export const PROSECUTION_USER_ID = 'c0c0c0c0-0000-4000-8000-00000000c95a';

export function formSectionsFor(formType: 'PET' | 'BCM'): readonly string[] {
  return formType === 'PET' ? ['part1', 'part2', 'part3', 'part4', 'part5'] : ['part1', 'part2', 'part3', 'part4'];
}

/**
 * The prosecution's answers as CP would hold them when the defence first opens the form, in the shape
 * of resources/forms (pet-2021.json, bcm-2016-01-05.json): one object per part keyed by question id;
 * repeating-group items carry a stable `itemId` (CP's own id where there is one). Item ids come from a
 * stream of their own so adding them did not reshuffle the forms' ids.
 */
function prosecutionParts(c: ProsecutionCaseRecord, formType: 'PET' | 'BCM', defendantIds: readonly string[], itemIds: Prng): Record<string, Record<string, unknown>> {
  const defs = c.defendants.filter((d) => defendantIds.includes(d.id));
  const first = c.hearings[0];
  const firstHearingDate = first?.hearingDays[0]?.sittingDay.slice(0, 10) ?? null;
  const crown = c.hearings.find((h) => h.jurisdictionType === 'CROWN');
  const court = formType === 'BCM' ? (crown ?? first) : first;
  const witnesses = c.witnesses.map((w) => ({ itemId: itemIds.uuid(), name: w.name, occupation: w.occupation, role: w.role }));
  const part1: Record<string, unknown> = {
    court: court?.courtCentre.name ?? null,
    urn: c.urn,
    prosecutorName: 'Crown Prosecution Service',
    prosecutorPhone: '0300 123 0000',
    prosecutorEmail: 'cps.casework@cps.example',
    defendants: defs.map((d) => {
      const ctl = d.offences[0]?.custodyTimeLimit?.timeLimit ?? null;
      return {
        itemId: d.id,
        name: fullName(d.personDetails),
        dateOfBirth: d.personDetails.dateOfBirth,
        custodyOrBail: d.bailStatus,
        ...(ctl === null ? {} : { custodyTimeLimitExpiry: ctl }),
        offences: d.offences.map((o) => ({ itemId: o.id, offenceCode: o.offenceCode, offenceTitle: o.offenceTitle })),
        firstHearingDate,
      };
    }),
  };
  if (formType === 'BCM') part1['ptphDate'] = crown?.hearingDays[0]?.sittingDay.slice(0, 10) ?? null;
  const part2: Record<string, unknown> = {
    servedSoFar: ['IDPC bundle', 'MG11 witness statements', 'Exhibit list'].map((description) => ({ itemId: itemIds.uuid(), description, servedOn: firstHearingDate })),
    toBeServed: [{ itemId: itemIds.uuid(), description: 'CCTV footage and continuity statement', serveBy: addDays(c.incidentDate, 60) }],
    prosecutionWitnesses: witnesses,
  };
  if (formType === 'PET') part2['initialDetailsServed'] = true;
  // The prosecutor's time estimate grows with the witnesses they call.
  const part4: Record<string, unknown> =
    formType === 'PET'
      ? { prosecutionCaseHours: 1 + witnesses.length * 0.5 }
      : { prosecutionTrialDays: Math.max(1, Math.ceil(witnesses.length / 3)), prosecutionWitnessCount: witnesses.length };
  return { part1, part2, part4 };
}

export function generateForms(c: ProsecutionCaseRecord, datasetSeed: number, anchorDate: string): FormRecord[] {
  const prng = new Prng(datasetSeed, 'forms', c.id);
  const created = atTime(addDays(c.hearings[0]?.hearingDays[0]?.sittingDay.slice(0, 10) ?? anchorDate, 0), '13:30');
  const itemIds = new Prng(datasetSeed, 'form-items', c.id);
  const make = (formType: 'PET' | 'BCM', defendantIds: readonly string[]): FormRecord => {
    const filled = prosecutionParts(c, formType, defendantIds, itemIds);
    const data: Record<string, unknown> = Object.fromEntries(formSectionsFor(formType).map((section) => [section, filled[section] ?? {}]));
    return {
      formId: prng.uuid(),
      formType,
      recordId: prng.uuid(),
      caseId: c.id,
      defendants: defendantIds.map((defendantId) => ({ defendantId, caseId: c.id })),
      data,
      version: 1,
      lastUpdated: created,
      history: [{ date: created, updatedBy: PROSECUTION_USER_ID, data: structuredClone(data), status: 'CREATED', version: 1 }],
      locks: new Map(),
    };
  };
  const magsTrial = c.currentJurisdiction === 'MAGISTRATES' && c.caseStatus === 'ACTIVE' && c.hearings.some((h) => h.type.description === 'Trial');
  if (magsTrial) return c.defendants.map((d) => make('PET', [d.id])); // CP keeps one PET per defendant
  if (c.currentJurisdiction === 'CROWN') return [make('BCM', c.defendants.map((d) => d.id))];
  return [];
}
