/**
 * The port the sample-case sandbox last listened on, kept in `port.json` in the sandbox's state folder.
 * Reusing it keeps the sandbox's base URL (its OAuth issuer) the same across app restarts, so tokens
 * stored for that URL still apply and the user stays signed in to the sample world.
 */
import { z } from 'zod';
import { readRemembered, remember } from './remembered-file';

const FILE = 'port.json';
const PortFileSchema = z.object({ version: z.literal(1), port: z.number().int().min(1024).max(65535) });

export async function readRememberedPort(dir: string): Promise<number | null> {
  return (await readRemembered(dir, FILE, PortFileSchema))?.port ?? null;
}

export async function rememberPort(dir: string, port: number): Promise<void> {
  await remember(dir, FILE, { version: 1, port });
}
