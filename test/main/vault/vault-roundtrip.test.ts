import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../../../src-main/core/sync/sync-source';
import { VAULT_CHUNK_SIZE, Vault, VaultIdError, VaultKeyError, VaultNotFoundError, VaultRangeError } from '../../../src-main/core/vault';
import { collect, onlyFile, sha256Hex, storeBlob, tempDir, tempVault, writeInPieces } from './vault-fixtures';

const C = VAULT_CHUNK_SIZE;

describe('vault round trip', () => {
  it('uses 64 KiB chunks, and is the BlobStore the download queue expects', () => {
    expect(C).toBe(65_536);
    const store: BlobStore = new Vault(tempDir(), Buffer.alloc(32));
    expect(store).toBeInstanceOf(Vault);
  });

  for (const size of [0, 1, C - 1, C, C + 1, 2 * C, 5 * 1024 * 1024 + 123]) {
    it(`stores and reads back ${size} bytes`, async () => {
      const { vault } = tempVault();
      const data = randomBytes(size);
      const result = await storeBlob(vault, 'm-1', data);
      expect(result).toEqual({ size, sha256: sha256Hex(data) });
      expect(vault.has('m-1')).toBe(true);
      expect(vault.size('m-1')).toBe(size);
      expect((await collect(vault.readAll('m-1'))).equals(data)).toBe(true);
      expect(await vault.sha256('m-1')).toBe(sha256Hex(data));
    });
  }

  it('gives the same result whatever the write sizes (1 byte, odd, several chunks at once)', async () => {
    const data = randomBytes(3 * C + 777);
    for (const piece of [1_000_003, 4093, 3 * C]) {
      const { vault } = tempVault();
      const writer = await vault.openWriter('x');
      await writeInPieces(writer, data.subarray(0, 5000), 1);
      await writeInPieces(writer, data.subarray(5000), piece);
      expect(await writer.finish()).toEqual({ size: data.length, sha256: sha256Hex(data) });
      expect((await collect(vault.readAll('x'))).equals(data)).toBe(true);
    }
  });

  it('readRange equals the plaintext slice for many random ranges, across chunk boundaries', async () => {
    const { vault } = tempVault();
    const data = randomBytes(6 * C + 4321);
    await storeBlob(vault, 'doc', data);
    const edges = [0, 1, C - 1, C, C + 1, 2 * C - 1, 2 * C, data.length - 1];
    const ranges: Array<[number, number]> = [];
    for (const a of edges) for (const b of edges) if (a <= b) ranges.push([a, b]);
    for (let i = 0; i < 300; i++) {
      const a = Math.floor(Math.random() * data.length);
      const b = Math.min(data.length - 1, a + Math.floor(Math.random() * (Math.random() < 0.5 ? 300 : 3 * C)));
      ranges.push([a, b]);
    }
    for (const [start, end] of ranges) {
      const got = await collect(vault.readRange('doc', start, end));
      expect(got.equals(data.subarray(start, end + 1)), `range ${start}-${end}`).toBe(true);
    }
  });

  it('refuses unsatisfiable ranges up front', async () => {
    const { vault } = tempVault();
    await storeBlob(vault, 'doc', randomBytes(1000));
    await storeBlob(vault, 'empty', Buffer.alloc(0));
    for (const [start, end] of [[-1, 5], [5, 4], [0, 1000], [1000, 1000], [0.5, 3], [0, Number.NaN]] as const) {
      expect(() => vault.readRange('doc', start, end), `${start}-${end}`).toThrow(VaultRangeError);
    }
    expect(() => vault.readRange('empty', 0, 0)).toThrow(VaultRangeError);
    expect(await collect(vault.readAll('empty'))).toHaveLength(0);
  });

  it('keeps plaintext off the disk', async () => {
    const { vault, dir } = tempVault();
    const marker = 'R v SMITH — PRIVILEGED DEFENCE STATEMENT — MARKER-8f3a';
    const text = Buffer.from(`%PDF-1.7\n${`${marker}\n`.repeat(5000)}%%EOF\n`);
    await storeBlob(vault, 'statement', text);
    const raw = readFileSync(onlyFile(dir, '.blob'));
    expect(raw.includes(Buffer.from(marker))).toBe(false);
    expect(raw.includes(Buffer.from('%PDF'))).toBe(false);
    expect(raw.includes(text.subarray(0, 64))).toBe(false);
    // Ciphertext looks random: every byte value appears, nothing like the text's small alphabet.
    expect(new Set(raw.subarray(64)).size).toBe(256);
    expect(raw.length).toBeGreaterThan(text.length);
  });

  it('reports usage of finished blobs only, and deletes finished and partial blobs', async () => {
    const { vault } = tempVault();
    expect(await vault.usage()).toEqual({ bytes: 0, blobs: 0 });
    await storeBlob(vault, 'a', randomBytes(C + 10));
    await storeBlob(vault, 'b', randomBytes(10));
    const partial = await vault.openWriter('c');
    await partial.write(randomBytes(3 * C));
    const usage = await vault.usage();
    expect(usage.blobs).toBe(2);
    expect(usage.bytes).toBeGreaterThan(C + 20);
    expect(usage.bytes).toBeLessThan(C + 20 + 200);

    await vault.delete('a');
    await vault.delete('c');
    expect(vault.has('a')).toBe(false);
    expect(vault.size('a')).toBeNull();
    expect((await vault.openWriter('c')).committedBytes).toBe(0);
    expect((await vault.usage()).blobs).toBe(1);
    await vault.delete('never-existed');
  });

  it('treats ids case-sensitively and keeps similar ids apart', async () => {
    const { vault } = tempVault();
    await storeBlob(vault, 'abc', Buffer.from('lower'));
    await storeBlob(vault, 'ABC', Buffer.from('upper'));
    await storeBlob(vault, 'abc.part', Buffer.from('dotted'));
    expect((await collect(vault.readAll('abc'))).toString()).toBe('lower');
    expect((await collect(vault.readAll('ABC'))).toString()).toBe('upper');
    expect((await collect(vault.readAll('abc.part'))).toString()).toBe('dotted');
  });

  it('refuses ids that could escape the folder or are not file-name safe', async () => {
    const { vault } = tempVault();
    for (const id of ['', '../x', '..\\x', 'a/b', '/etc/passwd', 'a\0b', 'x'.repeat(129), 'ümlaut', 'a b']) {
      await expect(vault.openWriter(id), JSON.stringify(id)).rejects.toBeInstanceOf(VaultIdError);
      expect(() => vault.has(id)).toThrow(VaultIdError);
      expect(() => vault.readAll(id)).toThrow(VaultIdError);
      await expect(vault.delete(id)).rejects.toBeInstanceOf(VaultIdError);
    }
    await (await vault.openWriter('550e8400-e29b-41d4-a716-446655440000.v2_final')).abort();
  });

  it('reports missing blobs as not found, with a message key', async () => {
    const { vault } = tempVault();
    expect(vault.has('nope')).toBe(false);
    expect(vault.size('nope')).toBeNull();
    expect(() => vault.readRange('nope', 0, 1)).toThrow(VaultNotFoundError);
    await expect(vault.sha256('nope')).rejects.toMatchObject({ messageKey: 'errors.vaultNotFound' });
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new Vault(tempDir(), Buffer.alloc(16))).toThrow(VaultKeyError);
  });
});
