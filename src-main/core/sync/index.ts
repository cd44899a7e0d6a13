export { SyncEngine, type SyncRunState, type SyncEngineOptions } from './sync-engine';
export { DownloadQueue, type DownloadProgress, type DownloadQueueOptions } from './download-queue';
export { backoffMs } from './backoff';
export type { BlobStore, BlobWriter, ClassifiedFailure, DeltaPage, FailureClassifier, FailureKind, MaterialBody, SyncSource } from './sync-source';
export { CursorRejectedError } from './sync-source';
export { cpSyncSource } from './cp-sync-source';
export { caseRecordFromBundle } from './case-record-mapper';
export { classifyFailure } from './failure-classifier';
