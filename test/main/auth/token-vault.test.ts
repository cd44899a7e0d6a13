import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthConfigurationError, createFileTokenVault, TokenVaultUnreadableError, type StoredTokens } from '../../../src-main/core/auth';
import { makeTempDir } from '../../helpers/temp-dir';

const TOKENS: StoredTokens = {
  version: 1,
  baseUrl: 'http://127.0.0.1:1/',
  accessToken: 'at_secret-access-token-value',
  accessTokenExpiresAt: 1_900_000_000_000,
  refreshToken: 'rt_secret-refresh-token-value',
  refreshTokenExpiresAt: 1_900_000_100_000,
  scope: 'cp offline_access',
  user: { userId: 'u-1', displayName: 'Sarah Okafor', organisationId: 'o-1', organisationName: 'Carter Lloyd Solicitors LLP' },
};

describe('encrypted file token vault', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  const key = randomBytes(32);

  beforeEach(() => {
    temp = makeTempDir();
    file = path.join(temp.dir, 'nested', 'tokens.bin');
  });
  afterEach(() => temp.cleanup());

  it('loads nothing before anything was saved', async () => {
    await expect(createFileTokenVault(file, key).load()).resolves.toBeNull();
  });

  it('round-trips the tokens, and the file holds no token or personal data in clear', async () => {
    const vault = createFileTokenVault(file, key);
    await vault.save(TOKENS);
    await expect(vault.load()).resolves.toEqual(TOKENS);
    const raw = await fs.readFile(file);
    for (const secret of [TOKENS.accessToken, TOKENS.refreshToken, 'Sarah', 'Okafor', 'Carter Lloyd']) {
      expect(raw.includes(Buffer.from(secret))).toBe(false);
      expect(raw.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
    }
    // A fresh IV each time: the same tokens never give the same bytes.
    await vault.save(TOKENS);
    expect((await fs.readFile(file)).equals(raw)).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('writes the file with mode 0600 and leaves no temp files behind', async () => {
    const vault = createFileTokenVault(file, key);
    await Promise.all([vault.save(TOKENS), vault.save({ ...TOKENS, accessToken: 'at_second' }), vault.save({ ...TOKENS, accessToken: 'at_third' })]);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(await fs.readdir(path.dirname(file))).toEqual(['tokens.bin']);
    // Saves are applied in call order, so the last one wins.
    expect((await vault.load())?.accessToken).toBe('at_third');
  });

  it('a wrong key is a typed "unreadable" error, not a crash or garbage', async () => {
    await createFileTokenVault(file, key).save(TOKENS);
    const error = await createFileTokenVault(file, randomBytes(32))
      .load()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenVaultUnreadableError);
    expect(error).toMatchObject({ messageKey: 'errors.savedSignInUnreadable', reason: 'vaultUnreadable', code: 'unavailable' });
  });

  it('a damaged or truncated file is unreadable too', async () => {
    const vault = createFileTokenVault(file, key);
    await vault.save(TOKENS);
    const raw = await fs.readFile(file);
    raw[raw.length - 3] = (raw[raw.length - 3] ?? 0) ^ 0xff;
    await fs.writeFile(file, raw);
    await expect(vault.load()).rejects.toBeInstanceOf(TokenVaultUnreadableError);
    await fs.writeFile(file, raw.subarray(0, 10));
    await expect(vault.load()).rejects.toBeInstanceOf(TokenVaultUnreadableError);
  });

  it('clear removes the file and is idempotent', async () => {
    const vault = createFileTokenVault(file, key);
    await vault.save(TOKENS);
    await vault.clear();
    await vault.clear();
    await expect(fs.stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(vault.load()).resolves.toBeNull();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createFileTokenVault(file, randomBytes(16))).toThrow(AuthConfigurationError);
  });
});
