import { open } from 'node:fs/promises';

/**
 * fsyncs a folder so a rename into it survives a power cut. Windows cannot open a folder for
 * syncing (and NTFS journals renames itself), so there it is skipped.
 */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
