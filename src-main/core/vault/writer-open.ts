import { mkdir } from 'node:fs/promises';
import { type BlobFile, type OpenBlobFile } from './blob-file';
import { VaultBlobWriter, type WriterPaths } from './blob-writer';
import { resumePartial, startFresh } from './partial-recovery';
import { isErrno, toVaultError } from './vault-errors';

export interface OpenWriterRequest {
  id: string;
  paths: WriterPaths;
  syncIntervalBytes: number;
}

/**
 * Opens (creating the folder if it is missing) or resumes the partial file of one blob and returns its
 * writer. The one way a writer is made, whether it runs on the calling thread or in the vault's
 * writer thread, so both keep exactly the same resume rules.
 */
export async function openVaultBlobWriter(
  request: OpenWriterRequest,
  vaultKey: Buffer,
  openFile: OpenBlobFile,
  onClose: (writer: VaultBlobWriter) => void,
): Promise<VaultBlobWriter> {
  let file: BlobFile | null = null;
  try {
    let resuming = true;
    try {
      file = await openFile(request.paths.partial, 'r+');
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
      resuming = false;
      // The folder exists but for the first blob (or after clear()): made only when missing, since
      // a mkdir per blob is a syscall (and a trip to the thread pool) on every download.
      file = await openFile(request.paths.partial, 'w+').catch(async (missing: unknown) => {
        if (!isErrno(missing, 'ENOENT')) throw missing;
        await mkdir(request.paths.dir, { recursive: true, mode: 0o700 });
        return openFile(request.paths.partial, 'w+');
      });
    }
    // 'w+' has just created (or emptied) the file: there is nothing to cut back.
    const start = resuming ? await resumePartial(file, vaultKey, request.id) : await startFresh(file, vaultKey, request.id, { empty: true });
    const writer: VaultBlobWriter = new VaultBlobWriter(file, start, request.paths, {
      syncIntervalBytes: request.syncIntervalBytes,
      onClose: () => onClose(writer),
    });
    return writer;
  } catch (error) {
    if (file) await file.close().catch(() => undefined);
    throw toVaultError(error);
  }
}
