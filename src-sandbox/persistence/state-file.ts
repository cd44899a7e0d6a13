/**
 * Reading, writing and setting aside the state file. Writes are atomic (temp file,
 * fsync, rename) so a crash mid-save leaves the previous state, never half a file.
 * Nothing here logs paths or contents: the caller logs one line with the file's
 * base name only (the folder can name the user).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { STATE_FORMAT, STATE_FORMAT_VERSION, StateDocumentSchema, type StateDocument } from './schema';

export type StateFileRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly reason: string }
  | { readonly kind: 'ok'; readonly doc: StateDocument };

/** Served uploads and republished bundles live beside the state file: `state.json` → `state.files/`. */
export function filesDirFor(stateFile: string): string {
  const ext = path.extname(stateFile);
  return `${ext === '' ? stateFile : stateFile.slice(0, -ext.length)}.files`;
}

export async function readStateFile(file: string): Promise<StateFileRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: 'is not valid JSON' };
  }
  const head = raw as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== STATE_FORMAT) return { kind: 'unreadable', reason: 'is not a sandbox state file' };
  if (head.formatVersion !== STATE_FORMAT_VERSION) return { kind: 'unreadable', reason: `is format version ${String(head.formatVersion)}, this sandbox reads ${STATE_FORMAT_VERSION}` };
  const parsed = StateDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    // Name where it went wrong, never the value found there.
    const where = parsed.error.issues[0]?.path.join('.') ?? '?';
    return { kind: 'unreadable', reason: `does not have the expected shape (at ${where})` };
  }
  return { kind: 'ok', doc: parsed.data };
}

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await renameWithRetry(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

/** Moves a file we cannot use out of the way, keeping it for inspection; answers the new base name. */
export async function moveAside(file: string, label: 'corrupt' | 'replaced'): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-'); // no ':' in Windows file names
  const target = `${file}.${label}-${stamp}`;
  await renameWithRetry(file, target);
  return path.basename(target);
}

/** Windows refuses a rename while another process (a virus scanner, an indexer) briefly holds the file. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}
