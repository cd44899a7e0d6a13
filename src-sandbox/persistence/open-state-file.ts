/**
 * Deciding, at start, what to do with an existing state file: use it, or set it
 * aside and start fresh. The decision comes before the world is generated because
 * a reused file also fixes the anchor date: hearings are placed around the anchor,
 * so a restart on a later day keeps the saved anchor and the world stays the one
 * the user's changes were made in (an explicit, different anchor is another world).
 */
import path from 'node:path';
import type { DatasetName } from '../model';
import { GENERATOR_VERSION } from '../seed/dataset';
import { todayUtc } from '../seed/dates';
import type { StateDocument, World } from './schema';
import { moveAside, readStateFile } from './state-file';

export interface StateFileStart {
  readonly file: string;
  /** The world to generate: the saved one when the file is reused. */
  readonly world: World;
  /** The saved document to restore on top of that world, or null to start fresh. */
  readonly saved: StateDocument | null;
}

export interface WantedWorld {
  readonly dataset: DatasetName;
  readonly seed: number;
  /** Undefined = "today", unless a reusable state file says otherwise. */
  readonly anchorDate: string | undefined;
}

export async function openStateFile(stateFile: string, want: WantedWorld, log: (line: string) => void): Promise<StateFileStart> {
  const file = path.resolve(stateFile);
  const fresh = (): StateFileStart => ({ file, world: { dataset: want.dataset, seed: want.seed, anchorDate: want.anchorDate ?? todayUtc(), generatorVersion: GENERATOR_VERSION }, saved: null });
  const read = await readStateFile(file);
  switch (read.kind) {
    case 'missing':
      return fresh();
    case 'unreadable':
      await setAside(file, 'corrupt', read.reason, log);
      return fresh();
    case 'ok': {
      const w = read.doc.world;
      const differs = [
        w.dataset !== want.dataset ? 'dataset' : null,
        w.seed !== want.seed ? 'seed' : null,
        want.anchorDate !== undefined && w.anchorDate !== want.anchorDate ? 'anchor date' : null,
        w.generatorVersion !== GENERATOR_VERSION ? 'generator version' : null,
      ].filter((x): x is string => x !== null);
      if (differs.length > 0) {
        // Kept rather than overwritten: it may be someone's other sample world.
        await setAside(file, 'replaced', `belongs to another sample world (different ${differs.join(', ')})`, log);
        return fresh();
      }
      return { file, world: w, saved: read.doc };
    }
  }
}

/** Moves an unusable state file aside and logs one line (file base names only, no contents). */
export async function setAside(file: string, label: 'corrupt' | 'replaced', reason: string, log: (line: string) => void): Promise<void> {
  const name = path.basename(file);
  try {
    const kept = await moveAside(file, label);
    log(`state file ${name} ${reason}; moved aside as ${kept}, starting fresh`);
  } catch (err) {
    log(`state file ${name} ${reason}; could not move it aside (${(err as NodeJS.ErrnoException).code ?? 'error'}), starting fresh and overwriting it`);
  }
}
