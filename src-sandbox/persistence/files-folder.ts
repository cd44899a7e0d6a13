/**
 * The folder beside the state file that holds served uploads and republished
 * bundles. At start, files the restored state does not refer to are removed:
 * half-received uploads (`*.part`) and documents accepted after the last save
 * before a crash (their receipt was never saved, so a retry uploads them again).
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** Only names the sandbox itself writes are ever deleted, whatever else someone put there. */
const OURS = /^(?:[0-9a-f-]{36}\.pdf|upload-[0-9a-f-]{36}\.part)$/;

export async function prepareFilesFolder(dir: string, keep: ReadonlySet<string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isFile() && OURS.test(entry.name) && !keep.has(entry.name)) await rm(path.join(dir, entry.name), { force: true });
  }
}
