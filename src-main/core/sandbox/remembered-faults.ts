/** The sandbox's fault switches as the user left them (`faults.json`), applied again at the next start. */
import { z } from 'zod';
import { FaultsSchema, type Faults } from '../../../src-sandbox/faults-schema';
import { readRemembered, remember } from './remembered-file';

const FILE = 'faults.json';
const FaultsFileSchema = z.object({ version: z.literal(1), faults: FaultsSchema });

export async function readRememberedFaults(dir: string): Promise<Faults | null> {
  return (await readRemembered(dir, FILE, FaultsFileSchema))?.faults ?? null;
}

export async function rememberFaults(dir: string, faults: Faults): Promise<void> {
  await remember(dir, FILE, { version: 1, faults });
}
