import path from 'node:path';
import Conf from 'conf';
import { confSettingsStore, createCoreApp, type CoreApp, type CoreOptions } from '../../src-main/core';

/** A real core on a real data folder, as browser mode builds it. */
export function makeCore(dataDir: string, overrides: Partial<CoreOptions> = {}): CoreApp {
  return createCoreApp({
    dataDir,
    settingsStore: confSettingsStore(new Conf({ cwd: dataDir, configName: 'settings', projectName: 'bluebag-test' })),
    info: { productName: 'Bluebag', version: '0.0.0-test', shell: 'browser', electronVersion: null, platform: process.platform },
    sandboxCacheDir: path.join(dataDir, 'sandbox-cache'),
    ...overrides,
  });
}
