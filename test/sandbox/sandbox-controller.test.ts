/**
 * The app's SandboxController with a state folder: the demo sandbox comes back on
 * the port it had (so its base URL and the tokens bound to it still hold) and with
 * the same world; when that port is taken it falls back to any free one.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../src-main/core/events';
import { SandboxController } from '../../src-main/core/sandbox';
import * as sandboxModule from '../../src-sandbox/index';
import { ANCHOR, SEED, TEST_CACHE_DIR } from './helpers';

const temp = mkdtempSync(path.join(os.tmpdir(), 'bluebag-sandbox-controller-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The real sandbox, pinned to the tests' seed and anchor so the shared PDF cache is reused. */
const load = async (): Promise<typeof sandboxModule> => ({
  ...sandboxModule,
  startSandbox: (opts) => sandboxModule.startSandbox({ ...opts, seed: SEED, anchorDate: ANCHOR, log: () => undefined }),
});

const portOf = (url: string | null): number => Number(new URL(url ?? 'http://invalid').port);

function occupy(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('SandboxController with a stateDir', () => {
  it('comes back on the port it used last, with its state file; falls back to any port when that one is taken', async () => {
    const stateDir = path.join(temp, 'sandbox-state');
    const controller = new SandboxController(new EventBus(), TEST_CACHE_DIR, { stateDir, load });

    const first = await controller.start('small');
    expect(first.state).toBe('running');
    const port = portOf(first.url);
    expect(JSON.parse(readFileSync(path.join(stateDir, 'port.json'), 'utf8'))).toEqual({ version: 1, port });
    expect(existsSync(path.join(stateDir, 'state-small.json'))).toBe(true);
    await controller.stop();

    const again = await controller.start('small');
    expect(portOf(again.url)).toBe(port);
    await controller.stop();

    const squatter = await occupy(port);
    try {
      const moved = await controller.start('small');
      expect(moved.state).toBe('running');
      const newPort = portOf(moved.url);
      expect(newPort).not.toBe(port);
      // The new port is the one to try next time.
      expect(JSON.parse(readFileSync(path.join(stateDir, 'port.json'), 'utf8'))).toEqual({ version: 1, port: newPort });
      await controller.stop();
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });

  it('comes back with the fault switches it was left with: a server switched off stays off', async () => {
    const stateDir = path.join(temp, 'sandbox-faults');
    const controller = new SandboxController(new EventBus(), TEST_CACHE_DIR, { stateDir, load });
    await controller.start('small');
    await controller.setFaults({ offline: true, clockOffsetMs: 3_600_000 });
    await controller.stop();

    const again = await controller.start('small');
    expect(again.faults).toMatchObject({ offline: true, clockOffsetMs: 3_600_000 });
    await expect(fetch(`${again.url ?? ''}/health`)).rejects.toThrow();
    await controller.resetFaults();
    await controller.stop();

    const reset = await controller.start('small');
    expect(reset.faults).toMatchObject({ offline: false, clockOffsetMs: 0 });
    expect((await fetch(`${reset.url ?? ''}/health`)).status).toBe(200);
    await controller.stop();
  });

  it('without a stateDir starts in memory on any free port, as before', async () => {
    const seen: sandboxModule.StartSandboxOptions[] = [];
    const recording = async (): Promise<typeof sandboxModule> => {
      const real = await load();
      return { ...real, startSandbox: (opts) => (seen.push(opts), real.startSandbox(opts)) };
    };
    const controller = new SandboxController(new EventBus(), TEST_CACHE_DIR, { load: recording });
    const status = await controller.start('small');
    expect(status.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await controller.stop();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ port: 0, dataset: 'small' });
    expect(seen[0]?.stateFile).toBeUndefined();
  });
});
