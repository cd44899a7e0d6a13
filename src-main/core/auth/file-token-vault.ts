import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AuthConfigurationError, TokenVaultUnreadableError, TokenVaultWriteError } from './errors';
import { StoredTokensSchema, type StoredTokens, type TokenVault } from './stored-tokens';

/*
 * File layout: FORMAT_VERSION (1 byte) | IV (12) | GCM tag (16) | ciphertext of the JSON.
 * The version byte and a fixed label are bound in as additional data, so a file cannot be replayed
 * into another purpose or another format without failing authentication.
 */
const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
const AAD = Buffer.from('bluebag/token-vault/v1');
export const TOKEN_VAULT_KEY_BYTES = 32;

function errnoCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return null;
}

function encrypt(key: Buffer, plaintext: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.concat([Buffer.of(FORMAT_VERSION), AAD]));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT_VERSION), iv, cipher.getAuthTag(), body]);
}

function decrypt(key: Buffer, file: Buffer): Buffer {
  if (file.length < HEADER_BYTES || file[0] !== FORMAT_VERSION) throw new TokenVaultUnreadableError('format');
  const iv = file.subarray(1, 1 + IV_BYTES);
  const tag = file.subarray(1 + IV_BYTES, HEADER_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.concat([Buffer.of(FORMAT_VERSION), AAD]));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(file.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    // GCM authentication failed: a different key or a damaged file; both mean "cannot be read".
    throw new TokenVaultUnreadableError('authentication');
  }
}

/** fsync of the folder makes the rename itself durable; Windows cannot open folders, so it is best effort. */
async function syncFolder(folder: string): Promise<void> {
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // Best effort only: the data file itself was already fsynced.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

class FileTokenVault implements TokenVault {
  /** Writes and clears run one after another so an older save can never land after a newer one. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly key: Buffer,
  ) {}

  async load(): Promise<StoredTokens | null> {
    let raw: Buffer;
    try {
      raw = await fs.readFile(this.file);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null;
      throw new TokenVaultUnreadableError(errnoCode(error) ?? 'read');
    }
    const plaintext = decrypt(this.key, raw);
    let parsed: unknown;
    try {
      parsed = JSON.parse(plaintext.toString('utf8'));
    } catch {
      throw new TokenVaultUnreadableError('json');
    }
    const result = StoredTokensSchema.safeParse(parsed);
    if (!result.success) throw new TokenVaultUnreadableError('shape');
    return result.data;
  }

  save(tokens: StoredTokens): Promise<void> {
    return this.#enqueue(() => this.#write(StoredTokensSchema.parse(tokens)));
  }

  clear(): Promise<void> {
    return this.#enqueue(async () => {
      try {
        await fs.unlink(this.file);
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw new TokenVaultWriteError(errnoCode(error) ?? 'unlink');
      }
    });
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #write(tokens: StoredTokens): Promise<void> {
    const folder = path.dirname(this.file);
    const temp = path.join(folder, `.${path.basename(this.file)}.${randomBytes(6).toString('hex')}.tmp`);
    const sealed = encrypt(this.key, Buffer.from(JSON.stringify(tokens), 'utf8'));
    try {
      await fs.mkdir(folder, { recursive: true, mode: 0o700 });
      // 'wx' refuses to follow a pre-planted file or link at the temp path; 0600 = the user only.
      const handle = await fs.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(sealed);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, this.file);
    } catch (error) {
      await fs.unlink(temp).catch(() => undefined);
      throw new TokenVaultWriteError(errnoCode(error) ?? 'write');
    }
    await syncFolder(folder);
  }
}

/** Encrypted token file: AES-256-GCM with a caller-provided 32-byte key, written atomically (temp + fsync + rename), mode 0600. */
export function createFileTokenVault(file: string, key: Buffer): TokenVault {
  if (key.length !== TOKEN_VAULT_KEY_BYTES) throw new AuthConfigurationError('token vault key must be 32 bytes');
  // A private copy, so a caller zeroing or reusing its buffer cannot change the key under us.
  return new FileTokenVault(file, Buffer.from(key));
}
