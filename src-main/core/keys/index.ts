export { deriveKey, KeyUnavailableError, MASTER_KEY_BYTES, type KeyProvider, type KeyPurpose } from './key-provider';
export { FileKeyProvider } from './file-key-provider';
