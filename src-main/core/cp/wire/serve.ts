/** The receipt CP gives for a document served on the court (POST /prosecutionCases/{id}/courtDocuments). */
import { z } from 'zod';
import { IsoDateTime, NonEmpty, Sha256Hex, Uuid } from './common';

export const ServeReceiptSchema = z.object({
  courtDocumentId: Uuid,
  materialId: Uuid,
  receiptId: NonEmpty,
  /** CP's time of receipt, with its offset: the time service is computed from (CrimPR r.4.11). */
  receivedAt: IsoDateTime,
  sha256: Sha256Hex,
  size: z.number().int().nonnegative(),
});

export type ServeReceipt = z.infer<typeof ServeReceiptSchema>;
