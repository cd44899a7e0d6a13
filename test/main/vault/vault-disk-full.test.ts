import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VAULT_CHUNK_SIZE, Vault, VaultFullError, VaultIoError, type BlobFile, type OpenBlobFile } from '../../../src-main/core/vault';
import { collect, newKey, onlyFile, sha256Hex, tempDir, writeInPieces } from './vault-fixtures';

const C = VAULT_CHUNK_SIZE;
const HEADER = 32;
const STRIDE = C + 28;

interface Fault {
  /** Bytes the "disk" still accepts; a writev beyond it writes what fits, the next one fails. */
  freeBytes: number;
  code: string;
  /** Fail fsync instead (some file systems report a full disk only then). */
  failSync?: boolean;
}

/** Real files, but writes stop with `fault.code` once `fault.freeBytes` are used up. */
function faultyOpener(fault: Fault, real: OpenBlobFile): OpenBlobFile {
  return async (file, mode) => {
    const inner = await real(file, mode);
    const fail = () => Object.assign(new Error(`${fault.code}: injected`), { code: fault.code });
    const wrapped: BlobFile = {
      read: (...args) => inner.read(...args),
      truncate: (length) => inner.truncate(length),
      stat: () => inner.stat(),
      close: () => inner.close(),
      datasync: () => (fault.failSync ? Promise.reject(fail()) : inner.datasync()),
      sync: () => (fault.failSync ? Promise.reject(fail()) : inner.sync()),
      async writev(buffers, position) {
        const total = buffers.reduce((sum, buffer) => sum + buffer.byteLength, 0);
        if (fault.freeBytes <= 0) throw fail();
        if (total <= fault.freeBytes) {
          fault.freeBytes -= total;
          return inner.writev(buffers, position);
        }
        // A short write: the kernel fills the disk and reports how much fitted.
        const joined = Buffer.concat(buffers.map((buffer) => Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)));
        const fits = joined.subarray(0, fault.freeBytes);
        fault.freeBytes = 0;
        return inner.writev([fits], position);
      },
    };
    return wrapped;
  };
}

const { open } = await import('node:fs/promises');
const realOpener: OpenBlobFile = (file, mode) => open(file, mode, 0o600);

describe('vault on a full disk (injected)', () => {
  for (const code of ['ENOSPC', 'EDQUOT']) {
    it(`${code} while writing → VaultFullError, partial cut to whole chunks, resumable later`, async () => {
      const dir = tempDir();
      const key = newKey();
      const fault: Fault = { freeBytes: HEADER + 5 * STRIDE + 3000, code };
      const vault = new Vault(dir, key, { openFile: faultyOpener(fault, realOpener) });
      const data = randomBytes(12 * C + 77);

      const writer = await vault.openWriter('m');
      // One chunk per write, so exactly the chunks that fitted whole are committed.
      const error = await writeInPieces(writer, data, C).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(VaultFullError);
      expect(error).toMatchObject({ messageKey: 'errors.diskFull', code: 'unavailable' });
      expect(writer.committedBytes).toBe(5 * C);
      expect(statSync(onlyFile(dir, '.part')).size).toBe(HEADER + 5 * STRIDE);
      await expect(writer.write(Buffer.from('more'))).rejects.toBeInstanceOf(VaultFullError);
      await expect(writer.finish()).rejects.toBeInstanceOf(VaultFullError);

      // Space freed: the same vault resumes where the disk filled up.
      fault.freeBytes = Number.POSITIVE_INFINITY;
      const resumed = await vault.openWriter('m');
      expect(resumed.committedBytes).toBe(5 * C);
      await writer.abort(); // the failed writer was superseded: its late abort must not touch the new partial
      expect(statSync(onlyFile(dir, '.part')).size).toBe(HEADER + 5 * STRIDE);
      await writeInPieces(resumed, data.subarray(resumed.committedBytes));
      expect(await resumed.finish()).toEqual({ size: data.length, sha256: sha256Hex(data) });
      expect((await collect(vault.readAll('m'))).equals(data)).toBe(true);
    });
  }

  it('a full disk at finish (final chunk or fsync) keeps the partial resumable', async () => {
    for (const fault of [
      { freeBytes: HEADER + 3 * STRIDE + 10, code: 'ENOSPC' },
      { freeBytes: Number.POSITIVE_INFINITY, code: 'ENOSPC', failSync: true },
    ] satisfies Fault[]) {
      const dir = tempDir();
      const key = newKey();
      const vault = new Vault(dir, key, { openFile: faultyOpener(fault, realOpener), syncIntervalBytes: Number.POSITIVE_INFINITY });
      const data = randomBytes(3 * C + 500);
      const writer = await vault.openWriter('m');
      await writer.write(data);
      await expect(writer.finish()).rejects.toBeInstanceOf(VaultFullError);
      expect(vault.has('m')).toBe(false);

      const resumed = await new Vault(dir, key).openWriter('m');
      expect(resumed.committedBytes).toBe(3 * C);
      await resumed.write(data.subarray(3 * C));
      expect((await resumed.finish()).sha256).toBe(sha256Hex(data));
    }
  });

  it('other I/O failures are typed too', async () => {
    const fault: Fault = { freeBytes: 0, code: 'EIO' };
    const vault = new Vault(tempDir(), newKey(), { openFile: faultyOpener(fault, realOpener) });
    await expect(vault.openWriter('m')).rejects.toBeInstanceOf(VaultIoError);
  });
});

// A real full disk: a 1 MiB tmpfs. Needs root on Linux, so it is skipped elsewhere.
function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = path.join(tempDir(), 'probe');
  mkdirSync(probe);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('vault on a real full disk (tmpfs)', () => {
  const mounted: string[] = [];
  afterEach(() => {
    for (const point of mounted.splice(0)) execFileSync('umount', [point], { stdio: 'ignore' });
  });

  it.skipIf(!canMountTmpfs())('ENOSPC from a tiny tmpfs → VaultFullError; after growing it the write resumes', async () => {
    const point = path.join(tempDir(), 'small');
    mkdirSync(point);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', point]);
    mounted.push(point);
    const dir = path.join(point, 'vault');
    const key = newKey();
    const vault = new Vault(dir, key);
    const data = randomBytes(3 * 1024 * 1024 + 5);

    const writer = await vault.openWriter('m');
    await expect(writeInPieces(writer, data, 64 * 1024)).rejects.toBeInstanceOf(VaultFullError);
    const committed = writer.committedBytes;
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(1024 * 1024);
    expect(statSync(onlyFile(dir, '.part')).size).toBe(HEADER + (committed / C) * STRIDE);

    execFileSync('mount', ['-o', 'remount,size=8m', point]);
    const resumed = await new Vault(dir, key).openWriter('m');
    expect(resumed.committedBytes).toBe(committed);
    await writeInPieces(resumed, data.subarray(committed));
    expect(await resumed.finish()).toEqual({ size: data.length, sha256: sha256Hex(data) });
  });
});
