/**
 * Loaded inside the vault's writer thread by the writer-thread tests (VaultOptions.threadOpenFile):
 * real files whose writes stop with `code` once `freeBytes` are used up, or whose thread exits (as a
 * crash would) once `exitAfterBytes` have been written.
 */
import { open } from 'node:fs/promises';
import type { BlobFile, OpenBlobFile } from '../../../src-main/core/vault';

export interface ThreadFault {
  freeBytes?: number;
  code?: string;
  exitAfterBytes?: number;
}

export function createOpenFile(config: unknown): OpenBlobFile {
  const fault = { ...(config as ThreadFault) };
  let written = 0;
  return async (file, mode) => {
    const inner = await open(file, mode, 0o600);
    const fail = () => Object.assign(new Error(`${fault.code ?? 'ENOSPC'}: injected`), { code: fault.code ?? 'ENOSPC' });
    const wrapped: BlobFile = {
      read: (...args) => inner.read(...args),
      truncate: (length) => inner.truncate(length),
      stat: () => inner.stat(),
      close: () => inner.close(),
      datasync: () => inner.datasync(),
      sync: () => inner.sync(),
      async writev(buffers, position) {
        const total = buffers.reduce((sum, buffer) => sum + buffer.byteLength, 0);
        if (fault.exitAfterBytes !== undefined && written + total > fault.exitAfterBytes) process.exit(70);
        if (fault.freeBytes !== undefined) {
          if (fault.freeBytes <= 0) throw fail();
          if (total > fault.freeBytes) {
            const joined = Buffer.concat(buffers.map((buffer) => Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)));
            const fits = joined.subarray(0, fault.freeBytes);
            fault.freeBytes = 0;
            written += fits.length;
            return inner.writev([fits], position);
          }
          fault.freeBytes -= total;
        }
        written += total;
        return inner.writev(buffers, position);
      },
    };
    return wrapped;
  };
}
