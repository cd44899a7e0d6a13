import { randomBytes } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VAULT_CHUNK_SIZE, Vault, VaultCorruptError } from '../../../src-main/core/vault';
import { collect, newKey, onlyFile, storeBlob, tempVault } from './vault-fixtures';

const C = VAULT_CHUNK_SIZE;
// Mirrors the documented format: 32-byte header, then chunks of nonce 12 | ciphertext | tag 16.
const HEADER = 32;
const STRIDE = C + 28;

async function readFails(read: () => AsyncIterable<Buffer>): Promise<unknown> {
  try {
    await collect(read());
  } catch (error) {
    return error;
  }
  return null;
}

async function fixture(chunks = 4) {
  const setup = tempVault();
  const data = randomBytes(chunks * C + 100);
  await storeBlob(setup.vault, 'doc', data);
  return { ...setup, data, file: onlyFile(setup.dir, '.blob') };
}

describe('vault integrity', () => {
  it('refuses to decrypt with the wrong key', async () => {
    const { dir } = await fixture();
    const other = new Vault(dir, newKey());
    expect(await readFails(() => other.readAll('doc'))).toBeInstanceOf(VaultCorruptError);
    expect(await readFails(() => other.readRange('doc', 0, 10))).toMatchObject({ messageKey: 'errors.vaultCorrupt' });
    await expect(other.sha256('doc')).rejects.toBeInstanceOf(VaultCorruptError);
  });

  it('detects one flipped byte in the chunk it touches, while other ranges still read', async () => {
    const { vault, file, data } = await fixture();
    const raw = readFileSync(file);
    const at = HEADER + 2 * STRIDE + 12 + 500; // inside chunk 2's ciphertext
    raw[at] = (raw[at] ?? 0) ^ 0x01;
    writeFileSync(file, raw);

    const error = await readFails(() => vault.readRange('doc', 2 * C + 10, 2 * C + 20));
    expect(error).toBeInstanceOf(VaultCorruptError);
    expect(error).toMatchObject({ chunkIndex: 2 });
    expect(await readFails(() => vault.readRange('doc', 2 * C - 5, 2 * C + 5))).toBeInstanceOf(VaultCorruptError);
    expect(await readFails(() => vault.readAll('doc'))).toBeInstanceOf(VaultCorruptError);
    expect((await collect(vault.readRange('doc', 0, 2 * C - 1))).equals(data.subarray(0, 2 * C))).toBe(true);
    expect((await collect(vault.readRange('doc', 3 * C, data.length - 1))).equals(data.subarray(3 * C))).toBe(true);
  });

  it('detects a flipped nonce or tag byte, and an edited header', async () => {
    for (const at of [HEADER + STRIDE + 3, HEADER + 2 * STRIDE - 1, 20, 9]) {
      const { vault, file } = await fixture(2);
      const raw = readFileSync(file);
      raw[at] = (raw[at] ?? 0) ^ 0x80;
      writeFileSync(file, raw);
      expect(await readFails(() => vault.readRange('doc', C, C + 1)), `offset ${at}`).toBeInstanceOf(VaultCorruptError);
    }
  });

  it('detects truncation at a chunk boundary, mid-chunk, and down to the header', async () => {
    for (const length of [HEADER + 3 * STRIDE, HEADER + 4 * STRIDE, HEADER + 4 * STRIDE + 27, HEADER + 4 * STRIDE + 60, HEADER + 2 * STRIDE + 1000, HEADER, 10]) {
      const { vault, file } = await fixture();
      truncateSync(file, length);
      const outcome = await (async () => {
        try {
          await vault.sha256('doc');
          return null;
        } catch (error) {
          return error;
        }
      })();
      expect(outcome, `length ${length}`).toBeInstanceOf(VaultCorruptError);
      // A range far from the cut still refuses, so a viewer never shows part of a damaged bundle.
      expect(await readFails(() => vault.readRange('doc', 0, 10)), `length ${length}`).toBeInstanceOf(VaultCorruptError);
    }
  });

  it('detects an empty blob truncated to its header', async () => {
    const { vault, dir } = tempVault();
    await storeBlob(vault, 'e', Buffer.alloc(0));
    truncateSync(onlyFile(dir, '.blob'), HEADER);
    expect(() => vault.size('e')).toThrow(VaultCorruptError);
  });

  it('detects two chunks swapped', async () => {
    const { vault, file, data } = await fixture();
    const raw = readFileSync(file);
    const one = Buffer.from(raw.subarray(HEADER + STRIDE, HEADER + 2 * STRIDE));
    raw.copy(raw, HEADER + STRIDE, HEADER + 2 * STRIDE, HEADER + 3 * STRIDE);
    one.copy(raw, HEADER + 2 * STRIDE);
    writeFileSync(file, raw);
    expect(await readFails(() => vault.readRange('doc', C, C))).toBeInstanceOf(VaultCorruptError);
    expect(await readFails(() => vault.readRange('doc', 2 * C, 2 * C))).toBeInstanceOf(VaultCorruptError);
    expect((await collect(vault.readRange('doc', 0, C - 1))).equals(data.subarray(0, C))).toBe(true);
  });

  it('detects a chunk or a whole file moved from another blob', async () => {
    const { vault, dir } = tempVault();
    await storeBlob(vault, 'a', randomBytes(3 * C));
    const fileA = onlyFile(dir, '.blob');
    await storeBlob(vault, 'b', randomBytes(3 * C));
    const fileB = readdirSync(dir)
      .map((name) => path.join(dir, name))
      .find((file) => file !== fileA);
    if (!fileB) throw new Error('no second blob');

    const rawA = readFileSync(fileA);
    const rawB = readFileSync(fileB);
    rawA.copy(rawB, HEADER + STRIDE, HEADER + STRIDE, HEADER + 2 * STRIDE);
    writeFileSync(fileB, rawB);
    expect(await readFails(() => vault.readRange('b', C, C))).toBeInstanceOf(VaultCorruptError);

    copyFileSync(fileA, fileB);
    expect(await readFails(() => vault.readAll('b'))).toBeInstanceOf(VaultCorruptError);
  });

  it('detects the final chunk dropped with a non-final chunk left at the end', async () => {
    // Exactly 3 full chunks: the file holds 3 full chunks and an empty final chunk. Cutting the empty
    // final chunk leaves a length that looks like "2 full chunks + a short final chunk" only if the
    // format did not insist on the final chunk being shorter than a full one.
    const { vault, dir } = tempVault();
    await storeBlob(vault, 'd', randomBytes(3 * C));
    const file = onlyFile(dir, '.blob');
    truncateSync(file, HEADER + 3 * STRIDE);
    expect(() => vault.size('d')).toThrow(VaultCorruptError);
  });
});
