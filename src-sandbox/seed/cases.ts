/**
 * Seeded prosecution cases: defendants, offences, pleas and hearings placed
 * around the anchor date according to the case's stage in the process.
 */
import type { CourtCentre, Defendant, Hearing, HearingDay, Offence, ProsecutionCaseRecord, Witness } from '../model';
import { addDays, atTime, longDate, toWeekday } from './dates';
import { fullName, personDetails, personName } from './people';
import { Prng } from './prng';
import {
  COURT_CENTRES,
  HEARING_TYPES,
  OCCUPATIONS,
  OFFENCES,
  POLICE_FORCES,
  PUBLIC_PLACES,
  REGIONS,
  SHOPS,
  STOLEN_ITEMS,
  VEHICLES,
  type CourtCentreRef,
  type Jurisdiction,
  type OffenceRef,
  type RegionKey,
} from './reference-data';

export type CaseStage =
  | 'firstUpcoming'
  | 'magsToday'
  | 'trialListed'
  | 'sentence'
  | 'concluded'
  | 'crownPtph'
  | 'crownTrialListed'
  | 'crownToday';

/** Fixed rotation so every dataset has every stage, including hearings sitting "today" for check-in demos. */
const STAGE_ROTATION: readonly CaseStage[] = [
  'trialListed', 'firstUpcoming', 'crownPtph', 'sentence', 'magsToday', 'crownTrialListed',
  'trialListed', 'concluded', 'firstUpcoming', 'crownToday', 'trialListed', 'crownTrialListed',
];

export function stageFor(index: number): CaseStage {
  return STAGE_ROTATION[index % STAGE_ROTATION.length] ?? 'firstUpcoming';
}

export function stageJurisdiction(stage: CaseStage): Jurisdiction {
  switch (stage) {
    case 'firstUpcoming':
    case 'magsToday':
    case 'trialListed':
    case 'sentence':
    case 'concluded':
      return 'MAGISTRATES';
    case 'crownPtph':
    case 'crownTrialListed':
    case 'crownToday':
      return 'CROWN';
  }
}

const HEARING_TYPE_IDS: Readonly<Record<keyof typeof HEARING_TYPES, string>> = {
  first: '4a0e892d-c0c5-3c51-95b8-704d8c781776',
  trial: 'bf9d8e1b-4b7b-3d0f-9c35-5bcf3a2c1e0a',
  ptph: 'a7f1c0de-2c1b-3e47-8a60-1f3b9c6d2e11',
  sentence: 'c3b6e2a4-5d8f-3a19-b7c2-9e0d4f1a6b22',
  mention: 'd9e8f7a6-1b2c-3d4e-8f5a-6b7c8d9e0f33',
  ptr: 'e1d2c3b4-a5f6-3e7d-9c8b-7a6f5e4d3c44',
  bail: 'f0e1d2c3-b4a5-3f6e-8d7c-6b5a4f3e2d55',
};

export function courtCentreRecord(ref: CourtCentreRef): CourtCentre {
  const prng = new Prng('court-centre', ref.key);
  const base = {
    id: prng.uuid(),
    ouCode: `${ref.jurisdiction === 'CROWN' ? 'C' : 'B'}${ref.forces[0] ?? '00'}${prng.letters(2)}00`,
    name: ref.name,
    jurisdiction: ref.jurisdiction,
    address: ref.address,
  };
  return ref.welshName === undefined ? base : { ...base, welshName: ref.welshName };
}

export interface CaseSeedInput {
  readonly index: number;
  readonly stage: CaseStage;
  readonly court: CourtCentreRef;
  readonly anchorDate: string;
  readonly datasetSeed: number;
  readonly usedUrns: Set<string>;
  readonly defendantCount?: number;
}

interface OffenceFill {
  readonly date: string;
  readonly place: string;
  readonly victim: string;
  readonly value: string;
  readonly item: string;
  readonly vehicle: string;
  readonly road: string;
}

function fillWording(template: string, f: OffenceFill): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => {
    switch (key) {
      case 'date': return longDate(f.date);
      case 'place': return f.place;
      case 'victim': return f.victim;
      case 'value': return f.value;
      case 'item': return f.item;
      case 'vehicle': return f.vehicle;
      case 'road': return f.road;
      default: return key;
    }
  });
}

function pickOffences(prng: Prng, jurisdiction: Jurisdiction): OffenceRef[] {
  const suitable = OFFENCES.filter((o) => (jurisdiction === 'CROWN' ? o.modeOfTrial !== 'Summary' : o.modeOfTrial !== 'Indictable'));
  const primary = prng.pick(suitable);
  const related = OFFENCES.filter((o) => o.theme === primary.theme && o.code !== primary.code && (jurisdiction === 'CROWN' || o.modeOfTrial !== 'Indictable'));
  const out = [primary];
  if (related.length > 0 && prng.chance(0.4)) out.push(prng.pick(related));
  if (prng.chance(0.15)) {
    const extra = OFFENCES.find((o) => o.code === (primary.theme === 'driving' ? 'RT88338' : 'PL86019'));
    if (extra && !out.includes(extra)) out.push(extra);
  }
  return out;
}

function makeUrn(prng: Prng, forceCode: string, anchorDate: string, used: Set<string>): string {
  const yy = anchorDate.slice(2, 4);
  for (;;) {
    const unit = prng.chance(0.6) ? prng.letters(2) : `${prng.int(0, 9)}${prng.letters(1)}`;
    const urn = `${forceCode}${unit}${prng.digits(5)}${prng.chance(0.7) ? yy : String((Number(yy) + 99) % 100).padStart(2, '0')}`;
    if (!used.has(urn)) {
      used.add(urn);
      return urn;
    }
  }
}

function witnessesFor(prng: Prng, region: RegionKey, theme: OffenceRef['theme'], victim: string): Witness[] {
  const out: Witness[] = [];
  const police = (): Witness => ({ name: `${prng.pick(['PC', 'PC', 'DC', 'PS'])} ${fullName(personName(prng, region))}`, occupation: 'Police officer', role: 'police' });
  switch (theme) {
    case 'shop':
      out.push({ name: fullName(personName(prng, region)), occupation: 'Store detective', role: 'complainant' });
      out.push({ name: fullName(personName(prng, region)), occupation: 'Retail assistant', role: 'civilian' });
      break;
    case 'assault':
    case 'publicOrder':
    case 'weapon':
      out.push({ name: victim, occupation: prng.pick(OCCUPATIONS), role: 'complainant' });
      out.push({ name: fullName(personName(prng, region)), occupation: prng.pick(OCCUPATIONS), role: 'civilian' });
      if (theme === 'assault' && prng.chance(0.4)) out.push({ name: `Dr ${fullName(personName(prng, region))}`, occupation: 'Emergency medicine registrar', role: 'expert' });
      break;
    case 'drugs':
      out.push({ name: fullName(personName(prng, region)), occupation: 'Forensic scientist', role: 'expert' });
      break;
    case 'driving':
      out.push({ name: fullName(personName(prng, region)), occupation: 'Custody sergeant', role: 'police' });
      break;
    case 'damage':
    case 'burglary':
      out.push({ name: victim, occupation: prng.pick(OCCUPATIONS), role: 'complainant' });
      if (prng.chance(0.5)) out.push({ name: fullName(personName(prng, region)), occupation: 'Neighbour', role: 'civilian' });
      break;
  }
  const officers = prng.int(1, 3);
  for (let i = 0; i < officers; i++) out.push(police());
  return out;
}

function magistratesCourtFor(region: RegionKey, prng: Prng): CourtCentreRef {
  const options = COURT_CENTRES.filter((c) => c.region === region && c.jurisdiction === 'MAGISTRATES');
  return options.length > 0 ? prng.pick(options) : prng.pick(COURT_CENTRES.filter((c) => c.jurisdiction === 'MAGISTRATES'));
}

export function generateCase(input: CaseSeedInput): ProsecutionCaseRecord {
  const { anchorDate, stage, court } = input;
  const prng = new Prng(input.datasetSeed, 'case', input.index);
  const caseId = prng.uuid();
  const region = court.region;
  const forceCode = prng.pick(court.forces);
  const urn = makeUrn(prng, forceCode, anchorDate, input.usedUrns);
  const jurisdiction = stageJurisdiction(stage);
  const offenceRefs = pickOffences(prng, jurisdiction);
  const primary = offenceRefs[0] as OffenceRef;
  const defendantCount = input.defendantCount ?? (prng.chance(0.7) ? 1 : prng.chance(0.75) ? 2 : 3);

  // --- timeline ---------------------------------------------------------
  const wd = (offset: number): string => toWeekday(addDays(anchorDate, offset), offset < 0 ? -1 : 1);
  const magsCourt = jurisdiction === 'CROWN' ? magistratesCourtFor(region, prng) : court;
  type Planned = { kind: keyof typeof HEARING_TYPES; court: CourtCentreRef; date: string; days: number; minutes: number };
  const planned: Planned[] = [];
  switch (stage) {
    case 'firstUpcoming':
      planned.push({ kind: 'first', court, date: wd(prng.int(1, 20)), days: 1, minutes: 30 });
      break;
    case 'magsToday':
      if (input.index % 2 === 0) planned.push({ kind: 'first', court, date: anchorDate, days: 1, minutes: 30 });
      else {
        planned.push({ kind: 'first', court, date: wd(-prng.int(30, 55)), days: 1, minutes: 30 });
        planned.push({ kind: 'trial', court, date: anchorDate, days: 1, minutes: prng.pick([150, 180, 240]) });
      }
      break;
    case 'trialListed':
      planned.push({ kind: 'first', court, date: wd(-prng.int(25, 70)), days: 1, minutes: 30 });
      planned.push({ kind: 'trial', court, date: wd(prng.int(5, 70)), days: 1, minutes: prng.pick([120, 180, 240, 360]) });
      break;
    case 'sentence':
      planned.push({ kind: 'first', court, date: wd(-prng.int(14, 30)), days: 1, minutes: 30 });
      planned.push({ kind: 'sentence', court, date: wd(prng.int(7, 28)), days: 1, minutes: 45 });
      break;
    case 'concluded':
      planned.push({ kind: 'first', court, date: wd(-prng.int(60, 120)), days: 1, minutes: 30 });
      planned.push({ kind: 'trial', court, date: wd(-prng.int(10, 30)), days: 1, minutes: 180 });
      break;
    case 'crownPtph':
      planned.push({ kind: 'first', court: magsCourt, date: wd(-prng.int(14, 40)), days: 1, minutes: 30 });
      planned.push({ kind: 'ptph', court, date: wd(prng.int(3, 28)), days: 1, minutes: 60 });
      break;
    case 'crownTrialListed':
      planned.push({ kind: 'first', court: magsCourt, date: wd(-prng.int(90, 150)), days: 1, minutes: 30 });
      planned.push({ kind: 'ptph', court, date: wd(-prng.int(50, 80)), days: 1, minutes: 60 });
      planned.push({ kind: 'trial', court, date: wd(prng.int(10, 90)), days: prng.int(2, 5), minutes: 330 });
      break;
    case 'crownToday':
      planned.push({ kind: 'first', court: magsCourt, date: wd(-prng.int(14, 40)), days: 1, minutes: 30 });
      planned.push({ kind: 'ptph', court, date: anchorDate, days: 1, minutes: 60 });
      break;
  }
  const firstHearingDate = planned[0]?.date ?? anchorDate;
  const chargeDate = addDays(firstHearingDate, -prng.int(1, 21));
  const incidentDate = addDays(chargeDate, -prng.int(0, 30));
  const pleaDate = stage === 'crownTrialListed' ? (planned[1]?.date ?? firstHearingDate) : firstHearingDate;
  const concluded = stage === 'concluded';

  // --- offence particulars ---------------------------------------------
  const r = REGIONS[region];
  const shop = `${prng.pick(SHOPS)}, ${prng.pick(r.streets)}, ${prng.pick(r.towns)}`;
  const victim = fullName(personName(prng, region));
  const fill: OffenceFill = {
    date: incidentDate,
    place: primary.theme === 'shop' ? shop : primary.theme === 'burglary' ? `${prng.int(1, 200)} ${prng.pick(r.streets)}, ${prng.pick(r.towns)}` : `${prng.pick(PUBLIC_PLACES)}, ${prng.pick(r.streets)}, ${prng.pick(r.towns)}`,
    victim: primary.theme === 'shop' ? (shop.split(',')[0] ?? 'the store') : primary.theme === 'damage' && prng.chance(0.5) ? `${prng.pick(r.towns)} Council` : victim,
    value: primary.theme === 'driving' ? String(prng.int(40, 110)) : `${prng.int(12, 980)}.${prng.digits(2)}`,
    item: prng.pick(STOLEN_ITEMS),
    vehicle: prng.pick(VEHICLES),
    road: `${prng.pick(r.streets)}, ${prng.pick(r.towns)}`,
  };
  const witnesses = witnessesFor(prng, region, primary.theme, victim);

  const defendants: Defendant[] = [];
  for (let d = 0; d < defendantCount; d++) {
    const person = personDetails(prng, region, anchorDate);
    const bailStatus = prng.chance(0.15) ? 'CUSTODY' : prng.chance(0.5) ? 'CONDITIONAL_BAIL' : 'UNCONDITIONAL_BAIL';
    const refs = d === 0 ? offenceRefs : [primary];
    const offences: Offence[] = refs.map((ref, i) => {
      const notGuilty = stage === 'trialListed' || stage === 'crownTrialListed' || stage === 'concluded' || (stage === 'magsToday' && planned.length > 1);
      const guilty = stage === 'sentence';
      const sentToCrown = jurisdiction === 'CROWN';
      return {
        id: prng.uuid(),
        offenceCode: ref.code,
        offenceTitle: ref.title,
        offenceLegislation: ref.legislation,
        wording: fillWording(ref.wording, fill),
        startDate: incidentDate,
        chargeDate,
        orderIndex: i + 1,
        modeOfTrial: ref.modeOfTrial,
        plea: notGuilty ? { pleaValue: 'NOT_GUILTY', pleaDate } : guilty ? { pleaValue: 'GUILTY', pleaDate: firstHearingDate } : null,
        indicatedPlea: sentToCrown && ref.modeOfTrial === 'Either Way' ? { indicatedPleaValue: 'INDICATED_NOT_GUILTY', indicatedPleaDate: firstHearingDate } : null,
        allocationDecision: sentToCrown
          ? { motReasonDescription: ref.modeOfTrial === 'Indictable' ? 'Indictable-only offence: sent to the Crown Court' : prng.chance(0.5) ? 'Court declined jurisdiction' : 'Defendant elected trial by jury', allocationDecisionDate: firstHearingDate }
          : ref.modeOfTrial === 'Either Way' && notGuilty ? { motReasonDescription: 'Summary trial appropriate; defendant consented', allocationDecisionDate: firstHearingDate } : null,
        verdict: concluded ? { verdictType: prng.chance(0.6) ? 'GUILTY' : 'NOT_GUILTY', verdictDate: planned[1]?.date ?? firstHearingDate } : null,
        custodyTimeLimit: bailStatus === 'CUSTODY' && !concluded ? { timeLimit: addDays(firstHearingDate, sentToCrown ? 182 : 56), daysSpent: Math.max(0, Math.round((Date.parse(anchorDate) - Date.parse(firstHearingDate)) / 86_400_000)) } : null,
        theme: ref.theme,
      } satisfies Offence;
    });
    defendants.push({
      id: prng.uuid(),
      masterDefendantId: prng.uuid(),
      personDetails: person,
      arrestSummonsNumber: `${anchorDate.slice(2, 4)}${forceCode}${prng.letters(2)}${prng.digits(2)}${prng.digits(11)}${prng.letters(1)}`,
      pncId: `${anchorDate.slice(0, 4)}/${prng.digits(7)}${prng.letters(1)}`,
      croNumber: `${prng.digits(6)}/${anchorDate.slice(2, 4)}${prng.letters(1)}`,
      bailStatus,
      offences,
      proceedingsConcluded: concluded,
    });
  }

  const welshHearings = REGIONS[region].welsh && prng.chance(0.35);
  const hearings: Hearing[] = planned.map((p) => {
    const courtRecord = courtCentreRecord(p.court);
    const days: HearingDay[] = [];
    let day = p.date;
    for (let n = 0; n < p.days; n++) {
      days.push({ sittingDay: atTime(day, p.kind === 'trial' || p.kind === 'ptph' ? '10:00' : prng.pick(['10:00', '10:30', '11:00', '14:00'])), listingSequence: prng.int(1, 12), listedDurationMinutes: p.minutes });
      day = toWeekday(addDays(day, 1));
    }
    const estimated = p.kind === 'trial' ? (p.days > 1 ? `${p.days} days` : `${Math.round(p.minutes / 60)} hours`) : undefined;
    const base = {
      id: prng.uuid(),
      caseId,
      jurisdictionType: p.court.jurisdiction,
      courtCentre: courtRecord,
      roomName: prng.pick(p.court.rooms),
      type: { id: HEARING_TYPE_IDS[p.kind], description: HEARING_TYPES[p.kind] },
      hearingDays: days,
      hearingLanguage: welshHearings && p.court.welshName !== undefined ? ('WELSH' as const) : ('ENGLISH' as const),
      defendantIds: defendants.map((d) => d.id),
      defenceCounsels: [],
    };
    return estimated === undefined ? base : { ...base, estimatedDuration: estimated };
  });

  const officerName = fullName(personName(prng, region));
  return {
    id: caseId,
    urn,
    prosecutionAuthorityCode: 'CPS',
    policeForce: POLICE_FORCES[forceCode] ?? 'Police',
    initiationCode: prng.pick(['C', 'C', 'C', 'R', 'S'] as const),
    caseStatus: concluded ? 'INACTIVE' : 'ACTIVE',
    defendants,
    hearings,
    witnesses,
    officerInCase: { rank: prng.pick(['PC', 'DC', 'DS']), name: officerName, collarNumber: `${prng.int(1000, 9999)}` },
    incidentPlace: fill.place,
    incidentDate,
    currentJurisdiction: jurisdiction,
  };
}
