/**
 * What of SandboxState outlives a restart, and putting it back. Only what clients
 * changed is saved (the seeded world is regenerated from dataset + seed + anchor):
 * case versions and change sequence numbers (so delta cursors stay valid),
 * associations and removals, check-ins, served documents and republished
 * materials, and forms that moved on from their seeded version or hold locks.
 *
 * Restoring checks every reference against the regenerated world and every saved
 * upload against its file on disk; anything that does not fit throws, and the
 * caller starts fresh instead of serving a half-restored world.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { CourtDocument, FormRecord, Material } from '../model';
import type { MaterialPlan } from '../pdf/plan';
import type { SandboxState } from '../state/store';
import type { PersistedDocument, PersistedForm, PersistedMaterial, StateSnapshot } from './schema';

export class StateMismatch extends Error {}

function toPersistedMaterial(m: Material, filesDir: string): PersistedMaterial {
  const file = m.file.kind === 'generated' ? m.file : { kind: 'uploaded' as const, fileName: uploadedName(m.file.path, filesDir) };
  return { id: m.id, uploadDateTime: m.uploadDateTime, publishedDate: m.publishedDate, size: m.size, pageCount: m.pageCount, sha256: m.sha256, file };
}

function uploadedName(filePath: string, filesDir: string): string {
  if (path.dirname(filePath) !== filesDir) throw new Error('an uploaded material lives outside the state files folder');
  return path.basename(filePath);
}

function seededFormLocksEqual(form: FormRecord, seeded: FormRecord): boolean {
  if (form.locks.size !== seeded.locks.size) return false;
  for (const [section, lock] of form.locks) {
    const s = seeded.locks.get(section);
    if (!s || s.userId !== lock.userId || s.expiresAtMs !== lock.expiresAtMs || s.requestedBy !== lock.requestedBy) return false;
  }
  return true;
}

function toPersistedForm(f: FormRecord): PersistedForm {
  return {
    formId: f.formId,
    data: structuredClone(f.data),
    version: f.version,
    lastUpdated: f.lastUpdated,
    history: f.history.map((h) => ({ date: h.date, updatedBy: h.updatedBy, data: structuredClone(h.data), status: h.status, version: h.version })),
    locks: [...f.locks].map(([section, l]) => ({ section, userId: l.userId, expiresAtMs: l.expiresAtMs, requestedBy: l.requestedBy })),
  };
}

export function captureState(state: SandboxState, filesDir: string): StateSnapshot {
  const seededDocs = new Map(state.seed.documents.map((d) => [d.courtDocumentId, d.materials.length]));
  const seededForms = new Map(state.seed.forms.map((f) => [f.formId, f]));
  const addedDocuments: PersistedDocument[] = [];
  const addedMaterials: StateSnapshot['addedMaterials'] = [];
  const removedDocuments: string[] = [];
  for (const docs of state.documentsByCase.values()) {
    for (const d of docs) {
      const seededCount = seededDocs.get(d.courtDocumentId);
      if (seededCount === undefined) {
        addedDocuments.push({ ...d, documentCategory: structuredClone(d.documentCategory) as PersistedDocument['documentCategory'], materials: d.materials.map((m) => toPersistedMaterial(m, filesDir)) });
        continue;
      }
      if (d.materials.length > seededCount) addedMaterials.push({ courtDocumentId: d.courtDocumentId, materials: d.materials.slice(seededCount).map((m) => toPersistedMaterial(m, filesDir)) });
      if (d.isRemoved) removedDocuments.push(d.courtDocumentId);
    }
  }
  const runtimeMaterialIds = new Set([...addedDocuments.flatMap((d) => d.materials), ...addedMaterials.flatMap((a) => a.materials)].map((m) => m.id));
  const removals: StateSnapshot['removals'] = [];
  for (const [organisationId, m] of state.removals) for (const [caseId, seq] of m) removals.push({ organisationId, caseId, seq });
  return {
    seq: state.currentSeq(),
    cases: [...state.cases.values()].map((c) => ({ caseId: c.record.id, version: c.version, changeSeq: c.changeSeq })),
    associations: [...state.associations.values()].map((a) => ({ ...a })),
    removals,
    defenceCounsels: [...state.hearings.values()].filter((h) => h.defenceCounsels.length > 0).map((h) => ({ hearingId: h.id, counsels: h.defenceCounsels.map((c) => ({ ...c, defendants: [...c.defendants], attendanceDays: [...c.attendanceDays] })) })),
    addedDocuments,
    addedMaterials,
    removedDocuments,
    plans: [...state.plans.values()].filter((p) => runtimeMaterialIds.has(p.materialId)) as unknown as StateSnapshot['plans'],
    // Untouched seeded forms are regenerated identically; saving them would only make every save bigger.
    forms: [...state.forms.values()].filter((f) => {
      const seeded = seededForms.get(f.formId);
      return !seeded || f.version !== seeded.version || !seededFormLocksEqual(f, seeded);
    }).map(toPersistedForm),
  };
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new StateMismatch(`${what} is not in the seeded world`);
  return value;
}

async function toMaterial(m: PersistedMaterial, filesDir: string): Promise<Material> {
  if (m.file.kind === 'generated') return { ...m, file: { kind: 'generated', fileName: m.file.fileName } };
  const filePath = path.join(filesDir, m.file.fileName);
  const size = await stat(filePath).then(
    (s) => s.size,
    () => -1,
  );
  if (size !== m.size) throw new StateMismatch('a saved upload is missing from the files folder or has changed');
  return { ...m, file: { kind: 'uploaded', path: filePath } };
}

/** Applies a snapshot to a freshly seeded state. Throws StateMismatch when it does not belong to this world. */
export async function restoreState(state: SandboxState, snap: StateSnapshot, filesDir: string): Promise<void> {
  if (snap.seq < state.currentSeq()) throw new StateMismatch('the saved change sequence is behind the seeded one');
  state.resumeSeq(snap.seq);
  for (const c of snap.cases) {
    if (c.changeSeq > snap.seq) throw new StateMismatch('a case change is ahead of the saved sequence');
    const live = need(state.cases.get(c.caseId), 'a saved case');
    live.version = c.version;
    live.changeSeq = c.changeSeq;
  }
  state.associations.clear();
  for (const a of snap.associations) {
    const c = need(state.cases.get(a.caseId), 'an associated case');
    need(c.record.defendants.find((d) => d.id === a.defendantId), 'an associated defendant');
    state.associations.set(a.defendantId, { ...a });
  }
  for (const r of snap.removals) {
    need(state.cases.get(r.caseId), 'a removed case');
    const m = state.removals.get(r.organisationId) ?? new Map<string, number>();
    m.set(r.caseId, r.seq);
    state.removals.set(r.organisationId, m);
  }
  for (const h of snap.defenceCounsels) need(state.hearings.get(h.hearingId), 'a hearing').defenceCounsels = h.counsels.map((c) => ({ ...c }));
  for (const d of snap.addedDocuments) {
    need(state.cases.get(d.caseId), 'a case with served documents');
    if (state.documentsByCase.get(d.caseId)?.some((x) => x.courtDocumentId === d.courtDocumentId)) throw new StateMismatch('a saved document is there twice');
    const materials: Material[] = [];
    for (const m of d.materials) materials.push(await toMaterial(m, filesDir));
    const doc: CourtDocument = { ...d, materials };
    state.addDocument(doc);
  }
  const docsById = new Map([...state.documentsByCase.values()].flat().map((d) => [d.courtDocumentId, d]));
  for (const a of snap.addedMaterials) {
    const doc = need(docsById.get(a.courtDocumentId), 'a republished document');
    for (const m of a.materials) state.addMaterial(doc, await toMaterial(m, filesDir));
  }
  for (const id of snap.removedDocuments) need(docsById.get(id), 'a removed document').isRemoved = true;
  for (const p of snap.plans) {
    need(state.materials.get(p.materialId), 'a republished material');
    state.plans.set(p.materialId, p as unknown as MaterialPlan);
  }
  for (const f of snap.forms) {
    const form = need(state.forms.get(f.formId), 'a saved form');
    form.data = structuredClone(f.data);
    form.version = f.version;
    form.lastUpdated = f.lastUpdated;
    form.history = f.history.map((h) => ({ ...h, data: structuredClone(h.data) }));
    form.locks = new Map(f.locks.map((l) => [l.section, { userId: l.userId, expiresAtMs: l.expiresAtMs, requestedBy: l.requestedBy }]));
  }
}

/** The files folder entries the state still refers to (everything else there is a leftover). */
export function referencedFiles(state: SandboxState, filesDir: string): Set<string> {
  const names = new Set<string>();
  for (const { material } of state.materials.values()) if (material.file.kind === 'uploaded' && path.dirname(material.file.path) === filesDir) names.add(path.basename(material.file.path));
  return names;
}
