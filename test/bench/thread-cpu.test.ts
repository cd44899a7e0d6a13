import { describe, expect, it } from 'vitest';
import { cpuBetween, readCpu } from './thread-cpu';

const linux = process.platform === 'linux';

describe.runIf(linux)('thread-cpu (Linux schedstat)', () => {
  it('attributes a busy spell of this process to its threads, and skips a process that is not there', () => {
    const pids = { self: process.pid, gone: 2 ** 22 + 1 };
    const before = readCpu(pids);
    expect(before).not.toBeNull();
    const until = performance.now() + 200;
    let spins = 0;
    while (performance.now() < until) spins += 1;
    const split = cpuBetween(before, readCpu(pids));
    expect(spins).toBeGreaterThan(0);
    expect(split).not.toBeNull();
    expect(Object.keys(split?.processes ?? {})).toEqual(['self']);
    const self = split?.processes.self;
    // The spin runs on whichever thread hosts this test (the main thread of a fork, or a worker).
    expect((self?.mainMs ?? 0) + (self?.otherMs ?? 0)).toBeGreaterThanOrEqual(150);
    expect(self?.mainWaitMs).toBeGreaterThanOrEqual(0);
    expect(self?.otherWaitMs).toBeGreaterThanOrEqual(0);
    expect(split?.machineIdleShare).toBeGreaterThanOrEqual(0);
    expect(split?.machineIdleShare).toBeLessThanOrEqual(1);
  });

  it('has no split without both readings', () => {
    expect(cpuBetween(null, readCpu({ self: process.pid }))).toBeNull();
  });
});
