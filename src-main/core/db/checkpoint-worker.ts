/**
 * worker_threads entry: checkpoints the cache's WAL on a connection of its own, so that a checkpoint's
 * two fsyncs (the WAL, then the database file: 15-25 ms together on the 2-core test machine, about
 * eight times in a first sync) never hold main's event loop. PASSIVE mode never waits for main's
 * readers or its writer, and main never waits for this thread. Main turns its own automatic
 * checkpoints off once this thread says `ready`, and back on when it stops; how often it runs, and
 * why no more often, is in wal-checkpointer.ts. Bundled as dist/main/checkpoint-worker.js
 * (scripts/build.mjs).
 */
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from './cipher-key';
import { parseThreadData, type CheckpointReply, type CheckpointRequest } from './checkpoint-messages';

const port = parentPort;
if (port) {
  const data = parseThreadData(workerData);
  const db = new Database(data.file, { fileMustExist: true });
  applyKey(db, Buffer.from(data.key));
  // Reading the schema is what fails for a wrong key: the thread then dies, and main keeps checkpointing.
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  const walFile = `${data.file}-wal`;
  let seen = '';

  const checkpoint = (): void => {
    // The WAL file changes size or time whenever main commits: nothing new, nothing to do.
    const stat = statSync(walFile, { throwIfNoEntry: false });
    const mark = stat ? `${stat.size}:${stat.mtimeMs}` : '';
    if (mark === seen || mark === '') return;
    try {
      const [result] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
      // Only a complete one counts as done; a partial one (main mid-commit) is finished next time.
      if (result && result.busy === 0 && result.checkpointed === result.log) {
        seen = mark;
        port.postMessage({ kind: 'checkpointed', frames: result.log } satisfies CheckpointReply);
      }
    } catch {
      // A busy lock or a full disk: the WAL keeps the frames, and the next look tries again.
    }
  };

  const timer = setInterval(checkpoint, data.intervalMs);
  port.on('message', (message: CheckpointRequest) => {
    switch (message.kind) {
      case 'stop':
        clearInterval(timer);
        db.close();
        port.close();
        break;
    }
  });
  port.postMessage({ kind: 'ready' } satisfies CheckpointReply);
}
