import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connectivity, SandboxStatus } from '../../src-preload/api';
import type { CoreApp } from '../../src-main/core';
import { makeCore } from '../helpers/core';
import { makeTempDir } from '../helpers/temp-dir';

/** The core driving a real in-process sandbox over loopback HTTP, as "Explore with sample cases" does. */
describe('core with the sample-case sandbox', () => {
  const temp = makeTempDir();
  let core: CoreApp;
  const events: Array<{ name: string; payload: unknown }> = [];

  beforeAll(() => {
    core = makeCore(path.join(temp.dir, 'data'), {
      sandboxCacheDir: path.join(temp.dir, 'sandbox-cache'),
      connectivity: { timeoutMs: 1_000 },
    });
    core.onEvent((name, payload) => events.push({ name, payload }));
  });
  afterAll(async () => {
    await core.dispose();
    temp.cleanup();
  });

  const call = async <T>(method: string, args: unknown = {}): Promise<T> => {
    const result = await core.dispatch(method, args);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.messageKey}`);
    return result.value as T;
  };

  it('refuses fault switches before the sandbox runs, with a typed error', async () => {
    await expect(core.dispatch('sandbox.setFaults', { offline: true })).resolves.toEqual({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.sandboxNotRunning' },
    });
  });

  it('starts the sandbox on a free loopback port, switches to it, and sees it online', async () => {
    const status = await call<SandboxStatus>('sandbox.start', { dataset: 'small' });
    expect(status.state).toBe('running');
    expect(status.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(events.some((e) => e.name === 'sandbox.changed' && (e.payload as SandboxStatus).state === 'starting')).toBe(true);
    await expect(call('settings.get')).resolves.toMatchObject({ mode: 'sandbox' });
    await expect(call<Connectivity>('connectivity.check')).resolves.toMatchObject({ state: 'online', target: 'sandbox' });
    // It is a real HTTP server speaking CP's shape.
    const health = await fetch(`${status.url}/health`);
    expect(health.status).toBe(200);
  });

  it('goes offline when the sandbox refuses connections, and back online when it accepts them again', async () => {
    const offline = await call<SandboxStatus>('sandbox.setFaults', { offline: true });
    expect(offline.faults?.offline).toBe(true);
    await expect(call<Connectivity>('connectivity.check')).resolves.toMatchObject({ state: 'offline' });
    await call('sandbox.setFaults', { offline: false });
    await expect(call<Connectivity>('connectivity.check')).resolves.toMatchObject({ state: 'online' });
  });

  it('counts a server too slow to answer as offline, and clears all faults in one go', async () => {
    // Court Wi-Fi that accepts the connection and then says nothing is no connection at all.
    await call('sandbox.setFaults', { latencyMs: 3_000, errorRate: 1, errorKinds: ['503'] });
    await expect(call<Connectivity>('connectivity.check')).resolves.toMatchObject({ state: 'offline' });
    const reset = await call<SandboxStatus>('sandbox.resetFaults');
    expect(reset.faults?.errorRate).toBe(0);
    await expect(call<Connectivity>('connectivity.check')).resolves.toMatchObject({ state: 'online' });
  });

  it('refuses junk fault switches with a typed validation error', async () => {
    const result = await core.dispatch('sandbox.setFaults', { errorRate: 7, launchMissiles: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('disconnecting stops the sandbox and returns to first run', async () => {
    await expect(call('cp.disconnect')).resolves.toMatchObject({ mode: 'unconfigured', cpBaseUrl: null });
    await expect(call<SandboxStatus>('sandbox.getStatus')).resolves.toMatchObject({ state: 'stopped' });
    await expect(call<Connectivity>('connectivity.check')).resolves.toMatchObject({ state: 'unconfigured' });
  });
});
