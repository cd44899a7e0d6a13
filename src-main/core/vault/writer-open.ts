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

/** Creates the partial file, or returns null when one is already there (to be resumed). */
async function createPartial(request: OpenWriterRequest, openFile: OpenBlobFile): Promise<BlobFile | null> {
  const create = (): Promise<BlobFile | null> =>
    openFile(request.paths.partial, 'wx+').catch((error: unknown) => {
      if (isErrno(error, 'EEXIST')) return null;
      throw error;
    });
  try {
    return await create();
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
    // The folder is made only when missing (the first blob, or after clear()): a mkdir per blob would
    // be a syscall, and a trip to the thread pool, on every download.
    await mkdir(request.paths.dir, { recursive: true, mode: 0o700 });
    return create();
  }
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
    // Most opens are of a new blob: trying to create it first costs one open, where trying to reopen
    // a partial first cost a failed open and then a create (a trip to the thread pool per download).
    file = await createPartial(request, openFile);
    const resuming = file === null;
    file ??= await openFile(request.paths.partial, 'r+');
    // 'wx+' has just created the file: there is nothing to cut back.
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
