/**
 * The sync benchmark's scratch folders (each sync's cache, each baseline's downloads), kept until every
 * run is over instead of deleted after each one.
 *
 * Why: deleting thousands of files just before the next run makes that run pay for them. On an ext4
 * without a journal (the project VM's root file system) the inode allocator skips every inode freed
 * in the last 30–55 s, reading each one's inode-table block to check (the kernel's recently_deleted):
 * a perf profile of a sync started right after a 2,066-file delete spent 9 % of both cores there,
 * inside file creation. Whichever run came after a delete paid it — the download baseline in every
 * round, the sync in all but the first — which is noise, not either side's cost. No user's first
 * sync follows such a delete.
 *
 * Instead each run's files stay until every run is over, but emptied: after each run, outside the
 * timed windows, every file system is flushed (sync(1)), so no run's writeback lands in the next
 * one's (the download baseline leaves ~1.8 GB dirty in the page cache; deleting it used to drop that
 * unwritten), and then each of the run's files is truncated to nothing. That frees its pages and
 * blocks as a delete would, so the page cache does not fill up run after run (which slowed the later
 * rounds' downloads more than their syncs), but keeps its inode, so no later file pays for it. The
 * folders go at the end, and the next benchmark run waits until the allocator has forgotten them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
/** sync(1): writes back everything dirty, on every file system. */
const flushFileSystems = (): Promise<unknown> => execFileAsync('sync');

// Its own prefix: other benchmarks keep caches of their own under bluebag-bench-*.
const PREFIX = 'bluebag-sync-scratch-';
const STAMP = path.join(os.tmpdir(), 'bluebag-sync-scratch.stamp');
/** ext4 without a journal treats an inode as recently deleted for 30 s, or 30 + 5 × commit (5 s) while its block is dirty. */
const INODE_QUIET_MS = 60_000;

function truncateAll(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) truncateAll(file);
    else if (entry.isFile()) truncateSync(file, 0);
  }
}

export class ScratchDirs {
  readonly #dirs: string[] = [];
  /** Made since the last settle(): their files are emptied by it. */
  readonly #unsettled: string[] = [];

  /** A new empty folder in the temp dir, removed by removeAll(). */
  make(name: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${name}-`));
    this.#dirs.push(dir);
    this.#unsettled.push(dir);
    return dir;
  }

  /**
   * Between two timed runs: writes back everything dirty, on every file system, then empties the files
   * of the folders made since the last call, and writes back what the truncation itself dirtied (inode
   * and bitmap blocks), so that lands outside the next run too. Whatever used them must have closed them.
   *
   * Asynchronous on purpose: writing back a download's 1.8 GB can take longer than the sandbox's 5 s
   * keep-alive. A blocked event loop would not see the server close the idle connections meanwhile, and
   * the next run's first requests would go out on dead sockets ("other side closed").
   */
  async settle(): Promise<void> {
    await flushFileSystems();
    for (const dir of this.#unsettled.splice(0)) truncateAll(dir);
    await flushFileSystems();
  }

  /** Deletes every folder made, and notes when, so the next run can wait for the allocator. */
  removeAll(): void {
    for (const dir of this.#dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    writeFileSync(STAMP, String(Date.now()));
  }
}

/**
 * Removes scratch folders a killed run left behind, then waits until INODE_QUIET_MS have passed since
 * the last delete (this or an earlier run's). Returns how long it waited.
 */
export async function quietInodes(): Promise<number> {
  const leftovers = readdirSync(os.tmpdir()).filter((name) => name.startsWith(PREFIX));
  if (leftovers.length > 0) {
    for (const name of leftovers) rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    writeFileSync(STAMP, String(Date.now()));
  }
  let last = 0;
  try {
    last = Number(readFileSync(STAMP, 'utf8'));
  } catch {
    return 0;
  }
  const wait = Number.isFinite(last) ? Math.max(0, Math.min(INODE_QUIET_MS, last + INODE_QUIET_MS - Date.now())) : 0;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return wait;
}
