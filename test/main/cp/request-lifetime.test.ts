import { describe, expect, it } from 'vitest';
import { CpTimeoutError } from '../../../src-main/core/cp/errors';
import { RequestLifetime } from '../../../src-main/core/cp/request-lifetime';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a request lifetime (its timer is refreshed, not remade, at every read)', () => {
  it('times out while armed, and says it was the timer', async () => {
    const lifetime = new RequestLifetime('materialContent');
    lifetime.arm(30);
    await expect(lifetime.race(new Promise(() => undefined))).rejects.toBeDefined();
    expect(lifetime.signal.aborted).toBe(true);
    expect(lifetime.abortReason()).toBeInstanceOf(CpTimeoutError);
  });

  it('does nothing when the period runs out while disarmed, and re-arming restarts the full period', async () => {
    const lifetime = new RequestLifetime('materialContent');
    lifetime.arm(40);
    lifetime.disarm();
    await sleep(70); // the pending timer fires here, disarmed
    expect(lifetime.signal.aborted).toBe(false);
    lifetime.arm(40);
    await sleep(20);
    expect(lifetime.signal.aborted).toBe(false);
    // Each read re-arms: reads 20 ms apart never reach a 40 ms period.
    for (let i = 0; i < 4; i++) {
      lifetime.arm(40);
      await sleep(20);
    }
    expect(lifetime.signal.aborted).toBe(false);
    await sleep(40);
    expect(lifetime.signal.aborted).toBe(true);
    expect(lifetime.abortReason()).toBeInstanceOf(CpTimeoutError);
  });

  it('a new period replaces the old one; close stops it for good', async () => {
    const lifetime = new RequestLifetime('materialContent');
    lifetime.arm(20);
    lifetime.arm(200);
    await sleep(60);
    expect(lifetime.signal.aborted).toBe(false);
    lifetime.close();
    expect(lifetime.signal.aborted).toBe(true);
    expect(lifetime.abortReason()).toBeNull();
  });

  it('many races share one abort: the work wins while nothing aborts, and the caller’s abort reaches every racer', async () => {
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
});
