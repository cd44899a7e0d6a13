/**
 * The vault's writer thread (the default): bytes round-trip, buffers handed over with `transfer` move
 * instead of being copied, and the thread's failures arrive as the same typed errors with the same
 * resumable partial as inline writers. A killed process (the thread dies with it) is
 * vault-crash.test.ts, which runs with the default thread writers.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VAULT_CHUNK_SIZE, Vault, VaultFullError, VaultIoError } from '../../../src-main/core/vault';
import type { ThreadFault } from './thread-fault-file';
import { collect, newKey, onlyFile, sha256Hex, tempDir, writeInPieces } from './vault-fixtures';

const C = VAULT_CHUNK_SIZE;
const HEADER = 32;
const STRIDE = C + 28;
const faultModule = pathToFileURL(new URL('./thread-fault-file.ts', import.meta.url).pathname).href;

function faultyThreadVault(dir: string, key: Buffer, fault: ThreadFault): Vault {
  return new Vault(dir, key, { writers: 'thread', threadOpenFile: { module: faultModule, config: fault } });
}

describe('vault writer thread', () => {
  it('round-trips bytes; a transferred buffer moves, anything else is copied and left as it was', async () => {
    const dir = tempDir();
    const vault = new Vault(dir, newKey(), { writers: 'thread' });
    const data = randomBytes(5 * C + 1234);
    const writer = await vault.openWriter('m');
    const head = Buffer.from(data.subarray(0, 2 * C + 10));
    await writer.write(head, { transfer: true });
    expect(head.byteLength).toBe(0); // detached: it now belongs to the thread
    const view = data.subarray(2 * C + 10);
    await writer.write(view, { transfer: true }); // a view into a bigger buffer: copied, not moved
    expect(view.equals(data.subarray(2 * C + 10))).toBe(true);
    expect(writer.committedBytes).toBe(5 * C);
    expect(await writer.finish()).toEqual({ size: data.length, sha256: sha256Hex(data) });
    expect((await collect(vault.readAll('m'))).equals(data)).toBe(true);
    await vault.close();
  });

  it('the filled front of a batch moves with its buffer, which comes back whole to be refilled', async () => {
    const dir = tempDir();
    const vault = new Vault(dir, newKey(), { writers: 'thread' });
    const data = randomBytes(C + 99);
    const batch = new Uint8Array(4 * C);
    batch.set(data);
    const writer = await vault.openWriter('m');
    const recycled: Uint8Array[] = [];
    await writer.write(batch.subarray(0, data.length), { transfer: true, recycle: (buffer) => recycled.push(buffer) });
    expect(batch.byteLength).toBe(0); // moved, not copied
    expect(recycled).toHaveLength(1);
    expect(recycled[0]?.byteLength).toBe(4 * C);
    expect(recycled[0]?.byteOffset).toBe(0);
    expect(await writer.finish()).toEqual({ size: data.length, sha256: sha256Hex(data) });
    expect((await collect(vault.readAll('m'))).equals(data)).toBe(true);
    await vault.close();
  });

  it('ENOSPC in the thread → VaultFullError, partial cut to whole chunks, resumable', async () => {
    const dir = tempDir();
    const key = newKey();
    const vault = faultyThreadVault(dir, key, { freeBytes: HEADER + 4 * STRIDE + 500, code: 'ENOSPC' });
    const data = randomBytes(9 * C + 3);
    const writer = await vault.openWriter('m');
    await expect(writeInPieces(writer, data, C)).rejects.toBeInstanceOf(VaultFullError);
    expect(writer.committedBytes).toBe(4 * C);
    expect(statSync(onlyFile(dir, '.part')).size).toBe(HEADER + 4 * STRIDE);
    await expect(writer.finish()).rejects.toBeInstanceOf(VaultFullError);
    await vault.close();

    const resumed = await new Vault(dir, key, { writers: 'thread' }).openWriter('m');
    expect(resumed.committedBytes).toBe(4 * C);
    await writeInPieces(resumed, data.subarray(resumed.committedBytes));
    expect(await resumed.finish()).toEqual({ size: data.length, sha256: sha256Hex(data) });
  });

  it('a thread that dies mid-write fails the write with VaultIoError; the next open resumes in a new thread', async () => {
    const dir = tempDir();
    const key = newKey();
    // The thread exits at the writev that would pass 6 chunks: what it wrote before stays on disk.
    const vault = faultyThreadVault(dir, key, { exitAfterBytes: HEADER + 6 * STRIDE });
    const data = randomBytes(10 * C + 77);
    const writer = await vault.openWriter('m');
    let committed = 0;
    const error = await (async () => {
      for (let at = 0; at < data.length; at += C) {
        await writer.write(data.subarray(at, at + C));
        committed = writer.committedBytes;
      }
    })().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(VaultIoError);
    expect(committed).toBe(6 * C);
    await expect(writer.write(Buffer.from('more'))).rejects.toBeInstanceOf(VaultIoError);

    // Same vault: a new thread is started (its fault counter starts again, and allows 6 more chunks).
    const resumed = await vault.openWriter('m');
    expect(resumed.committedBytes).toBe(6 * C);
    await writer.close(); // the dead writer's close must not disturb the new one
    await writeInPieces(resumed, data.subarray(resumed.committedBytes));
    expect(await resumed.finish()).toEqual({ size: data.length, sha256: sha256Hex(data) });
    expect((await collect(vault.readAll('m'))).equals(data)).toBe(true);
    await vault.close();
  });

  it('abort of a writer whose thread died removes its partial', async () => {
    const dir = tempDir();
    const vault = faultyThreadVault(dir, newKey(), { exitAfterBytes: HEADER + 2 * STRIDE });
    const writer = await vault.openWriter('m');
    await expect(writer.write(randomBytes(4 * C))).rejects.toBeInstanceOf(VaultIoError);
    await writer.abort();
    expect(() => onlyFile(dir, '.part')).toThrow();
    await vault.close();
  });
});
