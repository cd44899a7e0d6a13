import type { CaseDetail } from '../../../src-preload/api';

export const INDEX_SECTIONS = ['IDPC', 'MCEB', 'WS', 'EX', 'UM', 'DEFENCE', 'OTHER'] as const;
export type IndexSection = (typeof INDEX_SECTIONS)[number];

type CaseDocument = CaseDetail['documents'][number];
type Material = CaseDocument['materials'][number];

export interface IndexDocument {
  documentId: string;
  name: string;
  /** The newest version on this laptop, if any (a republished bundle has several). */
  stored: Material | null;
  /** The newest version, stored or not (its state says why it cannot open yet). */
  latest: Material | null;
}

/** The case's documents by section, as the bundle index lists them; removed documents are left out. */
export function bundleIndex(detail: CaseDetail): Array<{ section: IndexSection; documents: IndexDocument[] }> {
  const known = new Set<string>(INDEX_SECTIONS);
  return INDEX_SECTIONS.map((section) => ({
    section,
    documents: detail.documents
      .filter((document) => !document.isRemoved && (document.section === section || (section === 'OTHER' && !known.has(document.section))))
      .map((document) => ({
        documentId: document.id,
        name: document.name,
        stored: [...document.materials].reverse().find((material) => material.state === 'stored') ?? null,
        latest: document.materials[document.materials.length - 1] ?? null,
      })),
  })).filter((group) => group.documents.length > 0);
}

export function findDocument(detail: CaseDetail | null, documentId: string): CaseDocument | null {
  return detail?.documents.find((document) => document.id === documentId) ?? null;
}
