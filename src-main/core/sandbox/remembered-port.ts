/**
 * The port the sample-case sandbox last listened on, kept in `port.json` in the
 * sandbox's state folder. Reusing it keeps the sandbox's base URL (its OAuth issuer)
 * the same across app restarts, so tokens stored for that URL still apply and the
 * user stays signed in to the sample world.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

const FILE = 'port.json';

/** Null when nothing usable is remembered (first run, or a file someone edited badly). */
export async function readRememberedPort(dir: string): Promise<number | null> {
  try {
    const parsed = JSON.parse(await readFile(path.join(dir, FILE), 'utf8')) as { version?: unknown; port?: unknown };
    const port = parsed.port;
    return parsed.version === 1 && typeof port === 'number' && Number.isInteger(port) && port >= 1024 && port <= 65535 ? port : null;
  } catch {
    return null;
  }
}

export async function rememberPort(dir: string, port: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, FILE);
  const tmp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, `${JSON.stringify({ version: 1, port })}\n`, 'utf8');
    await rename(tmp, target);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}
