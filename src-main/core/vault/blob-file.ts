import { open } from 'node:fs/promises';

/**
 * The few file operations the writer and resume need. It exists as a seam so tests can inject
 * failures that are hard to provoke for real (a disk filling up half-way through a write); Node's
 * FileHandle satisfies it directly.
 */
export interface BlobFile {
  writev(buffers: readonly NodeJS.ArrayBufferView[], position: number): Promise<{ bytesWritten: number }>;
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  truncate(length: number): Promise<void>;
  datasync(): Promise<void>;
  sync(): Promise<void>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}

/** 'r+' reopens an existing partial; 'wx+' creates one that must not exist yet; 'w+' creates (or empties) one. */
export type BlobFileMode = 'r+' | 'wx+' | 'w+';

export type OpenBlobFile = (path: string, mode: BlobFileMode) => Promise<BlobFile>;

export const openBlobFile: OpenBlobFile = (path, mode) => open(path, mode, 0o600);

/** Reads exactly `length` bytes at `position`, or fewer only at end of file. */
export async function readFully(file: Pick<BlobFile, 'read'>, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await file.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}

/**
 * Writes every byte of `buffers` at `position`. writev may write only part of its input (a disk
 * filling up is the usual cause), so this loops over what is left rather than trusting one call.
 */
export async function writeFully(file: Pick<BlobFile, 'writev'>, buffers: readonly Buffer[], position: number): Promise<void> {
  let pending = buffers.filter((buffer) => buffer.length > 0);
  let at = position;
  while (pending.length > 0) {
    const { bytesWritten } = await file.writev(pending, at);
    at += bytesWritten;
    let skip = bytesWritten;
    const rest: Buffer[] = [];
    for (const buffer of pending) {
      if (skip >= buffer.length) {
        skip -= buffer.length;
      } else {
        rest.push(skip > 0 ? buffer.subarray(skip) : buffer);
        skip = 0;
      }
    }
    if (bytesWritten === 0 && rest.length > 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
    pending = rest;
  }
}
