/**
 * PET and BCM forms as CP's defence API answers them: a summary per form with its sections' edit locks,
 * the form with its answers (`data`, JSON keyed by section), its change history, and lock answers.
 * `data` stays opaque here: the form definitions (core/forms) give it meaning, and a shape CP adds to
 * must not make the whole form unreadable.
 */
import { z } from 'zod';
import { IsoDateTime, NonEmpty, Uuid, nullable } from './common';

export const FORM_TYPES = ['PET', 'BCM'] as const;
export const FormTypeSchema = z.enum(FORM_TYPES);
export type FormType = z.infer<typeof FormTypeSchema>;

export const LockStatusSchema = z.object({
  isLocked: z.boolean(),
  /** The holder's user id (CP names users by id; the app says "another user" when it cannot name them). */
  lockedBy: nullable(NonEmpty),
  /** Not every CP answer names the holder; the app then says "another user". */
  lockedByName: nullable(NonEmpty),
  lockRequestedBy: nullable(NonEmpty),
  expiryTime: nullable(IsoDateTime),
});
export type WireLockStatus = z.infer<typeof LockStatusSchema>;

const FormSectionSchema = z.object({ section: NonEmpty, lockStatus: LockStatusSchema });

const FormSummaryShape = {
  /** PET forms carry petId, BCM forms courtFormId (CP names them differently). */
  petId: Uuid.optional(),
  courtFormId: Uuid.optional(),
  formId: Uuid,
  formType: FormTypeSchema,
  defendants: z.array(z.object({ defendantId: Uuid, caseId: Uuid })).min(1),
  version: z.number().int().min(1),
  lastUpdated: IsoDateTime,
  sections: z.array(FormSectionSchema),
};

export const FormSummarySchema = z.object(FormSummaryShape);
export type WireFormSummary = z.infer<typeof FormSummarySchema>;

export const FormsListSchema = z.object({ forms: z.array(FormSummarySchema) });

export const FormAnswersSchema = z.record(z.string(), z.unknown());

export const FormSchema = z.object({ ...FormSummaryShape, data: FormAnswersSchema });
export type WireForm = z.infer<typeof FormSchema>;

export const FormHistoryEntrySchema = z.object({
  date: IsoDateTime,
  updatedBy: NonEmpty,
  updatedByName: nullable(NonEmpty),
  status: NonEmpty,
  version: z.number().int().min(1),
  data: FormAnswersSchema,
});
export type WireFormHistoryEntry = z.infer<typeof FormHistoryEntrySchema>;

export const FormHistorySchema = z.object({ formId: Uuid, history: z.array(FormHistoryEntrySchema) });

export const LockResponseSchema = z.object({ section: NonEmpty, lockStatus: LockStatusSchema });
