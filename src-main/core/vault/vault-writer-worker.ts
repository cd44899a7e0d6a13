/**
 * worker_threads entry: the vault's writer thread. It owns every open blob writer of one Vault —
 * hashing, sealing in 64 KiB chunks, writing, fsyncing and renaming — so none of that CPU or file I/O
 * runs on main's event loop. Main sends plaintext (transferred) and gets committedBytes back; the
 * writers themselves are the very VaultBlobWriter main would run inline, so the on-disk format and
 * every resume guarantee are the same. Bundled as dist/main/vault-writer-worker.js (scripts/build.mjs).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openBlobFile, type OpenBlobFile } from './blob-file';
import { type VaultBlobWriter } from './blob-writer';
import { toVaultError, VaultWriterClosedError } from './vault-errors';
import { toWireError, type WriterReply, type WriterRequest, type WriterThreadData } from './writer-messages';
import { openVaultBlobWriter } from './writer-open';

function threadData(value: unknown): WriterThreadData {
  if (typeof value !== 'object' || value === null || !('vaultKey' in value) || !(value.vaultKey instanceof Uint8Array)) {
    throw new Error('vault writer thread started without a key');
  }
  const module = 'openFileModule' in value && typeof value.openFileModule === 'string' ? value.openFileModule : null;
  return { vaultKey: value.vaultKey, openFileModule: module, openFileConfig: 'openFileConfig' in value ? value.openFileConfig : null };
}

async function loadOpenFile(data: WriterThreadData): Promise<OpenBlobFile> {
  if (data.openFileModule === null) return openBlobFile;
  const loaded: unknown = await import(data.openFileModule);
  if (typeof loaded !== 'object' || loaded === null || !('createOpenFile' in loaded) || typeof loaded.createOpenFile !== 'function') {
    throw new Error('openFileModule has no createOpenFile export');
  }
  return (loaded.createOpenFile as (config: unknown) => OpenBlobFile)(data.openFileConfig);
}

const port = parentPort;
if (port) {
  const data = threadData(workerData);
  const vaultKey = Buffer.from(data.vaultKey);
  const openFile = loadOpenFile(data);
  // Awaited by every open, which reports the failure; this only keeps it from being "unhandled" before.
  openFile.catch(() => undefined);
  const writers = new Map<number, VaultBlobWriter>();
  let nextHandle = 1;

  const reply = (message: WriterReply, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
  const answer = (req: number, writer: number, committedBytes: number, finished: { size: number; sha256: string } | null = null): void =>
    reply({ req, ok: true, writer, committedBytes, finished, returned: null });
  const fail = (req: number, error: unknown): void => reply({ req, ok: false, error: toWireError(toVaultError(error)) });

  const handle = async (message: WriterRequest): Promise<void> => {
    if (message.op === 'open') {
      const writer = await openVaultBlobWriter(
        { id: message.id, paths: message.paths, syncIntervalBytes: message.syncIntervalBytes },
        vaultKey,
        await openFile,
        (closed) => {
          for (const [key, value] of writers) if (value === closed) writers.delete(key);
        },
      );
      const id = nextHandle++;
      writers.set(id, writer);
      return answer(message.req, id, writer.committedBytes);
    }
    const writer = writers.get(message.writer);
    switch (message.op) {
      case 'write': {
        if (!writer) throw new VaultWriterClosedError();
        await writer.write(message.data);
        // Sealed and written: nothing here refers to the plaintext any more, so it goes back to be
        // refilled. Reusing the same few buffers keeps both threads from allocating (and the
        // allocator from fragmenting over) a fresh MiB per MiB downloaded.
        const buffer = message.data.buffer;
        if (!(buffer instanceof ArrayBuffer)) return answer(message.req, message.writer, writer.committedBytes);
        return reply({ req: message.req, ok: true, writer: message.writer, committedBytes: writer.committedBytes, finished: null, returned: message.data }, [buffer]);
      }
      case 'finish': {
        if (!writer) throw new VaultWriterClosedError();
        const finished = await writer.finish();
        return answer(message.req, message.writer, writer.committedBytes, finished);
      }
      case 'abort':
      case 'close': {
        // Already gone (finished, closed, superseded): nothing of its file is ours to touch any more.
        const committed = writer?.committedBytes ?? 0;
        if (writer) await (message.op === 'abort' ? writer.abort() : writer.close());
        return answer(message.req, message.writer, committed);
      }
    }
  };

  // Every request of one writer is queued inside that writer in arrival order, so they are handled
  // concurrently here and still complete in order.
  port.on('message', (message: WriterRequest) => {
    handle(message).catch((error: unknown) => fail(message.req, error));
  });
}
