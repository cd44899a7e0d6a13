/**
 * Republishing a case's IDPC bundle at run time (control API): a new material on
 * the same courtDocumentId, with a further statement added and two scanned pages
 * withdrawn, written to this instance's runtime folder.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ApiError } from '../errors';
import type { Material } from '../model';
import type { MaterialPlan, PartSpec } from '../pdf/plan';
import { renderMaterial } from '../pdf/render';
import { ensureScanPool } from '../pdf/scan-pool';
import type { ServerClock } from '../clock';
import type { SandboxState } from './store';

export async function republishIdpc(state: SandboxState, clock: ServerClock, caseId: string): Promise<{ courtDocumentId: string; materialId: string; pageCount: number }> {
  const doc = (state.documentsByCase.get(caseId) ?? []).find((d) => d.section === 'IDPC');
  if (!doc) throw new ApiError(404, 'DOCUMENT_NOT_FOUND', 'this case has no IDPC bundle');
  const base = [...doc.materials].reverse().map((m) => state.plans.get(m.id)).find((p): p is MaterialPlan => p !== undefined);
  if (!base) throw new ApiError(409, 'NOT_REPUBLISHABLE', 'no generated bundle to base a new version on');
  const materialId = randomUUID();
  const parts: PartSpec[] = base.parts.map((p) => (p.kind === 'scans' ? { ...p, pages: Math.max(1, p.pages - 2) } : p));
  parts.splice(Math.max(1, parts.length - 1), 0, { kind: 'statement', witness: 0, pages: 2, further: true });
  const uploaded = clock.isoWithOffset();
  const plan: MaterialPlan = { ...base, materialId, fileName: `${materialId}.pdf`, seed: `${base.seed}:republished:${doc.materials.length}`, createdAt: new Date(clock.nowMs()).toISOString(), parts };
  const pool = await ensureScanPool(state.generatedDir, base.scanMode);
  const out = path.join(state.runtimeDir, plan.fileName);
  const r = await renderMaterial(plan, out, pool);
  const material: Material = { id: materialId, uploadDateTime: uploaded, publishedDate: clock.today(), size: r.size, pageCount: r.pageCount, sha256: r.sha256, file: { kind: 'uploaded', path: out } };
  state.plans.set(materialId, plan);
  state.addMaterial(doc, material);
  state.bump(caseId);
  return { courtDocumentId: doc.courtDocumentId, materialId, pageCount: r.pageCount };
}
