/**
 * The sandbox's live, mutable state: seeded records plus everything clients
 * change (associations, forms, locks, served documents, check-ins). Every change
 * to a case bumps its version and takes the next change sequence number, which is
 * what the associated-cases delta feed is built on (state/delta.ts).
 */
import path from 'node:path';
import type { AssociationRecord, CourtDocument, FormRecord, Hearing, Material, ProsecutionCaseRecord } from '../model';
import type { Manifest } from '../pdf/cache';
import type { MaterialPlan } from '../pdf/plan';
import type { SeedDataset } from '../seed/dataset';

export interface CaseState {
  readonly record: ProsecutionCaseRecord;
  version: number;
  changeSeq: number;
}

export interface MaterialLocation {
  readonly material: Material;
  readonly caseId: string;
  readonly courtDocumentId: string;
}

export class SandboxState {
  readonly cases = new Map<string, CaseState>();
  readonly caseOrder: readonly string[];
  readonly hearings = new Map<string, Hearing>();
  readonly documentsByCase = new Map<string, CourtDocument[]>();
  readonly materials = new Map<string, MaterialLocation>();
  readonly forms = new Map<string, FormRecord>();
  /** Plans of generated materials, kept so a bundle can be republished at run time. */
  readonly plans = new Map<string, MaterialPlan>();
  /** One association per defendant (CP's DefenceAssociation aggregate). */
  readonly associations = new Map<string, AssociationRecord>();
  /** organisationId → caseId → change seq at which the firm lost the case. */
  readonly removals = new Map<string, Map<string, number>>();
  private seq = 0;

  constructor(
    readonly seed: SeedDataset,
    readonly manifest: Manifest,
    readonly generatedDir: string,
    readonly runtimeDir: string,
  ) {
    for (const c of seed.cases) {
      this.cases.set(c.id, { record: c, version: 1, changeSeq: ++this.seq });
      for (const h of c.hearings) this.hearings.set(h.id, { ...h, defenceCounsels: [...h.defenceCounsels] });
    }
    this.caseOrder = seed.cases.map((c) => c.id);
    for (const d of seed.documents) {
      const materials: Material[] = d.materials.map((m) => {
        const entry = manifest.materials[m.id];
        if (!entry) throw new Error(`material ${m.id} missing from the PDF cache manifest`);
        this.plans.set(m.id, m.plan);
        return { id: m.id, uploadDateTime: m.uploadDateTime, publishedDate: m.publishedDate, size: entry.size, pageCount: entry.pageCount, sha256: entry.sha256, file: { kind: 'generated', fileName: entry.fileName } };
      });
      const doc: CourtDocument = { courtDocumentId: d.courtDocumentId, caseId: d.caseId, section: d.section, documentCategory: d.documentCategory, name: d.name, mimeType: 'application/pdf', documentTypeDescription: d.documentTypeDescription, materials, isRemoved: false };
      this.addDocument(doc);
    }
    // Locks are copied one by one: lock requests and extensions change them in place, and the seed must stay as seeded.
    for (const f of seed.forms) this.forms.set(f.formId, { ...f, data: structuredClone(f.data), history: [...f.history], locks: new Map([...f.locks].map(([k, l]) => [k, { ...l }])) });
    for (const a of seed.associations) this.associations.set(a.defendantId, a);
  }

  addDocument(doc: CourtDocument): void {
    const list = this.documentsByCase.get(doc.caseId) ?? [];
    list.push(doc);
    this.documentsByCase.set(doc.caseId, list);
    for (const m of doc.materials) this.materials.set(m.id, { material: m, caseId: doc.caseId, courtDocumentId: doc.courtDocumentId });
  }

  addMaterial(doc: CourtDocument, m: Material): void {
    doc.materials.push(m);
    this.materials.set(m.id, { material: m, caseId: doc.caseId, courtDocumentId: doc.courtDocumentId });
  }

  materialPath(m: Material): string {
    switch (m.file.kind) {
      case 'generated':
        return path.join(this.generatedDir, m.file.fileName);
      case 'uploaded':
        return m.file.path;
    }
  }

  /** Records a change to a case: new version, new position in every firm's delta feed. */
  bump(caseId: string): void {
    const c = this.cases.get(caseId);
    if (!c) return;
    c.version++;
    c.changeSeq = ++this.seq;
  }

  nextSeq(): number {
    return ++this.seq;
  }

  currentSeq(): number {
    return this.seq;
  }

  /** Continues the change sequence where a saved run left off (persistence/), so old cursors stay meaningful. */
  resumeSeq(seq: number): void {
    if (seq < this.seq) throw new Error('saved change sequence is behind the seeded one');
    this.seq = seq;
  }

  isFirmAssociated(organisationId: string, caseId: string): boolean {
    const c = this.cases.get(caseId);
    if (!c) return false;
    return c.record.defendants.some((d) => this.associations.get(d.id)?.organisationId === organisationId);
  }

  /** Marks that a firm no longer has a case (feeds `removed` in its delta), if it has no defendant left there. */
  noteRemovalIfGone(organisationId: string, caseId: string): void {
    if (this.isFirmAssociated(organisationId, caseId)) return;
    const m = this.removals.get(organisationId) ?? new Map<string, number>();
    m.set(caseId, this.nextSeq());
    this.removals.set(organisationId, m);
  }

  formsOfCase(caseId: string): FormRecord[] {
    return [...this.forms.values()].filter((f) => f.caseId === caseId);
  }
}
