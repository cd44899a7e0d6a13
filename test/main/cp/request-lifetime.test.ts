import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CpTimeoutError } from '../../../src-main/core/cp/errors';
import { RequestLifetime } from '../../../src-main/core/cp/request-lifetime';

describe('a request lifetime (its timer is refreshed, not remade, at every read)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('times out while armed, and says it was the timer', async () => {
    const lifetime = new RequestLifetime('materialContent');
    lifetime.arm(30);
    const racing = lifetime.race(new Promise(() => undefined));
    vi.advanceTimersByTime(30);
    await expect(racing).rejects.toMatchObject({ name: 'AbortError' }); // the signal's own reason; callers ask abortReason() what it was
    expect(lifetime.signal.aborted).toBe(true);
    expect(lifetime.abortReason()).toBeInstanceOf(CpTimeoutError);
  });

  it('does nothing when the period runs out while disarmed, and re-arming restarts the full period', () => {
    const lifetime = new RequestLifetime('materialContent');
    lifetime.arm(40);
    lifetime.disarm();
    vi.advanceTimersByTime(70); // the pending timer fires here, disarmed
    expect(lifetime.signal.aborted).toBe(false);
    // Each read re-arms: reads 30 ms apart never reach a 40 ms period.
    for (let i = 0; i < 5; i++) {
      lifetime.arm(40);
      vi.advanceTimersByTime(30);
    }
    expect(lifetime.signal.aborted).toBe(false);
    vi.advanceTimersByTime(10);
    expect(lifetime.signal.aborted).toBe(true);
    expect(lifetime.abortReason()).toBeInstanceOf(CpTimeoutError);
  });

  it('a new period replaces the old one; close stops it for good, and a late arm starts nothing', () => {
    const lifetime = new RequestLifetime('materialContent');
    lifetime.arm(20);
    lifetime.arm(200);
    vi.advanceTimersByTime(60);
    expect(lifetime.signal.aborted).toBe(false);
    lifetime.close();
    lifetime.close();
    expect(lifetime.signal.aborted).toBe(true);
    lifetime.arm(10);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(20);
    expect(lifetime.abortReason()).toBeNull();
  });
});

describe('racing reads against a lifetime', () => {
  it('the work wins while nothing aborts, and the caller’s abort reaches every racer', async () => {
    const caller = new AbortController();
    const lifetime = new RequestLifetime('materialContent', caller.signal);
    for (let i = 0; i < 1000; i++) expect(await lifetime.race(Promise.resolve(i))).toBe(i);
    const pending = [lifetime.race(new Promise(() => undefined)), lifetime.race(new Promise(() => undefined))];
    const reason = new Error('user left the case');
    caller.abort(reason);
    for (const racer of pending) await expect(racer).rejects.toBe(reason);
    expect(lifetime.abortReason()).toBe(reason);
    // Already aborted: a new race fails at once, and the work's own failure is not left unhandled.
    await expect(lifetime.race(Promise.reject(new Error('socket closed')))).rejects.toBe(reason);
  });

  it('keeps nothing a finished read resolved to: a long download does not hold its chunks until it ends', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const lifetime = new RequestLifetime('materialContent');
    const chunks: Array<WeakRef<Uint8Array>> = [];
    for (let i = 0; i < 200; i++) {
      const chunk = new Uint8Array(256 * 1024);
      chunks.push(new WeakRef(chunk));
      const read = await lifetime.race(new Promise<Uint8Array>((resolve) => setImmediate(() => resolve(chunk))));
      expect(read.byteLength).toBe(256 * 1024);
    }
    // WeakRefs stay alive to the end of the current job: let it end, then collect.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    // The lifetime is still open (the download goes on), yet its earlier reads are gone.
    expect(lifetime.signal.aborted).toBe(false);
    expect(chunks.filter((ref) => ref.deref() !== undefined).length).toBeLessThan(5);
    lifetime.close();
  });
});
