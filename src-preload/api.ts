/**
 * THE contract between the renderer and the main process: every method the renderer may call, with
 * its argument and result schemas, and every event main may push. Main validates every call against
 * these schemas; the renderer's types are inferred from them. Nothing else crosses the boundary.
 *
 * Two transports carry it: Electron IPC (preload.ts) and the browser-mode loopback RPC
 * (web-bridge.ts). Both expose the identical `BluebagApi` as `window.bluebag`.
 */
import { z } from 'zod';
import { FaultsPatchSchema, FaultsSchema } from '../src-sandbox/faults-schema';
import { FormDefinitionSchema } from './contract/forms/form-definition-schema';

export * from './contract/channels';
export * from './contract/urn';

// ---------------------------------------------------------------------------------------------
// Shared value schemas

export const LanguageSchema = z.enum(['en', 'cy']);
export type Language = z.infer<typeof LanguageSchema>;

/** Where the app gets its Common Platform data from. */
export const ConnectionModeSchema = z.enum(['unconfigured', 'commonPlatform', 'sandbox']);
export type ConnectionMode = z.infer<typeof ConnectionModeSchema>;

/**
 * A Common Platform address as typed by a user or set by a firm. HTTPS only, except plain HTTP on a
 * loopback host (a local proxy or the sandbox), so tokens never cross a network in clear text.
 */
export const CpAddressSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => parseCpAddress(value) !== null, { message: 'errors.cpAddressInvalid' });

export function parseCpAddress(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return null;
  if (url.protocol === 'https:') return url;
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  return url.protocol === 'http:' && loopback ? url : null;
}

export const SettingsSchema = z
  .object({
    language: LanguageSchema,
    mode: ConnectionModeSchema,
    /** The configured Common Platform address; null until the user (or the firm) sets one. */
    cpBaseUrl: z.string().nullable(),
    /** Most bytes of documents kept offline; null means no limit. */
    storageBudgetBytes: z.number().int().positive().nullable(),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;

export const AppInfoSchema = z
  .object({
    productName: z.string(),
    version: z.string(),
    shell: z.enum(['electron', 'browser']),
    electronVersion: z.string().nullable(),
    platform: z.string(),
  })
  .strict();
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const ConnectivityStateSchema = z.enum(['unconfigured', 'checking', 'online', 'offline', 'serverError']);
export type ConnectivityState = z.infer<typeof ConnectivityStateSchema>;

export const ConnectivitySchema = z
  .object({
    state: ConnectivityStateSchema,
    target: z.enum(['commonPlatform', 'sandbox']).nullable(),
    /** ISO time of the last completed check, by this machine's clock (display only). */
    checkedAt: z.string().nullable(),
    latencyMs: z.number().nonnegative().nullable(),
  })
  .strict();
export type Connectivity = z.infer<typeof ConnectivitySchema>;

export const SessionStatusSchema = z
  .object({
    state: z.enum(['signedOut', 'signedIn', 'expired']),
    user: z
      .object({ displayName: z.string(), organisationName: z.string() })
      .strict()
      .nullable(),
  })
  .strict();
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

export const SandboxDatasetSchema = z.enum(['small', 'large']);

export const SandboxStatusSchema = z
  .object({
    state: z.enum(['stopped', 'starting', 'running', 'failed']),
    dataset: SandboxDatasetSchema.nullable(),
    url: z.string().nullable(),
    /** While starting: how far the first-time generation of sample documents has got. */
    progress: z.object({ done: z.number(), total: z.number() }).strict().nullable(),
    faults: FaultsSchema.nullable(),
    errorKey: z.string().nullable(),
  })
  .strict();
export type SandboxStatus = z.infer<typeof SandboxStatusSchema>;

const Id = z.string().min(1).max(128);

export const RepresentationTypeSchema = z.enum([
  'REPRESENTATION_ORDER',
  'REPRESENTATION_ORDER_APPLIED_FOR',
  'COURT_APPOINTED',
  'PRO_BONO',
  'PRIVATE',
]);
export type RepresentationType = z.infer<typeof RepresentationTypeSchema>;

export const JurisdictionSchema = z.enum(['MAGISTRATES', 'CROWN']);

export const OfflineCountsSchema = z
  .object({ stored: z.number().int(), total: z.number().int(), storedBytes: z.number(), totalBytes: z.number() })
  .strict();

export const CaseSummarySchema = z
  .object({
    id: Id,
    urn: z.string(),
    status: z.string(),
    jurisdiction: JurisdictionSchema.nullable(),
    keepOffline: z.boolean(),
    associationState: z.enum(['associated', 'removed']),
    newMaterial: z.boolean(),
    defendants: z.array(z.object({ id: Id, name: z.string(), dateOfBirth: z.string().nullable() }).strict()),
    nextHearing: z
      .object({
        at: z.string(),
        courtName: z.string(),
        courtWelshName: z.string().nullable(),
        roomName: z.string().nullable(),
        hearingType: z.string(),
      })
      .strict()
      .nullable(),
    offline: OfflineCountsSchema,
  })
  .strict();
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const MaterialStateSchema = z.enum(['queued', 'downloading', 'stored', 'failed']);

export const CaseDetailSchema = z
  .object({
    summary: CaseSummarySchema,
    defendants: z.array(
      z
        .object({
          id: Id,
          name: z.string(),
          dateOfBirth: z.string().nullable(),
          pncId: z.string().nullable(),
          offences: z.array(
            z
              .object({
                id: Id,
                code: z.string(),
                title: z.string(),
                wording: z.string().nullable(),
                startDate: z.string().nullable(),
                modeOfTrial: z.string().nullable(),
                plea: z.string().nullable(),
                indicatedPlea: z.string().nullable(),
                verdict: z.string().nullable(),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
    hearings: z.array(
      z
        .object({
          id: Id,
          jurisdiction: z.string(),
          courtName: z.string(),
          courtWelshName: z.string().nullable(),
          roomName: z.string().nullable(),
          hearingType: z.string(),
          language: z.string().nullable(),
          firstSittingAt: z.string().nullable(),
          sittingDays: z.array(z.object({ sittingDay: z.string(), listedDurationMinutes: z.number().nullable() }).strict()),
        })
        .strict(),
    ),
    documents: z.array(
      z
        .object({
          id: Id,
          section: z.string(),
          name: z.string(),
          typeDescription: z.string().nullable(),
          defendantIds: z.array(z.string()),
          isRemoved: z.boolean(),
          materials: z.array(
            z
              .object({
                id: Id,
                uploadedAt: z.string(),
                publishedDate: z.string().nullable(),
                size: z.number(),
                pageCount: z.number().nullable(),
                state: MaterialStateSchema,
                errorKey: z.string().nullable(),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const SyncStatusSchema = z
  .object({
    state: z.enum(['signedOut', 'idle', 'syncing', 'error']),
    lastSyncedAt: z.string().nullable(),
    errorKey: z.string().nullable(),
    offline: z.boolean(),
    downloads: z
      .object({
        queued: z.number().int(),
        active: z.number().int(),
        stored: z.number().int(),
        failed: z.number().int(),
        bytesDone: z.number(),
        bytesTotal: z.number(),
        pausedFor: z.enum(['user', 'offline', 'serverBusy', 'diskFull', 'signInRequired', 'storageBudget', 'storageError']).nullable(),
        perCase: z.array(
          z.object({ caseId: z.string(), stored: z.number(), total: z.number(), bytesDone: z.number(), bytesTotal: z.number() }).strict(),
        ),
      })
      .strict(),
    failures: z.array(z.object({ caseId: z.string(), urn: z.string(), documentName: z.string(), errorKey: z.string() }).strict()),
    storage: z.object({ usedBytes: z.number(), budgetBytes: z.number().nullable() }).strict(),
    /** This run found the local database damaged: it was set aside (kept), local work salvaged, and the rest resyncs. */
    cacheRecovered: z.boolean(),
  })
  .strict();
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** An association change the user asked for that CP has not confirmed yet (offline, or refused). */
export const PendingAssociationSchema = z
  .object({
    jobId: Id,
    action: z.enum(['associate', 'disassociate']),
    caseId: Id,
    defendantId: Id,
    urn: z.string(),
    defendantName: z.string(),
    state: z.enum(['queued', 'active', 'failed']),
    errorKey: z.string().nullable(),
  })
  .strict();
export type PendingAssociation = z.infer<typeof PendingAssociationSchema>;

export const CaseSearchResultSchema = z
  .object({
    caseId: Id,
    urn: z.string(),
    caseStatus: z.string(),
    cached: z.boolean(),
    defendants: z.array(
      z
        .object({
          defendantId: Id,
          name: z.string(),
          dateOfBirth: z.string().nullable(),
          offenceTitles: z.array(z.string()),
          nextHearingDate: z.string().nullable(),
        })
        .strict(),
    ),
  })
  .strict();
export type CaseSearchResult = z.infer<typeof CaseSearchResultSchema>;

// ---------------------------------------------------------------------------------------------
// Reading offline: positions, search, notes, new versions of a bundle

export const RotationSchema = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
/** 'fitWidth', 'fitPage', or a scale such as '1.25'. */
export const ZoomSchema = z.string().regex(/^(fitWidth|fitPage|\d{1,2}(\.\d{1,3})?)$/).max(16);

export const ReadingPositionSchema = z
  .object({ materialId: Id, page: z.number().int().min(1).max(100_000), zoom: ZoomSchema, rotation: RotationSchema })
  .strict();
export type ReadingPosition = z.infer<typeof ReadingPositionSchema>;

/** A snippet as segments, so the renderer marks the hits without ever parsing HTML. */
export const SnippetSchema = z.array(z.object({ text: z.string(), hit: z.boolean() }).strict());

export const SearchHitSchema = z
  .object({
    caseId: Id,
    urn: z.string(),
    documentId: Id,
    documentName: z.string(),
    section: z.string(),
    materialId: Id,
    page: z.number().int().min(1),
    snippet: SnippetSchema,
  })
  .strict();
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchStatusSchema = z
  .object({
    indexedDocuments: z.number().int().nonnegative(),
    pendingDocuments: z.number().int().nonnegative(),
    failedDocuments: z.number().int().nonnegative(),
    indexedPages: z.number().int().nonnegative(),
    /** Pages with no text layer (scans): search cannot see them. */
    imageOnlyPages: z.number().int().nonnegative(),
  })
  .strict();
export type SearchStatus = z.infer<typeof SearchStatusSchema>;

export const NoteColourSchema = z.enum(['yellow', 'green', 'blue', 'pink']);
/** A highlight's boxes on its page, as fractions of the page (0–1), so they survive zoom and rotation. */
export const NoteRectSchema = z
  .object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1), w: z.number().min(0).max(1), h: z.number().min(0).max(1) })
  .strict();

export const NoteSchema = z
  .object({
    id: Id,
    caseId: Id,
    documentId: Id,
    materialId: Id,
    page: z.number().int().min(1),
    quote: z.string().nullable(),
    rects: z.array(NoteRectSchema),
    body: z.string(),
    colour: NoteColourSchema,
    /** A newer version of the bundle came and this note's text was not found in it: it stays here. */
    leftOnOldVersion: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type Note = z.infer<typeof NoteSchema>;

export const VersionChangeSchema = z
  .object({
    documentId: Id,
    documentName: z.string(),
    oldMaterialId: Id,
    newMaterialId: Id,
    oldPages: z.number().int().nullable(),
    newPages: z.number().int().nullable(),
    pagesAdded: z.array(z.number().int()),
    pagesRemoved: z.array(z.number().int()),
    notesCarried: z.number().int().nonnegative(),
    notesLeft: z.number().int().nonnegative(),
  })
  .strict();
export type VersionChange = z.infer<typeof VersionChangeSchema>;

export const ExportedFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }).strict();

// ---------------------------------------------------------------------------------------------
// Serving documents on the court, and hearing check-in (DOMAIN.md "Serving documents")

/** The document types CP offers the defence when serving (shown translated; sent as CP's descriptions). */
export const ServeDocumentTypeSchema = z.enum([
  'defenceStatement',
  'skeletonArgument',
  'witnessStatement',
  'application',
  'notice',
  'correspondence',
  'other',
]);
export type ServeDocumentType = z.infer<typeof ServeDocumentTypeSchema>;

/**
 * draft: in the vault, not yet asked to go. queued: will go when CP can be reached — NOT served.
 * uploading: bytes on the way. accepted: CP gave a receipt (the only state that counts as served, on
 * `deemedServedOn`). refused: CP said no for good (reason kept). cancelled: withdrawn before upload.
 */
export const ServeStateSchema = z.enum(['draft', 'queued', 'uploading', 'accepted', 'refused', 'cancelled']);
export type ServeState = z.infer<typeof ServeStateSchema>;

/** Why a document counts as served on a later day than it reached CP (CrimPR r.4.11). */
export const LateServiceReasonSchema = z.enum(['after230', 'nonBusinessDay']);

export const ServiceItemSchema = z
  .object({
    id: Id,
    caseId: Id,
    urn: z.string(),
    defendantIds: z.array(Id),
    defendantNames: z.array(z.string()),
    documentType: ServeDocumentTypeSchema.nullable(),
    /** The name it is served under (the picked file's name unless the user changed it). */
    name: z.string(),
    note: z.string().nullable(),
    size: z.number().int().nonnegative(),
    pageCount: z.number().int().nullable(),
    sha256: z.string(),
    state: ServeStateSchema,
    /** While uploading: bytes CP has been sent so far. */
    sentBytes: z.number().int().nonnegative().nullable(),
    /** This machine's clock, for ordering and display only — never for service. */
    createdAt: z.string(),
    queuedAt: z.string().nullable(),
    attempts: z.number().int().nonnegative(),
    nextAttemptAt: z.string().nullable(),
    /** The last transient failure (it will be retried), or the refusal (it will not). */
    errorKey: z.string().nullable(),
    receipt: z
      .object({ receiptId: z.string(), courtDocumentId: z.string(), materialId: z.string(), receivedAt: z.string() })
      .strict()
      .nullable(),
    /** YYYY-MM-DD, computed from CP's receipt time; null until accepted. */
    deemedServedOn: z.string().nullable(),
    lateReason: LateServiceReasonSchema.nullable(),
    /**
     * The receipt time or the deemed day falls outside the shipped bank-holiday list, so a bank holiday
     * Bluebag does not know of could move the day: the screen says to check it.
     */
    deemedDateUncertain: z.boolean(),
  })
  .strict();
export type ServiceItem = z.infer<typeof ServiceItemSchema>;

/** When something queued now would count as served, by CP's clock as last seen. */
export const ServiceForecastSchema = z
  .object({
    /** CP's time now, estimated from its last answer's Date header; null if CP was never reached. */
    serverNow: z.string().nullable(),
    /** How long ago (ms) that estimate was taken from CP: old estimates are shown as such. */
    observedAgoMs: z.number().nonnegative().nullable(),
    /** If it reached CP now: the day it would count as served, and why not today. */
    servedOnIfSentNow: z.string().nullable(),
    lateReason: LateServiceReasonSchema.nullable(),
    /** The bank holiday list does not reach this far: dates past it cannot be certain. */
    calendarEndsOn: z.string(),
    beyondCalendar: z.boolean(),
    /**
     * Which bank-holiday list the dates rest on: the one shipped in resources/, that list with a newer
     * GOV.UK file from the data folder, the shipped one because that file could not be used (the user
     * should know their update did not take), or none at all (no date can be given).
     */
    bankHolidayList: z.enum(['shipped', 'updated', 'updateRefused', 'unavailable']),
  })
  .strict();
export type ServiceForecast = z.infer<typeof ServiceForecastSchema>;

export const ServeEligibilitySchema = z.discriminatedUnion('allowed', [
  z.object({ allowed: z.literal(true) }).strict(),
  /** crownCourt: serve through the Digital Case System. */
  z.object({ allowed: z.literal(false), reason: z.enum(['crownCourt', 'notAssociated']) }).strict(),
]);

export const OutboxStatusSchema = z
  .object({
    /** Not yet accepted: drafts are not counted (they were never asked to go). */
    unsent: z.number().int().nonnegative(),
    uploading: z.number().int().nonnegative(),
    refused: z.number().int().nonnegative(),
    pausedFor: z.enum(['offline', 'serverBusy', 'signInRequired']).nullable(),
  })
  .strict();
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

export const CheckInStateSchema = z.enum(['queued', 'sending', 'checkedIn', 'refused']);
export const CheckInSchema = z
  .object({
    id: Id,
    hearingId: Id,
    caseId: Id,
    status: z.string(),
    defendantIds: z.array(Id),
    attendanceDay: z.string(),
    state: CheckInStateSchema,
    /** CP's time of the check-in, once done. */
    checkedInAt: z.string().nullable(),
    errorKey: z.string().nullable(),
  })
  .strict();
export type CheckIn = z.infer<typeof CheckInSchema>;

// ---------------------------------------------------------------------------------------------
// PET and BCM forms (DOMAIN.md "The PET form"): CP's copy, the user's offline draft, locks, conflicts

export const FormTypeSchema = z.enum(['PET', 'BCM']);

/** A form's answers: JSON keyed by section (part1…), as CP stores them; the definition gives them meaning. */
export const FormAnswersSchema = z.record(z.string().max(64), z.unknown());

/**
 * editing: a draft on this laptop, not submitted. queued: submitted, waiting to reach CP (NOT on CP yet).
 * conflict: CP's copy changed the same fields meanwhile; the user chooses. refused: CP said no for good.
 */
export const FormDraftStateSchema = z.enum(['editing', 'queued', 'conflict', 'refused']);

export const FormIssueSchema = z
  .object({ path: z.string(), messageKey: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional(), message: z.object({ en: z.string(), cy: z.string() }).strict().optional() })
  .strict();

export const SectionLockSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('held'), until: z.string() }).strict(),
  z.object({ state: z.literal('lockedByOther'), by: z.string().nullable(), until: z.string().nullable() }).strict(),
  z.object({ state: z.literal('unavailable') }).strict(),
  z.object({ state: z.literal('free') }).strict(),
]);
export type SectionLockView = z.infer<typeof SectionLockSchema>;

export const FormConflictSchema = z.object({ path: z.string(), base: z.unknown(), mine: z.unknown(), theirs: z.unknown() }).strict();

export const FormListItemSchema = z
  .object({
    formId: Id,
    formType: FormTypeSchema,
    caseId: Id,
    defendantNames: z.array(z.string()),
    cpVersion: z.number().int(),
    lastUpdated: z.string(),
    draft: z
      .object({
        state: FormDraftStateSchema,
        updatedAt: z.string(),
        missingCount: z.number().int().nonnegative(),
        conflictCount: z.number().int().nonnegative(),
        /** Why CP refused it (state refused), or the last transient failure while it waits. */
        errorKey: z.string().nullable(),
      })
      .strict()
      .nullable(),
  })
  .strict();
export type FormListItem = z.infer<typeof FormListItemSchema>;

export const FormViewSchema = z
  .object({
    item: FormListItemSchema,
    urn: z.string(),
    definition: FormDefinitionSchema,
    /** CP's copy as last fetched (and when): what was submitted. */
    cp: z.object({ version: z.number().int(), lastUpdated: z.string(), data: FormAnswersSchema, fetchedAt: z.string() }).strict(),
    /** What the user sees and edits: the draft if there is one, else CP's copy. */
    answers: FormAnswersSchema,
    draft: z
      .object({
        state: FormDraftStateSchema,
        baseVersion: z.number().int(),
        updatedAt: z.string(),
        errorKey: z.string().nullable(),
        conflicts: z.array(FormConflictSchema),
      })
      .strict()
      .nullable(),
    /** Problems with the answers as they stand, and what is still missing before it can be submitted. */
    issues: z.array(FormIssueSchema),
    missing: z.array(FormIssueSchema),
    sections: z.array(z.object({ section: z.string(), lock: SectionLockSchema }).strict()),
    history: z.array(z.object({ date: z.string(), by: z.string().nullable(), byMe: z.boolean(), status: z.string(), version: z.number().int() }).strict()),
    /**
     * BCM only: the newest defence contact email change CP does not have yet — waiting in the outbox, or
     * refused by CP (with why). Null when there is none, or CP took the newest one.
     */
    contactEmailChange: z
      .object({ email: z.string(), state: z.enum(['waiting', 'refused']), errorKey: z.string().nullable() })
      .strict()
      .nullable(),
  })
  .strict();
export type FormView = z.infer<typeof FormViewSchema>;

/** The advocate's status as CP lists it on a hearing. */
export const AdvocateStatusSchema = z.enum(['KC', 'junior', 'solicitorAdvocate', 'solicitor']);

// ---------------------------------------------------------------------------------------------
// Errors cross the boundary as values with a message key the UI translates — never stack traces.

export const ErrorCodeSchema = z.enum([
  'invalid_argument',
  'unknown_method',
  'forbidden',
  'not_found',
  'unavailable',
  'conflict',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ContractErrorSchema = z
  .object({
    code: ErrorCodeSchema,
    /** An i18n key under `errors.` that the renderer translates. */
    messageKey: z.string(),
    /** For invalid_argument: which fields were wrong (paths and message keys, never the values). */
    issues: z.array(z.object({ path: z.string(), messageKey: z.string() }).strict()).optional(),
  })
  .strict();
export type ContractError = z.infer<typeof ContractErrorSchema>;

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ContractError };

// ---------------------------------------------------------------------------------------------
// Methods

const NoArgs = z.object({}).strict();

function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R) {
  return { args, result } as const;
}

export const methods = {
  'app.getInfo': method(NoArgs, AppInfoSchema),

  'settings.get': method(NoArgs, SettingsSchema),
  'settings.update': method(
    z.object({ language: LanguageSchema.optional(), storageBudgetBytes: z.number().int().positive().nullable().optional() }).strict(),
    SettingsSchema,
  ),

  'connectivity.get': method(NoArgs, ConnectivitySchema),
  /** Checks now rather than waiting for the next scheduled check. */
  'connectivity.check': method(NoArgs, ConnectivitySchema),

  'session.getStatus': method(NoArgs, SessionStatusSchema),
  /** Starts sign-in: the UI opens the returned address in the browser; `session.changed` tells the end. */
  'session.signIn': method(NoArgs, z.object({ authorizationUrl: z.string() }).strict()),
  'session.cancelSignIn': method(NoArgs, SessionStatusSchema),
  /** How many things wait to be sent to CP: sign-out asks what to do with them. */
  'session.unsentCount': method(NoArgs, z.object({ count: z.number().int().nonnegative() }).strict()),
  /** Signs out and wipes the local cache of CP data; unsent work is kept for the next sign-in or discarded. */
  'session.signOut': method(z.object({ unsentWork: z.enum(['keep', 'discard']) }).strict(), SessionStatusSchema),

  'cases.list': method(NoArgs, z.array(CaseSummarySchema)),
  'cases.get': method(z.object({ caseId: Id }).strict(), CaseDetailSchema),
  /** The case on screen downloads first. */
  'cases.focus': method(z.object({ caseId: Id.nullable() }).strict(), z.object({}).strict()),
  'cases.setKeepOffline': method(z.object({ caseId: Id, keep: z.boolean() }).strict(), CaseSummarySchema),
  'cases.search': method(z.object({ urn: z.string().max(64) }).strict(), z.array(CaseSearchResultSchema)),
  'cases.associate': method(
    z
      .object({
        caseId: Id,
        defendantId: Id,
        representationType: RepresentationTypeSchema,
        laaContractNumber: z.string().trim().max(32).optional(),
        /** Shown while the request waits offline (from the search result the user picked). */
        urn: z.string().max(16),
        defendantName: z.string().max(200),
      })
      .strict(),
    /** pending: CP could not be reached; the request waits in the outbox and goes when it can. */
    z.object({ state: z.enum(['associated', 'pending']) }).strict(),
  ),
  'cases.disassociate': method(z.object({ caseId: Id, defendantId: Id }).strict(), z.object({ state: z.enum(['disassociated', 'pending']) }).strict()),
  'cases.pendingAssociations': method(NoArgs, z.array(PendingAssociationSchema)),
  /** Withdraws a queued association change that has not been sent, or dismisses a refused one. */
  'cases.cancelPending': method(z.object({ jobId: Id }).strict(), z.array(PendingAssociationSchema)),

  'sync.getStatus': method(NoArgs, SyncStatusSchema),
  'sync.now': method(NoArgs, SyncStatusSchema),
  'sync.pause': method(NoArgs, SyncStatusSchema),
  'sync.resume': method(NoArgs, SyncStatusSchema),
  'sync.retryFailed': method(NoArgs, SyncStatusSchema),

  /** Where the user was in a document (null the first time). */
  'reading.getPosition': method(z.object({ materialId: Id }).strict(), ReadingPositionSchema.nullable()),
  'reading.setPosition': method(ReadingPositionSchema, z.object({}).strict()),
  /** Pages of a stored document that have no text (scans), once it is indexed. */
  'reading.pageInfo': method(
    z.object({ materialId: Id }).strict(),
    z.object({ indexed: z.boolean(), pageCount: z.number().int().nullable(), imageOnlyPages: z.array(z.number().int()) }).strict(),
  ),

  /** Full-text search over every cached case (or one), offline. */
  'search.query': method(
    z.object({ query: z.string().trim().min(1).max(200), caseId: Id.optional(), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    z.object({ hits: z.array(SearchHitSchema), total: z.number().int().nonnegative(), tookMs: z.number().nonnegative() }).strict(),
  ),
  'search.status': method(NoArgs, SearchStatusSchema),

  'notes.list': method(z.object({ caseId: Id }).strict(), z.array(NoteSchema)),
  'notes.add': method(
    z
      .object({
        caseId: Id,
        documentId: Id,
        materialId: Id,
        page: z.number().int().min(1),
        quote: z.string().max(4000).optional(),
        rects: z.array(NoteRectSchema).max(200).default([]),
        body: z.string().max(20_000),
        colour: NoteColourSchema.default('yellow'),
      })
      .strict(),
    NoteSchema,
  ),
  'notes.update': method(z.object({ noteId: Id, body: z.string().max(20_000).optional(), colour: NoteColourSchema.optional() }).strict(), NoteSchema),
  'notes.delete': method(z.object({ noteId: Id }).strict(), z.object({}).strict()),
  /** A case's notes with page references, as a file the renderer offers for download. */
  'notes.export': method(z.object({ caseId: Id, format: z.enum(['markdown', 'pdf']) }).strict(), ExportedFileSchema),

  /** Bundles CP republished that the user has not dismissed: what changed, where the notes went. */
  'documents.versionChanges': method(z.object({ caseId: Id }).strict(), z.array(VersionChangeSchema)),
  /** The old version stops being offered (it stays readable until dismissed). */
  'documents.dismissOldVersion': method(z.object({ documentId: Id }).strict(), z.object({}).strict()),

  /** Whether documents can be served on this case through CP (Crown Court cases go through DCS). */
  'serving.eligibility': method(z.object({ caseId: Id }).strict(), ServeEligibilitySchema),
  'serving.forecast': method(NoArgs, ServiceForecastSchema),
  /** Drafts are made by sending the file's bytes to `/stage?caseId=` (not through this contract). */
  'serving.list': method(
    z.object({ caseId: Id.optional(), states: z.array(ServeStateSchema).max(6).optional() }).strict(),
    z.object({ items: z.array(ServiceItemSchema), status: OutboxStatusSchema }).strict(),
  ),
  /** Moves drafts to the queue: from here they go by themselves when CP can be reached. */
  'serving.queue': method(
    z
      .object({
        itemIds: z.array(Id).min(1).max(50),
        defendantIds: z.array(Id).min(1).max(50),
        documentType: ServeDocumentTypeSchema,
        note: z.string().trim().max(2000).optional(),
        /** New names for some items, by id (default: the file's name). */
        names: z.record(Id, z.string().trim().min(1).max(255)).optional(),
      })
      .strict(),
    z.array(ServiceItemSchema),
  ),
  /** Withdraws a draft or a queued item; refused once its upload has started. */
  'serving.cancel': method(z.object({ itemId: Id }).strict(), ServiceItemSchema),
  /** Sends a refused item again (after the user fixed the cause), or a waiting one now. */
  'serving.retry': method(z.object({ itemId: Id }).strict(), ServiceItemSchema),
  /** Tries everything waiting now, rather than at its next retry time. */
  'serving.sendNow': method(NoArgs, OutboxStatusSchema),
  /** What was sent, when, and CP's receipts — no document contents. */
  'serving.exportAudit': method(z.object({ format: z.enum(['csv', 'json']) }).strict(), ExportedFileSchema),

  'hearings.checkIns': method(z.object({ caseId: Id }).strict(), z.array(CheckInSchema)),
  /** Online it is sent at once; offline it waits in the outbox and is shown as not yet checked in. */
  'hearings.checkIn': method(
    z.object({ caseId: Id, hearingId: Id, status: AdvocateStatusSchema, defendantIds: z.array(Id).min(1).max(50) }).strict(),
    CheckInSchema,
  ),

  /** The forms CP has for a case (the court creates them: Bluebag never does). */
  'forms.list': method(z.object({ caseId: Id }).strict(), z.array(FormListItemSchema)),
  'forms.get': method(z.object({ formId: Id }).strict(), FormViewSchema),
  /** Saves the draft on this laptop at once (the renderer debounces keystrokes); starts one if none. */
  'forms.saveDraft': method(z.object({ formId: Id, answers: FormAnswersSchema, section: z.string().max(64).optional() }).strict(), FormViewSchema),
  'forms.discardDraft': method(z.object({ formId: Id }).strict(), FormViewSchema),
  /** Sends the draft through the outbox, against the CP version it was based on. */
  'forms.submit': method(z.object({ formId: Id }).strict(), FormViewSchema),
  /** Takes a submitted draft back out of the queue (before it reached CP) to edit it again. */
  'forms.withdraw': method(z.object({ formId: Id }).strict(), FormViewSchema),
  /** For each field both sides changed: keep mine or take CP's. */
  'forms.resolveConflicts': method(
    z.object({ formId: Id, choices: z.array(z.object({ path: z.string().max(300), take: z.enum(['mine', 'theirs']) }).strict()).max(500) }).strict(),
    FormViewSchema,
  ),
  /** The user started / stopped editing a section: ask CP for its edit lock / release it. */
  'forms.beginEdit': method(z.object({ formId: Id, section: z.string().max(64) }).strict(), SectionLockSchema),
  'forms.endEdit': method(z.object({ formId: Id, section: z.string().max(64) }).strict(), z.object({}).strict()),
  /** BCM: the defence contact email, changed on its own (change, then confirm) and sent at once. */
  'forms.changeContactEmail': method(z.object({ formId: Id, email: z.email().max(254) }).strict(), FormViewSchema),
  /** A printable copy of the answers as they stand, marked draft or submitted. */
  'forms.exportPdf': method(z.object({ formId: Id, language: LanguageSchema }).strict(), ExportedFileSchema),

  /** Use a real Common Platform at this address (stops the sample-case sandbox if it runs). */
  'cp.connect': method(z.object({ baseUrl: CpAddressSchema }).strict(), SettingsSchema),
  /** Forget the connection and return to the first-run screen. */
  'cp.disconnect': method(NoArgs, SettingsSchema),

  /** Demo mode: start the built-in Common Platform sandbox on a free loopback port and use it. */
  'sandbox.start': method(z.object({ dataset: SandboxDatasetSchema }).strict(), SandboxStatusSchema),
  'sandbox.stop': method(NoArgs, SandboxStatusSchema),
  'sandbox.getStatus': method(NoArgs, SandboxStatusSchema),
  'sandbox.setFaults': method(FaultsPatchSchema, SandboxStatusSchema),
  'sandbox.resetFaults': method(NoArgs, SandboxStatusSchema),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodArgs<M extends MethodName> = z.input<Methods[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<Methods[M]['result']>;
export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

// ---------------------------------------------------------------------------------------------
// Events pushed from main to the renderer

export const events = {
  'settings.changed': SettingsSchema,
  'connectivity.changed': ConnectivitySchema,
  'session.changed': SessionStatusSchema,
  'sandbox.changed': SandboxStatusSchema,
  'sync.changed': SyncStatusSchema,
  /** Which cases changed in the cache; the renderer re-reads what it shows. */
  'cases.changed': z.object({ caseIds: z.array(z.string()) }).strict(),
  'search.changed': SearchStatusSchema,
  /** Notes of a case changed (added, edited, carried to a new version). */
  'notes.changed': z.object({ caseId: z.string() }).strict(),
  /** The outbox changed: counts, and which items moved (the renderer re-reads what it shows). */
  'serving.changed': z.object({ status: OutboxStatusSchema, itemIds: z.array(z.string()), acceptedIds: z.array(z.string()) }).strict(),
  'hearings.changed': z.object({ caseId: z.string() }).strict(),
  /** Forms of a case changed (CP's copy refreshed, a draft saved, sent, merged or refused). */
  'forms.changed': z.object({ caseId: z.string(), formIds: z.array(z.string()) }).strict(),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

/** What the renderer sees as `window.bluebag`, whichever transport carries it. */
export interface BluebagApi {
  call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<CallResult<MethodResult<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
