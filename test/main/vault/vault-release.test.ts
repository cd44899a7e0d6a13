/**
 * releaseBuffer (vault/release-buffer.ts): written ciphertext and copied network chunks are freed at
 * once where the runtime has ArrayBuffer.prototype.transfer (Electron, Node 22+), and nothing changes
 * where it has not. The child runs with it (Node 20 needs a flag), as the shipped app does.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { releaseBuffer } from '../../../src-main/core/vault';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const hasTransfer = typeof (ArrayBuffer.prototype as { transfer?: unknown }).transfer === 'function';

describe('releaseBuffer', () => {
  it('never touches a view into a larger buffer, nor a small one', () => {
    const big = new Uint8Array(128 * 1024).fill(1);
    releaseBuffer(big.subarray(0, 64 * 1024));
    releaseBuffer(big.subarray(64 * 1024));
    expect(big.byteLength).toBe(128 * 1024);
    const small = new Uint8Array(16).fill(1);
    releaseBuffer(small);
    expect(small.byteLength).toBe(16);
  });

  it('frees a whole buffer where the runtime can, and leaves it alone where it cannot', () => {
    const whole = new Uint8Array(64 * 1024);
    releaseBuffer(whole);
    expect(whole.byteLength).toBe(hasTransfer ? 0 : 64 * 1024);
  });

  it('with transfer available (as in Electron): blobs written in the thread and inline read back exactly', async () => {
    const flags = hasTransfer ? [] : ['--harmony-rab-gsab-transfer'];
    const { stdout } = await promisify(execFile)(process.execPath, [...flags, '--import', 'tsx', path.join(here, 'release-child.ts')], { cwd: repoRoot });
    expect(JSON.parse(stdout.trim())).toEqual({
      transfer: true,
      wholeDetached: true,
      viewIntact: true,
      smallIntact: true,
      roundTrips: { thread: true, inline: true },
    });
  });
});
