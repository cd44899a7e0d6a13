/** What main and the checkpoint thread (checkpoint-worker.ts) say to each other. */

export interface CheckpointThreadData {
  file: string;
  key: Uint8Array;
  /** How often the thread looks at the WAL file for new frames. */
  intervalMs: number;
}

/** Thread → main. `ready`: keyed and open, main may stop checkpointing itself. */
export type CheckpointReply = { kind: 'ready' } | { kind: 'checkpointed'; frames: number };

/** Main → thread. */
export type CheckpointRequest = { kind: 'stop' };

export function parseThreadData(value: unknown): CheckpointThreadData {
  if (typeof value !== 'object' || value === null) throw new Error('checkpoint thread started without data');
  const { file, key, intervalMs } = value as Record<string, unknown>;
  if (typeof file !== 'string' || !(key instanceof Uint8Array) || typeof intervalMs !== 'number' || !(intervalMs > 0)) {
    throw new Error('checkpoint thread started with bad data');
  }
  return { file, key, intervalMs };
}
