/**
 * Serving documents on the court (magistrates' cases on CP; Crown Court cases go through DCS): staging
 * a file as a draft, the outbox job that sends it, CP's receipt and the deemed-service date, the audit
 * log. This is the only module other code imports from.
 */
export { MAX_SERVE_BYTES, STAGE_PATH } from './serve-limits';
export { stageDocument, type StageResult, type StagingDeps } from './staging';
export { PdfChecker, type PdfCheck } from './pdf-check';
export { ServingService, type OutboxControl, type ServingServiceOptions } from './serving-service';
export { ServingEvents, type ServingChange } from './serving-events';
export { SERVE_JOB, serveJobHandler, onServeJobSettled, type ServeJobDeps } from './serve-job';
export type { ServiceClock, DeemedServiceDate } from './service-clock';
export { appendAudit, type AuditEntry, type AuditEvent } from './audit-log';
export { reviseUncertainDeemedDates } from './deemed-date-revision';
export { cachedCaseForService, type ServeEligibility } from './case-eligibility';
export { ClockEstimateSaver, cpServiceClock, readClockEstimate, type BankHolidayListSource } from './cp-service-clock';
