import { createCipheriv, createHash } from 'node:crypto';

// Deterministic content by offset, so a child process and the test agree on every byte without
// sharing memory: AES-CTR keystream with the counter set from the offset.
const PATTERN_KEY = Buffer.alloc(16, 7);

/** Bytes [offset, offset + length) of an endless reproducible stream; offset must be a multiple of 16. */
export function patternBytes(offset: number, length: number): Buffer {
  if (offset % 16 !== 0) throw new Error('pattern offsets are 16-byte aligned');
  const iv = Buffer.alloc(16);
  iv.writeBigUInt64BE(BigInt(offset / 16), 8);
  return createCipheriv('aes-128-ctr', PATTERN_KEY, iv).update(Buffer.alloc(length));
}

export function patternSha256(total: number): string {
  const hash = createHash('sha256');
  const step = 4 * 1024 * 1024;
  for (let at = 0; at < total; at += step) hash.update(patternBytes(at, Math.min(step, total - at)));
  return hash.digest('hex');
}
