/** The durable outbox: everything the app sends to Common Platform. */
export { JobRefusedError, Outbox, type OutboxHandler, type OutboxOptions, type OutboxPause } from './outbox';
export { enqueueJob, listOpenJobs, newestCaseJob, readJob, updateJob, type OutboxJob, type OutboxJobState } from './outbox-jobs';
