import type { CaseRecord } from '../db';
import type { BlobWriter } from '../vault';

/** One page of the associated-cases delta, already validated and mapped to cache records. */
export interface DeltaPage {
  changed: CaseRecord[];
  removed: string[];
  cursor: string;
  hasMore: boolean;
}

export interface MaterialBody {
  /** 206 when the server honoured the offset; 200 means it sent the whole file (start again). */
  status: 200 | 206;
  /**
   * Each chunk is the reader's once yielded (as a web stream's reads are): the queue frees a chunk's
   * memory as soon as it has copied it (vault releaseBuffer), so a source must not yield a buffer it
   * still uses itself.
   */
  body: AsyncIterable<Uint8Array>;
  /** Releases the connection when the body will not be read to the end. */
  cancel(): void;
}

/** What sync needs from Common Platform; the CP client adapter provides it. */
export interface SyncSource {
  /** Throws CursorRejectedError when the server no longer accepts `cursor` (expired, or another server's). */
  associatedCases(cursor: string | null): Promise<DeltaPage>;
  materialContent(materialId: string, offset: number, signal: AbortSignal): Promise<MaterialBody>;
}

/** The server refused the stored cursor: only a full sync (from no cursor) can bring the cache up to date. */
export class CursorRejectedError extends Error {
  constructor() {
    super('the server no longer accepts the associated-cases cursor');
    this.name = 'CursorRejectedError';
  }
}

/** What sync needs from the vault. */
export interface BlobStore {
  openWriter(id: string): Promise<BlobWriter>;
  has(id: string): boolean;
  sha256(id: string): Promise<string>;
  delete(id: string): Promise<void>;
  /** Removes an unfinished write of `id`, keeping its finished blob. */
  discardPartial(id: string): Promise<void>;
}

/** The vault's resumable writer: sync relies on exactly its contract (committedBytes, close keeps the prefix). */
export type { BlobWriter } from '../vault';

/**
 * How a failure should be treated. `offline`: stop trying until connectivity returns; `wait`: the
 * server asked us to slow down (Retry-After), pause everything that long; `retry`: back off this item;
 * `restart`: back off, and throw away the partial file (the server cannot resume it); `diskFull`: pause
 * downloads until the user frees space; `fatal`: stop this item and say why.
 */
export type FailureKind =
  | { kind: 'offline' }
  | { kind: 'wait'; ms: number }
  | { kind: 'retry' }
  | { kind: 'restart' }
  | { kind: 'diskFull' }
  | { kind: 'signInRequired' }
  | { kind: 'fatal' };

export interface ClassifiedFailure {
  failure: FailureKind;
  messageKey: string;
}

export type FailureClassifier = (error: unknown) => ClassifiedFailure;
