/** The download queue's write batches (sync/batch-buffers.ts): a hard cap, with waiting instead of allocating. */
import { describe, expect, it } from 'vitest';
import { BatchBuffers } from '../../../src-main/core/sync/batch-buffers';

const take = (pool: BatchBuffers): Uint8Array => {
  const got = pool.acquire();
  if (got instanceof Promise) throw new Error('expected a buffer at once');
  return got;
};

describe('BatchBuffers', () => {
  it('allocates up to the limit, then makes the next caller wait for a released buffer, which is reused', async () => {
    const pool = new BatchBuffers(1024, 2);
    const a = take(pool);
    take(pool);
    expect(pool.outstanding).toBe(2);
    const waiting = pool.acquire();
    expect(waiting).toBeInstanceOf(Promise);
    pool.release(a);
    expect(await waiting).toBe(a);
    expect(pool.outstanding).toBe(2);
  });

  it('a buffer released as gone (null) or detached makes room for a new one', async () => {
    const pool = new BatchBuffers(1024, 1);
    take(pool);
    const waiting = pool.acquire();
    pool.release(null);
    const next = await waiting;
    expect(next.byteLength).toBe(1024);
    expect(pool.outstanding).toBe(1);
    const detached = new Uint8Array(0);
    pool.release(detached);
    expect(pool.outstanding).toBe(0);
    expect(take(pool)).not.toBe(detached);
  });

  it('keeps released buffers for reuse without ever holding more than the limit', () => {
    const pool = new BatchBuffers(1024, 3);
    const buffers = [take(pool), take(pool), take(pool)];
    for (const buffer of buffers) pool.release(buffer);
    expect(pool.outstanding).toBe(0);
    const again = [take(pool), take(pool), take(pool)];
    expect(new Set([...buffers, ...again]).size).toBe(3);
    expect(pool.acquire()).toBeInstanceOf(Promise);
  });
});
