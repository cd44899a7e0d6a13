/** Court documents and their materials (the PDFs). Non-strict; optional fields → null. */
import { z } from 'zod';
import { IsoDate, IsoDateTime, NonEmpty, Sha256Hex, Uuid, nullable } from './common';

export const DOCUMENT_SECTIONS = ['IDPC', 'MCEB', 'WS', 'EX', 'UM', 'DEFENCE'] as const;
export const DocumentSectionSchema = z.enum(DOCUMENT_SECTIONS);
export type DocumentSection = z.infer<typeof DocumentSectionSchema>;

/** One published version of a document's bytes; a republished bundle adds another (last = newest). */
export const WireMaterialSchema = z.object({
  id: Uuid,
  uploadDateTime: IsoDateTime,
  publishedDate: nullable(IsoDate),
  size: z.number().int().nonnegative(),
  // A served document's page count is counted by CP and may be unknown.
  pageCount: nullable(z.number().int().nonnegative()),
  sha256: Sha256Hex,
});

export const WireCaseDocumentCategorySchema = z.object({ caseDocument: z.object({ prosecutionCaseId: Uuid }) });
export const WireDefendantDocumentCategorySchema = z.object({
  defendantDocument: z.object({ prosecutionCaseId: Uuid, defendants: z.array(Uuid).min(1) }),
});
export const WireDocumentCategorySchema = z.union([WireCaseDocumentCategorySchema, WireDefendantDocumentCategorySchema]);

export const WireCourtDocumentSchema = z.object({
  courtDocumentId: Uuid,
  section: DocumentSectionSchema,
  documentCategory: WireDocumentCategorySchema,
  name: NonEmpty,
  mimeType: NonEmpty,
  documentTypeDescription: NonEmpty,
  materials: z.array(WireMaterialSchema),
  isRemoved: z.boolean(),
});

export const CourtDocumentsResponseSchema = z.object({ courtDocuments: z.array(WireCourtDocumentSchema) });

export type WireMaterial = z.infer<typeof WireMaterialSchema>;
export type WireDocumentCategory = z.infer<typeof WireDocumentCategorySchema>;
export type WireCourtDocument = z.infer<typeof WireCourtDocumentSchema>;

/** The case a document belongs to, whichever category it is filed under. */
export function documentCaseId(category: WireDocumentCategory): string {
  return 'caseDocument' in category ? category.caseDocument.prosecutionCaseId : category.defendantDocument.prosecutionCaseId;
}
