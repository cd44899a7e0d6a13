export type { CaseRecord, DefendantRecord, DocumentRecord, HearingRecord, MaterialRecord, OffenceRecord } from './case-record';
export { writeCase, removeCase, setKeepOffline, clearNewMaterial } from './case-writes';
export { listCaseSummaries, displayName, type CaseSummaryRow } from './case-reads';
export { getCaseDetail, type CaseDetailRow, type MaterialDownloadState } from './case-detail';
export { readSyncValue, writeSyncValue } from './sync-state';
