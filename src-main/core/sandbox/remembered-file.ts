/**
 * Small JSON files in the sandbox's state folder that make an app restart find the sample world as it
 * was left: its port (so its OAuth issuer, and the user's sign-in, stay the same) and its fault switches
 * (a server the user switched off stays off, with its clock where they set it).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';

/** Null when nothing usable is remembered (first run, or a file someone edited badly). */
export async function readRemembered<S extends z.ZodType>(dir: string, file: string, schema: S): Promise<z.output<S> | null> {
  try {
    const parsed = schema.safeParse(JSON.parse(await readFile(path.join(dir, file), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written whole or not at all (temp file, then rename). */
export async function remember(dir: string, file: string, value: unknown): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, file);
  const tmp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, `${JSON.stringify(value)}\n`, 'utf8');
    await rename(tmp, target);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}
