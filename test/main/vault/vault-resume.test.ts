import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VAULT_CHUNK_SIZE, Vault, VaultBusyError, VaultWriterClosedError } from '../../../src-main/core/vault';
import { collect, onlyFile, sha256Hex, storeBlob, tempVault, writeInPieces } from './vault-fixtures';

const C = VAULT_CHUNK_SIZE;
const HEADER = 32;
const STRIDE = C + 28;

/**
 * Writes `bytes` of `data` and stops without finish(), as a killed process would: close() only
 * releases the file descriptor (which the OS would do for a dead process) and drops the unfinished chunk.
 */
async function writeAndDrop(vault: Vault, id: string, data: Buffer, bytes: number): Promise<number> {
  const writer = await vault.openWriter(id);
  await writeInPieces(writer, data.subarray(0, bytes), 10_000);
  await writer.close();
  return writer.committedBytes;
}

/** Opens a writer in a "new process" (a fresh Vault), finishes the download from where it says, checks it. */
async function resumeAndCheck(dir: string, key: Buffer, id: string, data: Buffer, expectedCommitted: number): Promise<void> {
  const vault = new Vault(dir, key);
  const writer = await vault.openWriter(id);
  expect(writer.committedBytes).toBe(expectedCommitted);
  expect(writer.committedBytes % C).toBe(0);
  expect(vault.has(id)).toBe(false);
  await writeInPieces(writer, data.subarray(writer.committedBytes), 30_000);
  expect(await writer.finish()).toEqual({ size: data.length, sha256: sha256Hex(data) });
  expect((await collect(vault.readAll(id))).equals(data)).toBe(true);
  expect(await vault.sha256(id)).toBe(sha256Hex(data));
}

describe('vault resume', () => {
  it('resumes a dropped writer at the last whole chunk it wrote', async () => {
    const { vault, dir, key } = tempVault();
    const data = randomBytes(4 * 1024 * 1024 + 999);
    const written = 3 * 1024 * 1024 + 12_345;
    const committed = await writeAndDrop(vault, 'm', data, written);
    expect(committed).toBe(Math.floor(written / C) * C);
    expect(statSync(onlyFile(dir, '.part')).size).toBe(HEADER + (committed / C) * STRIDE);
    await resumeAndCheck(dir, key, 'm', data, committed);
  });

  it('cuts a torn tail chunk and resumes before it', async () => {
    const { vault, dir, key } = tempVault();
    const data = randomBytes(2 * 1024 * 1024);
    await writeAndDrop(vault, 'm', data, 20 * C);
    const part = onlyFile(dir, '.part');
    truncateSync(part, HEADER + 12 * STRIDE + 1000);
    await resumeAndCheck(dir, key, 'm', data, 12 * C);
  });

  it('stops at the first chunk that does not verify, even with good chunks after it', async () => {
    const { vault, dir, key } = tempVault();
    const data = randomBytes(2 * 1024 * 1024);
    await writeAndDrop(vault, 'm', data, 20 * C);
    const part = onlyFile(dir, '.part');
    const raw = readFileSync(part);
    raw.fill(0, HEADER + 7 * STRIDE, HEADER + 8 * STRIDE); // a hole a power cut can leave
    writeFileSync(part, raw);
    await resumeAndCheck(dir, key, 'm', data, 7 * C);
  });

  it('starts over when the partial header is not a vault header, or the partial is empty', async () => {
    for (const damage of [(raw: Buffer) => raw.write('NOTVAULT', 0), (raw: Buffer) => raw.subarray(0, 5)]) {
      const { vault, dir, key } = tempVault();
      const data = randomBytes(5 * C);
      await writeAndDrop(vault, 'm', data, 4 * C);
      const part = onlyFile(dir, '.part');
      const raw = readFileSync(part);
      const damaged = damage(raw);
      writeFileSync(part, Buffer.isBuffer(damaged) ? damaged : raw);
      await resumeAndCheck(dir, key, 'm', data, 0);
    }
  });

  it('finishes a resumed write that needs no more bytes (size a multiple of the chunk)', async () => {
    const { vault, dir, key } = tempVault();
    const data = randomBytes(8 * C);
    await writeAndDrop(vault, 'm', data, data.length);
    await resumeAndCheck(dir, key, 'm', data, 8 * C);
  });

  it('cannot resume a partial written under another key: it starts again rather than mixing keys', async () => {
    const { vault, dir } = tempVault();
    const data = randomBytes(3 * C);
    await writeAndDrop(vault, 'm', data, 3 * C);
    await resumeAndCheck(dir, randomBytes(32), 'm', data, 0);
  });

  it('a writer dropped without close() is superseded by the next openWriter in the same vault', async () => {
    const { vault } = tempVault();
    const data = randomBytes(5 * C + 1);
    const dropped = await vault.openWriter('m');
    await dropped.write(data.subarray(0, 3 * C + 100));
    const resumed = await vault.openWriter('m');
    expect(resumed.committedBytes).toBe(3 * C);
    await expect(dropped.write(Buffer.from('late'))).rejects.toBeInstanceOf(VaultWriterClosedError);
    await dropped.abort(); // must not delete the partial that now belongs to `resumed`
    await resumed.write(data.subarray(3 * C));
    expect(await resumed.finish()).toEqual({ size: data.length, sha256: sha256Hex(data) });
  });

  it('allows one writer per blob at a time', async () => {
    const { vault } = tempVault();
    const [first, second] = await Promise.allSettled([vault.openWriter('m'), vault.openWriter('m')]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({ status: 'rejected', reason: expect.any(VaultBusyError) });
    if (first.status !== 'fulfilled') return;
    await first.value.write(randomBytes(100));
    await first.value.finish();
    await expect(first.value.write(Buffer.from('late'))).rejects.toBeInstanceOf(VaultWriterClosedError);
    const again = await vault.openWriter('m');
    await again.abort();
    expect(vault.has('m')).toBe(true); // aborting a re-download leaves the finished copy alone
  });

  it('abort forgets the partial; close keeps it; delete aborts an open writer', async () => {
    const { vault, dir } = tempVault();
    const writer = await vault.openWriter('m');
    await writer.write(randomBytes(5 * C));
    await writer.abort();
    await expect(writer.finish()).rejects.toBeInstanceOf(VaultWriterClosedError);

    const kept = await vault.openWriter('m');
    expect(kept.committedBytes).toBe(0);
    await kept.write(randomBytes(2 * C + 5));
    await kept.close();
    await kept.abort(); // closed: no effect
    const open = await vault.openWriter('m');
    expect(open.committedBytes).toBe(2 * C);

    await vault.delete('m');
    await expect(open.write(Buffer.from('x'))).rejects.toBeInstanceOf(VaultWriterClosedError);
    expect(() => onlyFile(dir, '.part')).toThrow();
    const fresh = await vault.openWriter('m');
    expect(fresh.committedBytes).toBe(0);
    await fresh.abort();
  });

  it('serialises writes that the caller did not await', async () => {
    const { vault } = tempVault();
    const data = randomBytes(10 * C + 5);
    const writer = await vault.openWriter('m');
    const pieces: Array<Promise<void>> = [];
    for (let at = 0; at < data.length; at += 7777) pieces.push(writer.write(data.subarray(at, at + 7777)));
    const finished = writer.finish();
    await Promise.all(pieces);
    expect(await finished).toEqual({ size: data.length, sha256: sha256Hex(data) });
  });

  it('replaces a finished blob when the same id is written again', async () => {
    const { vault } = tempVault();
    await storeBlob(vault, 'm', randomBytes(3 * C));
    expect(await collect(vault.readRange('m', 0, 5))).toHaveLength(6);
    const next = randomBytes(C / 2);
    await storeBlob(vault, 'm', next);
    expect(vault.size('m')).toBe(next.length);
    expect((await collect(vault.readRange('m', 0, 9))).equals(next.subarray(0, 10))).toBe(true);
  });
});
