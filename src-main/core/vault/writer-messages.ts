/**
 * What main and the vault's writer thread say to each other (vault-writer-worker.ts). Each request
 * carries an id answered exactly once; a writer is named by a handle the thread chose at open.
 * Plaintext travels as a transferred ArrayBuffer, so handing a MiB over costs no copy.
 */
import type { WriterPaths } from './blob-writer';
import {
  VaultBusyError,
  VaultCorruptError,
  type VaultError,
  VaultFullError,
  VaultIdError,
  VaultIoError,
  VaultKeyError,
  VaultNotFoundError,
  VaultRangeError,
  VaultWriterClosedError,
} from './vault-errors';

export type WriterRequest =
  | { op: 'open'; req: number; id: string; paths: WriterPaths; syncIntervalBytes: number }
  | { op: 'write'; req: number; writer: number; data: Uint8Array }
  | { op: 'finish'; req: number; writer: number }
  | { op: 'abort'; req: number; writer: number }
  | { op: 'close'; req: number; writer: number };

/** A VaultError reduced to what survives structured cloning (class identity does not). */
export interface WireVaultError {
  name: string;
  detail: string | null;
  chunkIndex: number | null;
  causeCode: string | null;
  causeMessage: string | null;
}

export type WriterReply =
  | {
      req: number;
      ok: true;
      writer: number;
      committedBytes: number;
      finished: { size: number; sha256: string } | null;
      /** A write's plaintext buffer, moved back once sealed so the sender can fill it again. */
      returned: Uint8Array | null;
    }
  | { req: number; ok: false; error: WireVaultError };

/** What the writer thread is started with (merged with the launcher's own workerData). */
export interface WriterThreadData {
  vaultKey: Uint8Array;
  /**
   * Tests only: a module (file URL) whose `createOpenFile(config)` replaces the thread's file opener,
   * to inject failures (a disk that fills up, a thread that dies mid-write) where the writing happens.
   */
  openFileModule: string | null;
  openFileConfig: unknown;
}

export function toWireError(error: VaultError): WireVaultError {
  const cause: unknown = error.cause;
  const causeCode = typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string' ? cause.code : null;
  return {
    name: error.name,
    detail: error instanceof VaultCorruptError ? error.detail : null,
    chunkIndex: error instanceof VaultCorruptError ? error.chunkIndex : null,
    causeCode,
    causeMessage: cause instanceof Error ? cause.message : null,
  };
}

/** Rebuilds the typed error on main's side, with a stand-in for its cause (code and message). */
export function fromWireError(wire: WireVaultError): VaultError {
  const options = wire.causeMessage === null && wire.causeCode === null ? undefined : { cause: wireCause(wire) };
  switch (wire.name) {
    case 'VaultFullError':
      return new VaultFullError(options);
    case 'VaultCorruptError':
      return new VaultCorruptError(wire.detail ?? 'corrupt', wire.chunkIndex, options);
    case 'VaultNotFoundError':
      return new VaultNotFoundError(options);
    case 'VaultRangeError':
      return new VaultRangeError(options);
    case 'VaultWriterClosedError':
      return new VaultWriterClosedError();
    case 'VaultBusyError':
      return new VaultBusyError();
    case 'VaultIdError':
      return new VaultIdError();
    case 'VaultKeyError':
      return new VaultKeyError();
    default:
      return new VaultIoError(options);
  }
}

function wireCause(wire: WireVaultError): Error {
  const cause = new Error(wire.causeMessage ?? wire.causeCode ?? 'vault writer thread error');
  return wire.causeCode === null ? cause : Object.assign(cause, { code: wire.causeCode });
}
