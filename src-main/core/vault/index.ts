/**
 * The encrypted document vault: court documents at rest, readable by byte range, written resumably.
 * This is the only module other code imports from.
 */
export { VAULT_CHUNK_SIZE } from './blob-format';
export type { BlobWriter } from './blob-writer';
export type { BlobFile, BlobFileMode, OpenBlobFile } from './blob-file';
export { Vault, type VaultOptions } from './vault';
export { releaseBuffer } from './release-buffer';
export {
  VaultBusyError,
  VaultCorruptError,
  VaultError,
  VaultFullError,
  VaultIdError,
  VaultIoError,
  VaultKeyError,
  VaultNotFoundError,
  VaultRangeError,
  VaultWriterClosedError,
} from './vault-errors';
