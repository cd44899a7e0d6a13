/** Case detail and the associated-cases delta: whole cases with their hearings (and documents). */
import { z } from 'zod';
import { NonEmpty, Uuid } from './common';
import { WireProsecutionCaseSchema } from './case';
import { WireCourtDocumentSchema, documentCaseId } from './documents';
import { WireHearingSchema } from './hearing';

export const CaseDetailSchema = z.object({
  prosecutionCase: WireProsecutionCaseSchema,
  hearings: z.array(WireHearingSchema),
});

/**
 * One changed case. The ids inside must agree with `caseId`: the sync engine files everything under it,
 * so a document or case body belonging to another case would be stored in the wrong place.
 */
export const CaseBundleSchema = z
  .object({
    caseId: Uuid,
    version: z.number().int().nonnegative(),
    prosecutionCase: WireProsecutionCaseSchema,
    hearings: z.array(WireHearingSchema),
    courtDocuments: z.array(WireCourtDocumentSchema),
  })
  .superRefine((bundle, ctx) => {
    if (bundle.prosecutionCase.id !== bundle.caseId) {
      ctx.addIssue({ code: 'custom', path: ['prosecutionCase', 'id'], message: 'does not match caseId' });
    }
    bundle.courtDocuments.forEach((doc, i) => {
      if (documentCaseId(doc.documentCategory) !== bundle.caseId) {
        ctx.addIssue({ code: 'custom', path: ['courtDocuments', i, 'documentCategory'], message: 'belongs to another case' });
      }
    });
  });

export const DeltaPageSchema = z.object({
  changed: z.array(CaseBundleSchema),
  removed: z.array(Uuid),
  cursor: NonEmpty,
  hasMore: z.boolean(),
});

export type CaseDetail = z.infer<typeof CaseDetailSchema>;
export type CaseBundle = z.infer<typeof CaseBundleSchema>;
export type DeltaPage = z.infer<typeof DeltaPageSchema>;
