/** Hearing check-in: the advocate's attendance, sent through the outbox. The only module other code imports from. */
export { CheckInService, type CheckInServiceOptions } from './check-in-service';
export { CHECK_IN_JOB, checkInJobHandler, onCheckInJobSettled, type CheckInJobDeps } from './check-in-job';
export { cpAdvocateStatus, type AdvocateStatus } from './advocate-status';
