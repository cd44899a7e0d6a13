import { CpBadRequestError, MAX_DELTA_LIMIT, type CpClient } from '../cp';
import { caseRecordFromBundle } from './case-record-mapper';
import { CursorRejectedError, type DeltaPage, type MaterialBody, type SyncSource } from './sync-source';

/**
 * What sync needs from Common Platform, on top of the CP client (which has validated every answer).
 * The first page this source asks for holds at most `firstPageSize` cases; every later one `pageSize`.
 */
export function cpSyncSource(client: CpClient, pageSize = MAX_DELTA_LIMIT, firstPageSize = pageSize): SyncSource {
  let limit = Math.min(firstPageSize, pageSize);
  return {
    async associatedCases(cursor): Promise<DeltaPage> {
      const asked = limit;
      limit = pageSize;
      const page = await client.associatedCases(cursor, asked).catch((error: unknown) => {
        if (cursor !== null && error instanceof CpBadRequestError && error.errorCode === 'INVALID_CURSOR') throw new CursorRejectedError();
        throw error;
      });
      return { changed: page.changed.map(caseRecordFromBundle), removed: [...page.removed], cursor: page.cursor, hasMore: page.hasMore };
    },
    async materialContent(materialId, offset, signal): Promise<MaterialBody> {
      const stream = await client.materialContent(materialId, { offset, signal });
      return { status: stream.status, body: stream.body, cancel: () => stream.cancel() };
    },
  };
}
