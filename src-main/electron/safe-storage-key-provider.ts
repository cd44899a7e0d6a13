import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { KeyUnavailableError, MASTER_KEY_BYTES, type KeyProvider } from '../core/keys';

/**
 * The desktop app's key store: the master key is kept only wrapped by Electron's safeStorage (Keychain,
 * DPAPI, libsecret/kwallet). Where safeStorage would fall back to a hard-coded password (Linux
 * 'basic_text'), or is not available at all, we refuse: a plaintext fallback would be no encryption.
 */
export class SafeStorageKeyProvider implements KeyProvider {
  #key: Promise<Buffer> | null = null;

  constructor(
    private readonly safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
      Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>,
    private readonly file: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  masterKey(): Promise<Buffer> {
    this.#key ??= this.#load();
    return this.#key;
  }

  async #load(): Promise<Buffer> {
    if (!this.safeStorage.isEncryptionAvailable()) throw new KeyUnavailableError('errors.safeStorageUnavailable');
    if (this.platform === 'linux' && this.safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      throw new KeyUnavailableError('errors.safeStorageUnavailable');
    }
    let wrapped: Buffer | null = null;
    try {
      wrapped = await fs.readFile(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new KeyUnavailableError('errors.keyUnavailable', { cause: error });
    }
    if (wrapped) {
      const key = Buffer.from(this.safeStorage.decryptString(wrapped), 'base64');
      if (key.length !== MASTER_KEY_BYTES) throw new KeyUnavailableError('errors.keyInvalid');
      return key;
    }
    const key = randomBytes(MASTER_KEY_BYTES);
    await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.tmp`;
    await fs.writeFile(temp, this.safeStorage.encryptString(key.toString('base64')), { mode: 0o600 });
    await fs.rename(temp, this.file);
    return key;
  }
}
