import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { Vault, type BlobWriter, type VaultOptions } from '../../../src-main/core/vault';
import { makeTempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A fresh temp folder on the real disk, removed after the current test. */
export function tempDir(): string {
  const temp = makeTempDir('bluebag-vault-');
  cleanups.push(temp.cleanup);
  return temp.dir;
}

export function newKey(): Buffer {
  return randomBytes(32);
}

export function tempVault(options: VaultOptions = {}): { vault: Vault; dir: string; key: Buffer } {
  const dir = tempDir();
  const key = newKey();
  return { vault: new Vault(dir, key, options), dir, key };
}

export async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of source) pieces.push(Buffer.from(piece));
  return Buffer.concat(pieces);
}

/** Feeds `data` in pieces the size a network stream might deliver, awaiting each (backpressure). */
export async function writeInPieces(writer: BlobWriter, data: Uint8Array, pieceBytes = 16 * 1024): Promise<void> {
  for (let at = 0; at < data.length; at += pieceBytes) await writer.write(data.subarray(at, at + pieceBytes));
}

export async function storeBlob(vault: Vault, id: string, data: Uint8Array): Promise<{ size: number; sha256: string }> {
  const writer = await vault.openWriter(id);
  await writeInPieces(writer, data, 50_000);
  return writer.finish();
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The one file with this suffix in the vault folder (file names are hashes of the id). */
export function onlyFile(dir: string, suffix: '.blob' | '.part'): string {
  const names = readdirSync(dir).filter((name) => name.endsWith(suffix));
  if (names.length !== 1 || names[0] === undefined) throw new Error(`expected one ${suffix} file, found ${names.length}`);
  return path.join(dir, names[0]);
}
