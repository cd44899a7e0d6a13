/**
 * Common Platform client: the only module the rest of the app imports from core/cp. It talks to CP (or
 * anything speaking CP's API) and returns validated wire records or throws the typed errors below.
 */
export { createCpClient, DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, MAX_DELTA_LIMIT } from './client';
export type { AssociateRequest, CpClient, CpClientOptions } from './client';
export type { ServeDocumentOptions, ServeDocumentRequest } from './document-upload';
export type { ServeReceipt } from './wire/serve';
export type { CheckInRequest, CheckInResponse } from './wire/check-in';
export type { MaterialContentOptions, MaterialStream } from './material-content';
export { createStreamGet, type StreamedAnswer, type StreamGet } from './stream-get';
export type { CaseSearchQuery } from './search-query';
export { MAX_RETRY_AFTER_MS, parseRetryAfter } from './retry-after';
export { parseReprDigest, type DigestResult } from './repr-digest';

export {
  CpBadRequestError,
  CpError,
  CpForbiddenError,
  CpMalformedResponseError,
  CpNotFoundError,
  CpOfflineError,
  CpRangeNotSatisfiableError,
  CpRateLimitedError,
  CpRefusedError,
  CpServerError,
  CpTimeoutError,
  CpUnauthorizedError,
  isCpError,
  isRetryable,
} from './errors';
export type { CpErrorKind, CpOperation, MalformedIssue, MalformedReason } from './errors';

export { CASE_STATUSES, JURISDICTION_TYPES, REPRESENTATION_TYPES } from './wire/common';
export type { CaseStatus, JurisdictionType, RepresentationType } from './wire/common';
export { CP_USER_ROLES } from './wire/user';
export type { CpUser, CpUserRole, WireOrganisation } from './wire/user';
export { CaseSearchResultSchema } from './wire/search';
export type {
  CaseSearchResult,
  WireDefendantSummary,
  WireDefendantSummaryByName,
  WireDefendantSummaryByParts,
  WireHearingSummary,
  WireOffenceSummary,
  WireProsecutionCaseSummary,
} from './wire/search';
export type {
  WireAddress,
  WireAllocationDecision,
  WireAssociatedDefenceOrganisation,
  WireCustodyTimeLimit,
  WireDefendant,
  WireIndicatedPlea,
  WireLegalEntityDefendant,
  WireOffence,
  WirePersonDefendant,
  WirePersonDetails,
  WirePlea,
  WireProsecutionCase,
  WireVerdict,
} from './wire/case';
export type { HearingLanguage, WireCourtCentre, WireDefenceCounsel, WireHearing, WireHearingDay } from './wire/hearing';
export { DOCUMENT_SECTIONS, documentCaseId } from './wire/documents';
export type { DocumentSection, WireCourtDocument, WireDocumentCategory, WireMaterial } from './wire/documents';
export { CaseBundleSchema, CaseDetailSchema, DeltaPageSchema } from './wire/delta';
export type { CaseBundle, CaseDetail, DeltaPage } from './wire/delta';
export type { WireAssociation } from './wire/association';
export { FORM_TYPES, FormAnswersSchema, FormHistoryEntrySchema, FormSchema, FormTypeSchema, LockStatusSchema } from './wire/forms';
export type { FormType, WireForm, WireFormHistoryEntry, WireFormSummary, WireLockStatus } from './wire/forms';
