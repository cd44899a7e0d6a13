/**
 * The state file's format (see docs/sandbox.md, "Keeping state between runs").
 * Bump STATE_FORMAT_VERSION whenever the shape changes: a file of another version
 * is moved aside and the sandbox starts fresh rather than guessing at old shapes.
 * Everything in here is checked on load, since the file lives on the user's disk.
 */
import { z } from 'zod';
import { REPRESENTATION_TYPES } from '../model';

export const STATE_FORMAT = 'bluebag-cp-sandbox-state';
export const STATE_FORMAT_VERSION = 1;

const id = z.string().min(1).max(200);
const seq = z.number().int().min(0);
const ms = z.number().finite();
/** A file inside the state's files folder: a bare name, never a path (a tampered file must not point elsewhere). */
const fileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/);
const headers = z.record(z.string(), z.string());

/** Which seeded world the saved changes apply to: they only make sense on top of exactly that one. */
export const WorldSchema = z.strictObject({
  dataset: z.enum(['small', 'large']),
  seed: z.number().int(),
  anchorDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  generatorVersion: z.number().int(),
});
export type World = z.infer<typeof WorldSchema>;

const PersistedMaterialSchema = z.strictObject({
  id,
  uploadDateTime: z.string(),
  publishedDate: z.string(),
  size: z.number().int().min(0),
  pageCount: z.number().int().min(0).nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  file: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('generated'), fileName }), z.strictObject({ kind: z.literal('uploaded'), fileName })]),
});
export type PersistedMaterial = z.infer<typeof PersistedMaterialSchema>;

const DocumentCategorySchema = z.union([
  z.strictObject({ caseDocument: z.strictObject({ prosecutionCaseId: id }) }),
  z.strictObject({ defendantDocument: z.strictObject({ prosecutionCaseId: id, defendants: z.array(id) }) }),
]);

const PersistedDocumentSchema = z.strictObject({
  courtDocumentId: id,
  caseId: id,
  section: z.enum(['IDPC', 'MCEB', 'WS', 'EX', 'UM', 'DEFENCE']),
  documentCategory: DocumentCategorySchema,
  name: z.string(),
  mimeType: z.literal('application/pdf'),
  documentTypeDescription: z.string(),
  materials: z.array(PersistedMaterialSchema),
  isRemoved: z.boolean(),
});
export type PersistedDocument = z.infer<typeof PersistedDocumentSchema>;

/** Checked loosely: only the control API's republish reads a plan, and it renders whatever it is given. */
const PlanSchema = z.looseObject({
  materialId: id,
  fileName,
  title: z.string(),
  seed: z.string(),
  createdAt: z.string(),
  context: z.looseObject({}),
  parts: z.array(z.looseObject({ kind: z.string() })),
  scanMode: z.enum(['shared', 'distinct']),
});

const LockSchema = z.strictObject({ section: z.string(), userId: id, expiresAtMs: ms, requestedBy: id.nullable() });

const PersistedFormSchema = z.strictObject({
  formId: id,
  data: z.record(z.string(), z.unknown()),
  version: z.number().int().min(1),
  lastUpdated: z.string(),
  history: z.array(z.strictObject({ date: z.string(), updatedBy: id, data: z.record(z.string(), z.unknown()), status: z.enum(['CREATED', 'UPDATED']), version: z.number().int().min(1) })),
  locks: z.array(LockSchema),
});
export type PersistedForm = z.infer<typeof PersistedFormSchema>;

const DefenceCounselSchema = z.strictObject({ id, status: z.string(), title: z.string(), firstName: z.string(), lastName: z.string(), defendants: z.array(id), attendanceDays: z.array(z.string()) });

export const StateSnapshotSchema = z.strictObject({
  seq,
  cases: z.array(z.strictObject({ caseId: id, version: z.number().int().min(1), changeSeq: seq })),
  associations: z.array(
    z.strictObject({ defendantId: id, caseId: id, organisationId: id, representationType: z.enum(REPRESENTATION_TYPES), laaContractNumber: z.string().optional(), associationDate: z.string() }),
  ),
  removals: z.array(z.strictObject({ organisationId: id, caseId: id, seq })),
  defenceCounsels: z.array(z.strictObject({ hearingId: id, counsels: z.array(DefenceCounselSchema) })),
  addedDocuments: z.array(PersistedDocumentSchema),
  addedMaterials: z.array(z.strictObject({ courtDocumentId: id, materials: z.array(PersistedMaterialSchema) })),
  removedDocuments: z.array(id),
  plans: z.array(PlanSchema),
  forms: z.array(PersistedFormSchema),
});
export type StateSnapshot = z.infer<typeof StateSnapshotSchema>;

const principal = { userId: id, organisationId: id, clientId: id, scope: z.string() };

export const TokensSchema = z.strictObject({
  access: z.array(z.strictObject({ tokenHash: id, ...principal, expiresAtMs: ms, family: id.nullable() })),
  refresh: z.array(z.strictObject({ tokenHash: id, ...principal, expiresAtMs: ms, family: id })),
  retired: z.array(z.strictObject({ tokenHash: id, family: id })),
});

const status = z.number().int().min(100).max(599);

export const IdempotencySchema = z.array(
  z.strictObject({
    scope: id,
    key: z.string().min(1).max(255),
    fingerprint: z.string(),
    reply: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('json'), status, body: z.unknown(), headers: headers.optional() }),
      z.strictObject({ kind: z.literal('html'), status, body: z.string(), headers: headers.optional() }),
      z.strictObject({ kind: z.literal('empty'), status, headers: headers.optional() }),
    ]),
  }),
);

export const StateDocumentSchema = z.strictObject({
  format: z.literal(STATE_FORMAT),
  formatVersion: z.literal(STATE_FORMAT_VERSION),
  savedAt: z.string(),
  world: WorldSchema,
  state: StateSnapshotSchema,
  tokens: TokensSchema,
  idempotency: IdempotencySchema,
});
export type StateDocument = z.infer<typeof StateDocumentSchema>;
