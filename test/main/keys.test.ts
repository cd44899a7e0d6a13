import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveKey, FileKeyProvider, KeyUnavailableError } from '../../src-main/core/keys';
import { SafeStorageKeyProvider } from '../../src-main/electron/safe-storage-key-provider';
import { makeTempDir } from '../helpers/temp-dir';

const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));
function dir(): string {
  const temp = makeTempDir();
  temps.push(temp.cleanup);
  return temp.dir;
}

describe('key providers', () => {
  it('file provider: creates a 32-byte key readable only by the user, and returns the same key later', async () => {
    const file = path.join(dir(), 'keys', 'master.key');
    const key = await new FileKeyProvider(file).masterKey();
    expect(key.length).toBe(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await new FileKeyProvider(file).masterKey()).equals(key)).toBe(true);
  });

  it('file provider: refuses a damaged key file instead of making a new key over it', async () => {
    const file = path.join(dir(), 'master.key');
    writeFileSync(file, 'short');
    await expect(new FileKeyProvider(file).masterKey()).rejects.toBeInstanceOf(KeyUnavailableError);
    expect(readFileSync(file, 'utf8')).toBe('short');
  });

  it('derives different subkeys per purpose', async () => {
    const master = await new FileKeyProvider(path.join(dir(), 'k')).masterKey();
    const keys = (['database', 'vault', 'tokens'] as const).map((purpose) => deriveKey(master, purpose).toString('hex'));
    expect(new Set(keys).size).toBe(3);
    expect(keys).not.toContain(master.toString('hex'));
  });

  const fakeSafeStorage = (available: boolean, backend = 'gnome_libsecret') => ({
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend as 'gnome_libsecret',
    // A reversible stand-in for the OS keychain: what matters is that only wrapped bytes hit the disk.
    encryptString: (plain: string) => Buffer.from(`wrapped:${Buffer.from(plain).toString('hex')}`),
    decryptString: (wrapped: Buffer) => Buffer.from(wrapped.toString().slice('wrapped:'.length), 'hex').toString(),
  });

  it('safeStorage provider: keeps only the wrapped key on disk and unwraps the same key later', async () => {
    const file = path.join(dir(), 'master.key.enc');
    const key = await new SafeStorageKeyProvider(fakeSafeStorage(true), file, 'linux').masterKey();
    expect(readFileSync(file).toString()).toMatch(/^wrapped:/);
    expect(readFileSync(file).includes(key)).toBe(false);
    expect((await new SafeStorageKeyProvider(fakeSafeStorage(true), file, 'linux').masterKey()).equals(key)).toBe(true);
  });

  it('safeStorage provider: refuses to store a key where safeStorage offers only plaintext', async () => {
    const file = path.join(dir(), 'master.key.enc');
    await expect(new SafeStorageKeyProvider(fakeSafeStorage(false), file).masterKey()).rejects.toMatchObject({
      messageKey: 'errors.safeStorageUnavailable',
    });
    await expect(new SafeStorageKeyProvider(fakeSafeStorage(true, 'basic_text'), file, 'linux').masterKey()).rejects.toBeInstanceOf(
      KeyUnavailableError,
    );
  });
});
