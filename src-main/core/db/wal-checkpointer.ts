/**
 * Main's side of the checkpoint thread (checkpoint-worker.ts). Until the thread is keyed and open, and
 * again once it has stopped for any reason, main's connection checkpoints itself as SQLite does by
 * default: the WAL can never grow without bound because the thread is missing, slow to start, or dead.
 */
import { Worker } from 'node:worker_threads';
import { workerLaunch } from '../workers';
import type { CheckpointReply, CheckpointRequest, CheckpointThreadData } from './checkpoint-messages';
import type { Database } from './sqlite';

const CHECKPOINT_WORKER_BASENAME = 'checkpoint-worker';
/**
 * Each checkpoint that copies the whole WAL makes main's next commit start the WAL again, and that
 * commit fsyncs the new WAL header on main: SQLite must, or a power cut after the restart could corrupt
 * the file. That fsync is usually under a millisecond, but while the vault is flushing documents the
 * file system can hold it much longer (125 ms seen, strace). So at most one checkpoint per interval:
 * at 500 ms a first sync restarted the WAL ~40 times; at 5 s, a handful, fewer than main's own
 * checkpoints every 1000 pages did, and without their two fsyncs each.
 */
const DEFAULT_INTERVAL_MS = 5_000;
/** A thread that does not end within this after `stop` is terminated. */
const STOP_GRACE_MS = 2_000;
/** No thread (no entry in this build, or it could not be started): main goes on checkpointing itself. */
const MAIN_CHECKPOINTS: WalCheckpointer = { ready: Promise.resolve(false), stop: () => Promise.resolve() };

export interface WalCheckpointerOptions {
  /** The database file main's connection has open. */
  file: string;
  key: Buffer;
  intervalMs?: number;
  /** Each checkpoint the thread completes, with the frames it copied (the tests watch it). */
  onCheckpoint?: (frames: number) => void;
}

export interface WalCheckpointer {
  /** Resolves true once the thread checkpoints instead of main, false if it never will (no entry, failed to open). */
  readonly ready: Promise<boolean>;
  /** Ends the thread; main checkpoints itself again. Safe to call twice. */
  stop(): Promise<void>;
}

export function startWalCheckpointer(db: Database, options: WalCheckpointerOptions): WalCheckpointer {
  const launch = workerLaunch(import.meta.url, CHECKPOINT_WORKER_BASENAME);
  if (!launch) return MAIN_CHECKPOINTS;
  const inlinePages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  const data: CheckpointThreadData = {
    file: options.file,
    key: new Uint8Array(options.key),
    intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
  };
  let worker: Worker;
  try {
    worker = new Worker(launch.source, { eval: launch.eval, workerData: { ...data, ...launch.workerData } });
  } catch {
    return MAIN_CHECKPOINTS;
  }
  // Never the reason the process stays alive: it has nothing to finish that the WAL does not keep.
  worker.unref();
  let resolveReady: (ready: boolean) => void = () => undefined;
  const ready = new Promise<boolean>((resolve) => {
    resolveReady = resolve;
  });
  worker.on('message', (reply: CheckpointReply) => {
    switch (reply.kind) {
      case 'ready':
        if (db.open) db.pragma('wal_autocheckpoint = 0');
        resolveReady(true);
        break;
      case 'checkpointed':
        options.onCheckpoint?.(reply.frames);
        break;
    }
  });
  // An uncaught error in the thread (a wrong key, say) is always followed by 'exit', handled there.
  worker.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => {
    worker.on('exit', () => {
      if (db.open) db.pragma(`wal_autocheckpoint = ${inlinePages}`);
      resolveReady(false);
      resolve();
    });
  });
  let stopping: Promise<void> | null = null;
  return {
    ready,
    stop: () => {
      stopping ??= (async () => {
        worker.postMessage({ kind: 'stop' } satisfies CheckpointRequest);
        const timer = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
