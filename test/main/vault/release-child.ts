/**
 * Child of vault-release.test.ts, run with ArrayBuffer.prototype.transfer available (as in Electron):
 * releaseBuffer detaches only what it may, and blobs written with it — in the writer thread and
 * inline, in batches the size the download queue uses and in odd pieces — read back exactly. Prints one
 * JSON line.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { releaseBuffer, Vault } from '../../../src-main/core/vault';

const sha = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

const whole = new Uint8Array(64 * 1024);
releaseBuffer(whole);
const big = new Uint8Array(128 * 1024).fill(7);
const view = big.subarray(0, 64 * 1024);
releaseBuffer(view);
const small = new Uint8Array(100).fill(7);
releaseBuffer(small);

const dir = mkdtempSync(path.join(os.tmpdir(), 'bluebag-release-'));
const roundTrips: Record<string, boolean> = {};
try {
  for (const writers of ['thread', 'inline'] as const) {
    const vault = new Vault(path.join(dir, writers), randomBytes(32), { writers, syncIntervalBytes: 1024 * 1024 });
    const data = randomBytes(5 * 1024 * 1024 + 777);
    const writer = await vault.openWriter('m');
    for (let at = 0; at < data.length; ) {
      const step = at < 3 * 1024 * 1024 ? 1024 * 1024 : 50_000;
      // A copy per batch, as the queue's batches are its own: the writer may move or free nothing else.
      await writer.write(Buffer.from(data.subarray(at, at + step)), { transfer: true });
      at += step;
    }
    const finished = await writer.finish();
    const back: Buffer[] = [];
    for await (const piece of vault.readAll('m')) back.push(Buffer.from(piece));
    roundTrips[writers] = finished.sha256 === sha(data) && sha(Buffer.concat(back)) === sha(data);
    await vault.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

process.stdout.write(
  `${JSON.stringify({
    transfer: typeof (ArrayBuffer.prototype as { transfer?: unknown }).transfer === 'function',
    wholeDetached: whole.byteLength === 0,
    viewIntact: view.byteLength === 64 * 1024 && big.byteLength === 128 * 1024 && big[100] === 7,
    smallIntact: small.byteLength === 100,
    roundTrips,
  })}\n`,
);
