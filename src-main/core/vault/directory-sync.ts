import { open } from 'node:fs/promises';

/** Per folder: the sync in flight, and the one queued behind it that every later caller shares. */
interface FolderSyncs {
  running: Promise<void> | null;
  queued: Promise<void> | null;
}

const folders = new Map<string, FolderSyncs>();

/**
 * fsyncs a folder so a rename into it survives a power cut. Windows cannot open a folder for
 * syncing (and NTFS journals renames itself), so there it is skipped.
 *
 * Concurrent callers share syncs (group commit): one fsync makes durable every rename that completed
 * before it started, so a caller arriving while one runs waits for the next, and every caller arriving
 * meanwhile shares that next one. With four downloads finishing close together this is one or two
 * folder fsyncs instead of four, and no caller ever returns before a sync that began after its rename.
 */
export function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return Promise.resolve();
  let syncs = folders.get(dir);
  if (!syncs) {
    syncs = { running: null, queued: null };
    folders.set(dir, syncs);
  }
  const state = syncs;
  const start = (): Promise<void> => {
    const run = fsyncFolder(dir).finally(() => {
      if (state.running === run) state.running = null;
      if (state.running === null && state.queued === null) folders.delete(dir);
    });
    state.running = run;
    return run;
  };
  if (state.running === null) return start();
  state.queued ??= state.running
    .catch(() => undefined)
    .then(() => {
      state.queued = null;
      return start();
    });
  return state.queued;
}

async function fsyncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
