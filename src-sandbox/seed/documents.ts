/**
 * Which court documents each case has, and the plan of every PDF material
 * (sections of text pages and scanned pages). Sizes come from the dataset profile.
 */
import type { DocumentCategory, DocumentSection, ProsecutionCaseRecord } from '../model';
import type { DocContext, MaterialPlan, PartSpec, ScanMode } from '../pdf/plan';
import { planPageCount } from '../pdf/plan';
import { addDays, atTime } from './dates';
import { formatAddress, fullName } from './people';
import { Prng } from './prng';

export interface DatasetProfile {
  readonly caseCount: number;
  readonly idpcPages: readonly [number, number];
  readonly statementDocs: readonly [number, number];
  readonly exhibitDocs: readonly [number, number];
  readonly exhibitPages: readonly [number, number];
  readonly mcebPages: readonly [number, number];
  readonly unusedChance: number;
  /** How many cases get a 400-page IDPC bundle (the biggest CP bundles run to hundreds of pages). */
  readonly bigBundles: number;
  readonly scanMode: ScanMode;
}

export interface GeneratedMaterial {
  readonly id: string;
  readonly uploadDateTime: string;
  readonly publishedDate: string;
  readonly plan: MaterialPlan;
}

export interface GeneratedDocument {
  readonly courtDocumentId: string;
  readonly caseId: string;
  readonly section: DocumentSection;
  readonly documentCategory: DocumentCategory;
  readonly name: string;
  readonly documentTypeDescription: string;
  readonly materials: readonly GeneratedMaterial[];
}

const MAX_PAGES = 400;
const MIN_PAGES = 5;

export function docContext(c: ProsecutionCaseRecord): DocContext {
  const first = c.hearings[0];
  return {
    urn: c.urn,
    courtName: first?.courtCentre.name ?? 'Magistrates Court',
    policeForce: c.policeForce,
    defendants: c.defendants.map((d) => ({ name: fullName(d.personDetails), dateOfBirth: d.personDetails.dateOfBirth, address: formatAddress(d.personDetails.address), pncId: d.pncId })),
    offences: (c.defendants[0]?.offences ?? []).map((o) => ({ code: o.offenceCode, title: o.offenceTitle, wording: o.wording, legislation: o.offenceLegislation, theme: o.theme })),
    witnesses: c.witnesses,
    officer: c.officerInCase,
    incidentDate: c.incidentDate,
    incidentPlace: c.incidentPlace,
    chargeDate: c.defendants[0]?.offences[0]?.chargeDate ?? c.incidentDate,
    firstHearingDate: first?.hearingDays[0]?.sittingDay.slice(0, 10) ?? c.incidentDate,
  };
}

/** IDPC bundle: typed sections first, then scanned exhibits to reach the target length. */
function idpcParts(prng: Prng, ctx: DocContext, target: number): PartSpec[] {
  const parts: PartSpec[] = [
    { kind: 'index' },
    { kind: 'chargeSheet', pages: ctx.offences.length > 1 ? 2 : 1 },
    { kind: 'caseSummary', pages: prng.int(2, 3) },
  ];
  const statements = ctx.witnesses.map((_w, i): PartSpec => ({ kind: 'statement', witness: i, pages: prng.int(1, 3) }));
  parts.push(...statements);
  parts.push({ kind: 'interview', pages: prng.int(1, 3) });
  parts.push({ kind: 'previousConvictions', pages: prng.int(1, 2) });
  parts.push({ kind: 'exhibitList', pages: 1 });
  // Big bundles carry extra typed statements too, not only scans.
  if (target >= 200) {
    for (let i = 0; i < 12; i++) parts.push({ kind: 'statement', witness: i % Math.max(1, ctx.witnesses.length), pages: prng.int(3, 6), further: true });
  }
  const typed = planPageCount({ parts });
  if (target > typed) parts.push({ kind: 'scans', pages: target - typed, label: 'Scanned exhibits and handwritten statements' });
  return parts;
}

export function generateDocuments(c: ProsecutionCaseRecord, profile: DatasetProfile, datasetSeed: number, opts: { bigBundle: boolean; republish: boolean }): GeneratedDocument[] {
  const prng = new Prng(datasetSeed, 'documents', c.id);
  const ctx = docContext(c);
  const caseLevel: DocumentCategory = { caseDocument: { prosecutionCaseId: c.id } };
  const firstHearing = ctx.firstHearingDate;
  // IDPC must be served no later than the start of the first hearing day: publish a few days before.
  const published = (daysBefore: number, hhmm: string): string => atTime(addDays(firstHearing, -daysBefore), hhmm);
  const docs: GeneratedDocument[] = [];
  const material = (name: string, parts: PartSpec[], uploaded: string): GeneratedMaterial => {
    const id = prng.uuid();
    return {
      id,
      uploadDateTime: uploaded,
      publishedDate: uploaded.slice(0, 10),
      plan: { materialId: id, fileName: `${id}.pdf`, title: `${name} - ${c.urn}`, seed: `${datasetSeed}:${id}`, createdAt: uploaded, context: ctx, parts: clampParts(parts), scanMode: profile.scanMode },
    };
  };

  // IDPC bundle (case level).
  const idpcTarget = opts.bigBundle ? MAX_PAGES : prng.int(profile.idpcPages[0], profile.idpcPages[1]);
  const idpcV1Parts = idpcParts(prng, ctx, idpcTarget);
  const idpcMaterials = [material('IDPC bundle', idpcV1Parts, published(prng.int(2, 6), '16:42'))];
  if (opts.republish) {
    // Republished: the prosecutor withdrew two scanned pages and added a further statement.
    const v2Parts: PartSpec[] = idpcV1Parts.map((p) => (p.kind === 'scans' ? { ...p, pages: Math.max(1, p.pages - 2) } : p));
    v2Parts.splice(v2Parts.length - 1, 0, { kind: 'statement', witness: 0, pages: 3, further: true });
    idpcMaterials.push(material('IDPC bundle (republished)', v2Parts, published(1, '09:15')));
  }
  docs.push({ courtDocumentId: prng.uuid(), caseId: c.id, section: 'IDPC', documentCategory: caseLevel, name: `IDPC bundle - ${c.urn}`, documentTypeDescription: 'IDPC bundle', materials: idpcMaterials });

  // MG11 witness statements, one document each (defendant level when a single defendant).
  const statementCount = Math.min(c.witnesses.length, prng.int(profile.statementDocs[0], profile.statementDocs[1]));
  for (let i = 0; i < statementCount; i++) {
    const w = c.witnesses[i];
    if (!w) break;
    const pages = prng.int(MIN_PAGES, MIN_PAGES + 3);
    const parts: PartSpec[] = prng.chance(0.3)
      ? [{ kind: 'statement', witness: i, pages: pages - 1 }, { kind: 'scans', pages: 1, label: 'Signed original' }]
      : [{ kind: 'statement', witness: i, pages }];
    const category: DocumentCategory = c.defendants.length === 1 ? { defendantDocument: { prosecutionCaseId: c.id, defendants: c.defendants.map((d) => d.id) } } : caseLevel;
    docs.push({ courtDocumentId: prng.uuid(), caseId: c.id, section: 'WS', documentCategory: category, name: `MG11 statement of ${w.name}`, documentTypeDescription: 'Witness statement', materials: [material(`MG11 ${w.name}`, parts, published(prng.int(0, 2), '11:05'))] });
  }

  // Exhibits: mostly scans (photographs, CCTV stills, receipts).
  const exhibitCount = prng.int(profile.exhibitDocs[0], profile.exhibitDocs[1]);
  for (let i = 0; i < exhibitCount; i++) {
    const pages = prng.int(profile.exhibitPages[0], profile.exhibitPages[1]);
    const ref = `${initials(c.officerInCase.name)}/${i + 1}`;
    const label = prng.pick(['CCTV stills', 'Photographs of injuries', 'Scene photographs', 'Till receipts and stock list', 'Custody record extract', 'Drugs analysis certificate', 'Breath test printout']);
    docs.push({ courtDocumentId: prng.uuid(), caseId: c.id, section: 'EX', documentCategory: caseLevel, name: `Exhibit ${ref} - ${label}`, documentTypeDescription: 'Exhibit', materials: [material(`Exhibit ${ref}`, [{ kind: 'exhibitList', pages: 1 }, { kind: 'scans', pages: pages - 1, label }], published(prng.int(0, 3), '14:20'))] });
  }

  // Magistrates' court evidence bundle for cases going to trial there.
  const trialInMags = c.currentJurisdiction === 'MAGISTRATES' && c.hearings.some((h) => h.type.description === 'Trial');
  if (trialInMags) {
    const pages = prng.int(profile.mcebPages[0], profile.mcebPages[1]);
    const parts: PartSpec[] = [{ kind: 'index' }, { kind: 'caseSummary', pages: 2 }, ...c.witnesses.map((_w, i): PartSpec => ({ kind: 'statement', witness: i, pages: 2 })), { kind: 'exhibitList', pages: 1 }];
    const typed = planPageCount({ parts });
    if (pages > typed) parts.push({ kind: 'scans', pages: pages - typed, label: 'Exhibits' });
    docs.push({ courtDocumentId: prng.uuid(), caseId: c.id, section: 'MCEB', documentCategory: caseLevel, name: `Trial bundle - ${c.urn}`, documentTypeDescription: "Magistrates' court evidence bundle", materials: [material('Trial bundle', parts, published(1, '17:30'))] });
  }

  // Schedule of unused material (MG6C).
  if (prng.chance(profile.unusedChance)) {
    docs.push({ courtDocumentId: prng.uuid(), caseId: c.id, section: 'UM', documentCategory: caseLevel, name: 'MG6C schedule of non-sensitive unused material', documentTypeDescription: 'Unused material', materials: [material('MG6C schedule', [{ kind: 'unusedSchedule', pages: prng.int(MIN_PAGES, MIN_PAGES + 2) }], published(0, '15:55'))] });
  }
  return docs;
}

/** Keep every material within CP-realistic bounds: 5 to 400 pages. */
function clampParts(parts: PartSpec[]): PartSpec[] {
  let total = planPageCount({ parts });
  const out = [...parts];
  while (total > MAX_PAGES) {
    const i = out.findIndex((p) => p.kind === 'scans');
    const p = out[i];
    if (!p || p.kind !== 'scans') break;
    const cut = Math.min(p.pages - 1, total - MAX_PAGES);
    if (cut <= 0) break;
    out[i] = { ...p, pages: p.pages - cut };
    total -= cut;
  }
  if (total < MIN_PAGES) out.push({ kind: 'scans', pages: MIN_PAGES - total, label: 'Continuation sheets' });
  return out;
}

function initials(name: string): string {
  return name.split(/\s+/).map((p) => p[0] ?? '').join('').toUpperCase().slice(0, 3);
}
