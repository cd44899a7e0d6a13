/**
 * A serialisable description of one generated PDF. Plans are built by the seed
 * step and rendered by pdf/render.ts, possibly in a worker thread, so they carry
 * everything the text needs (no references back into the live model).
 */
import type { OffenceTheme } from '../seed/reference-data';

export interface DocContext {
  readonly urn: string;
  readonly courtName: string;
  readonly policeForce: string;
  readonly defendants: readonly { readonly name: string; readonly dateOfBirth: string; readonly address: string; readonly pncId: string }[];
  readonly offences: readonly { readonly code: string; readonly title: string; readonly wording: string; readonly legislation: string; readonly theme: OffenceTheme }[];
  readonly witnesses: readonly { readonly name: string; readonly occupation: string; readonly role: 'civilian' | 'police' | 'complainant' | 'expert' }[];
  readonly officer: { readonly rank: string; readonly name: string; readonly collarNumber: string };
  readonly incidentDate: string;
  readonly incidentPlace: string;
  readonly chargeDate: string;
  readonly firstHearingDate: string;
}

export type PartSpec =
  | { readonly kind: 'index' }
  | { readonly kind: 'chargeSheet'; readonly pages: number }
  | { readonly kind: 'caseSummary'; readonly pages: number }
  | { readonly kind: 'statement'; readonly witness: number; readonly pages: number; readonly further?: boolean }
  | { readonly kind: 'exhibitList'; readonly pages: number }
  | { readonly kind: 'previousConvictions'; readonly pages: number }
  | { readonly kind: 'interview'; readonly pages: number }
  | { readonly kind: 'unusedSchedule'; readonly pages: number }
  | { readonly kind: 'scans'; readonly pages: number; readonly label: string };

/**
 * 'shared': a scan image is embedded once per PDF and reused on its scan pages (small files: CI, demo).
 * 'distinct': every scan page embeds its own image bytes, like real scans (the large dataset's volume).
 */
export type ScanMode = 'shared' | 'distinct';

export interface MaterialPlan {
  readonly materialId: string;
  readonly fileName: string;
  readonly title: string;
  readonly seed: string;
  /** Fixed PDF CreationDate/ModDate: part of what makes the bytes reproducible. */
  readonly createdAt: string;
  readonly context: DocContext;
  readonly parts: readonly PartSpec[];
  readonly scanMode: ScanMode;
}

export function partPages(part: PartSpec): number {
  return part.kind === 'index' ? 1 : part.pages;
}

export function planPageCount(plan: Pick<MaterialPlan, 'parts'>): number {
  return plan.parts.reduce((sum, p) => sum + partPages(p), 0);
}
