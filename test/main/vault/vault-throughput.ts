/**
 * Throughput check for the vault (not a test; run by hand):
 *
 *   npx tsx test/main/vault/vault-throughput.ts [megabytes=512]
 *
 * Writes a blob of that size in 1 MiB pieces (as a download would arrive), then reads it back whole,
 * hashes it, and serves random 256 KiB ranges as a PDF viewer would. Reads hit the page cache
 * (the file was just written), so they measure decryption rather than the disk.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Vault } from '../../../src-main/core/vault';

const megabytes = Number(process.argv[2] ?? 512);
const total = megabytes * 1024 * 1024;
const piece = 1024 * 1024;
const rangeBytes = 256 * 1024;
const ranges = 2000;

function rate(bytes: number, started: bigint): string {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return `${(bytes / 1024 / 1024 / seconds).toFixed(0)} MB/s (${seconds.toFixed(2)} s)`;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'bluebag-vault-bench-'));
try {
  const vault = new Vault(dir, randomBytes(32));
  // A pool of random bytes reused cyclically: generating 512 MB of randomness would dominate the timing.
  const pool = randomBytes(16 * piece);

  let started = process.hrtime.bigint();
  const writer = await vault.openWriter('bench');
  for (let at = 0; at < total; at += piece) {
    const offset = (at / piece) % 16;
    await writer.write(pool.subarray(offset * piece, offset * piece + Math.min(piece, total - at)));
  }
  await writer.finish();
  console.log(`write ${megabytes} MB (encrypt + sha256 + fsync every 8 MiB + final fsync/rename): ${rate(total, started)}`);

  started = process.hrtime.bigint();
  let read = 0;
  for await (const chunk of vault.readAll('bench')) read += chunk.length;
  if (read !== total) throw new Error(`read ${read} of ${total}`);
  console.log(`full read (decrypt + verify): ${rate(total, started)}`);

  started = process.hrtime.bigint();
  await vault.sha256('bench');
  console.log(`sha256 of the blob: ${rate(total, started)}`);

  started = process.hrtime.bigint();
  for (let i = 0; i < ranges; i++) {
    const start = Math.floor(Math.random() * (total - rangeBytes));
    let got = 0;
    for await (const chunk of vault.readRange('bench', start, start + rangeBytes - 1)) got += chunk.length;
    if (got !== rangeBytes) throw new Error('short range');
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `random 256 KiB ranges: ${rate(ranges * rangeBytes, started)}, ${((seconds / ranges) * 1000).toFixed(2)} ms per range`,
  );
  console.log(`disk usage: ${JSON.stringify(await vault.usage())}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
