import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connectivity } from '../../src-preload/api';
import { ConnectivityMonitor } from '../../src-main/core/connectivity';
import { EventBus } from '../../src-main/core/events';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function monitorFor(baseUrl: string | null, bus = new EventBus()) {
  return new ConnectivityMonitor({
    bus,
    target: () => (baseUrl ? { kind: 'commonPlatform', baseUrl } : null),
    timeoutMs: 500,
  });
}

describe('connectivity monitor', () => {
  it('is unconfigured without a target', async () => {
    await expect(monitorFor(null).check()).resolves.toMatchObject({ state: 'unconfigured', target: null });
  });

  it('is online when the server answers, even with a 404', async () => {
    const url = await serve((_req, res) => res.writeHead(404).end());
    const state = await monitorFor(url).check();
    expect(state).toMatchObject({ state: 'online', target: 'commonPlatform' });
    expect(state.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('reports server trouble on a 5xx', async () => {
    const url = await serve((_req, res) => res.writeHead(503).end());
    await expect(monitorFor(url).check()).resolves.toMatchObject({ state: 'serverError' });
  });

  it('is offline when nothing listens, or nothing answers in time', async () => {
    const closed = await serve(() => undefined);
    const port = new URL(closed).port;
    await new Promise((resolve) => servers.pop()?.close(resolve));
    await expect(monitorFor(`http://127.0.0.1:${port}`).check()).resolves.toMatchObject({ state: 'offline' });

    const silent = await serve(() => undefined); // accepts, never answers
    await expect(monitorFor(silent).check()).resolves.toMatchObject({ state: 'offline' });
  });

  it('emits connectivity.changed only when the state changes', async () => {
    const url = await serve((_req, res) => res.writeHead(200).end());
    const bus = new EventBus();
    const seen: Connectivity[] = [];
    bus.subscribe((name, payload) => {
      if (name === 'connectivity.changed') seen.push(payload as Connectivity);
    });
    const monitor = monitorFor(url, bus);
    await monitor.check();
    await monitor.check();
    expect(seen.map((s) => s.state)).toEqual(['checking', 'online']);
  });
});
