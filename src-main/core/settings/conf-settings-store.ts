import type { Settings } from '../../../src-preload/api';
import type { SettingsStore } from './settings-service';

/**
 * Adapts a `conf` instance — or electron-store, which extends it — to the settings store. conf writes
 * atomically (temp file + rename), so a crash mid-save never leaves a half-written settings file.
 */
export interface ConfLike {
  store: Record<string, unknown>;
}

export function confSettingsStore(conf: ConfLike): SettingsStore {
  return {
    read: () => conf.store,
    write: (settings: Settings) => {
      conf.store = { ...settings };
    },
  };
}
