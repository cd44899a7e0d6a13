import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { KeyUnavailableError, MASTER_KEY_BYTES, type KeyProvider } from './key-provider';

/**
 * Browser mode's key store: a random key in a file only the user can read (0600), created once with
 * O_EXCL so two processes can never race to different keys. Encodes nothing but the key.
 */
export class FileKeyProvider implements KeyProvider {
  #key: Promise<Buffer> | null = null;

  constructor(private readonly file: string) {}

  masterKey(): Promise<Buffer> {
    this.#key ??= this.#load();
    return this.#key;
  }

  async #load(): Promise<Buffer> {
    await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    try {
      const handle = await fs.open(this.file, 'wx', 0o600);
      try {
        const key = randomBytes(MASTER_KEY_BYTES);
        await handle.writeFile(key);
        await handle.sync();
        return key;
      } finally {
        await handle.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new KeyUnavailableError('errors.keyUnavailable', { cause: error });
    }
    const key = await fs.readFile(this.file).catch((error: unknown) => {
      throw new KeyUnavailableError('errors.keyUnavailable', { cause: error });
    });
    if (key.length !== MASTER_KEY_BYTES) throw new KeyUnavailableError('errors.keyInvalid');
    return key;
  }
}
