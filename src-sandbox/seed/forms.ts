/**
 * Seeded PET (magistrates' trial) and BCM (Crown Court) forms. The answers are
 * opaque JSON to the sandbox; the prosecution parts are pre-filled as CP would
 * have them when the defence first opens the form.
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

function prosecutionParts(c: ProsecutionCaseRecord, defendantIds: readonly string[]): Record<string, unknown> {
  const defs = c.defendants.filter((d) => defendantIds.includes(d.id));
  const first = c.hearings[0];
  return {
    part1: {
      court: first?.courtCentre.name ?? null,
      urn: c.urn,
      prosecutor: { name: 'Crown Prosecution Service', phone: '0300 123 0000', email: 'cps.casework@cps.example' },
      defendants: defs.map((d) => ({
        defendantId: d.id,
        name: fullName(d.personDetails),
        dateOfBirth: d.personDetails.dateOfBirth,
        custodyOrBail: d.bailStatus,
        custodyTimeLimitExpiry: d.offences[0]?.custodyTimeLimit?.timeLimit ?? null,
        offences: d.offences.map((o) => ({ offenceCode: o.offenceCode, offenceTitle: o.offenceTitle })),
        firstHearingDate: first?.hearingDays[0]?.sittingDay.slice(0, 10) ?? null,
      })),
    },
    part2: {
      servedSoFar: ['IDPC bundle', 'MG11 witness statements', 'Exhibit list'],
      toBeServed: [{ item: 'CCTV footage and continuity statement', by: addDays(c.incidentDate, 60) }],
      prosecutionWitnesses: c.witnesses.map((w) => ({ name: w.name, occupation: w.occupation, role: w.role })),
    },
  };
}

export function generateForms(c: ProsecutionCaseRecord, datasetSeed: number, anchorDate: string): FormRecord[] {
  const prng = new Prng(datasetSeed, 'forms', c.id);
  const created = atTime(addDays(c.hearings[0]?.hearingDays[0]?.sittingDay.slice(0, 10) ?? anchorDate, 0), '13:30');
  const make = (formType: 'PET' | 'BCM', defendantIds: readonly string[]): FormRecord => {
    const data = prosecutionParts(c, defendantIds);
    for (const section of formSectionsFor(formType)) if (!(section in data)) data[section] = {};
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
