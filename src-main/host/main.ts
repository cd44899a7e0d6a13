/**
 * Browser mode's entry: the same core and renderer as the desktop app, served on 127.0.0.1. Used where
 * the Electron runtime is not installed, and as the e2e test harness.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Conf from 'conf';
import { confSettingsStore, createCoreApp } from '../core';
import { defaultBrowserModeDataDir } from './data-dir';
import { startHostServer } from './host-server';
import { openInBrowser } from './open-browser';

declare const __BLUEBAG_VERSION__: string;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
    'sandbox-cache-dir': { type: 'string' },
    'no-open': { type: 'boolean', default: false },
  },
});

const dataDir = path.resolve(values['data-dir'] ?? process.env.BLUEBAG_DATA_DIR ?? defaultBrowserModeDataDir());
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '..', 'renderer');

const core = createCoreApp({
  dataDir,
  settingsStore: confSettingsStore(new Conf({ cwd: dataDir, configName: 'settings', projectName: 'bluebag' })),
  info: {
    productName: 'Bluebag',
    version: __BLUEBAG_VERSION__,
    shell: 'browser',
    electronVersion: null,
    platform: process.platform,
  },
  ...(values['sandbox-cache-dir'] ? { sandboxCacheDir: path.resolve(values['sandbox-cache-dir']) } : {}),
});

const host = await startHostServer({ core, rendererDir, port: Number(values.port) });
console.log(`Bluebag (browser mode) is ready: ${host.url}`);
if (!values['no-open']) openInBrowser(host.url);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await host.close();
  await core.dispose();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
