/**
 * Child process for the SIGKILL test (not a test itself): resumes writing blob `id` of `total` pattern
 * bytes and reports `committed <n>` after every write, until the parent kills it. Finishes the blob
 * if it is never killed.
 *
 *   node --import tsx crash-writer.ts <dir> <keyHex> <id> <totalBytes>
 */
import { Vault } from '../../../src-main/core/vault';
import { patternBytes } from './pattern-content';

const [dir, keyHex, id, totalText] = process.argv.slice(2);
if (!dir || !keyHex || !id || !totalText) throw new Error('usage: crash-writer <dir> <keyHex> <id> <totalBytes>');
const total = Number(totalText);

const vault = new Vault(dir, Buffer.from(keyHex, 'hex'));
const writer = await vault.openWriter(id);
process.stdout.write(`resumed ${writer.committedBytes}\n`);
let at = writer.committedBytes;
while (at < total) {
  // Odd piece sizes (multiples of 16 for the pattern) so kills land mid-chunk as well as between chunks.
  const length = Math.min(total - at, 16 * (1 + Math.floor(Math.random() * 12_000)));
  await writer.write(patternBytes(at, length));
  at += length;
  process.stdout.write(`committed ${writer.committedBytes}\n`);
}
await writer.finish();
process.stdout.write('finished\n');
