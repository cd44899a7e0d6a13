import ElectronStore from 'electron-store';
import { confSettingsStore, type SettingsStore } from '../core';

/** electron-store keeps settings in the app's userData folder; it is conf underneath, hence the adapter. */
export function createElectronSettingsStore(): SettingsStore {
  return confSettingsStore(new ElectronStore({ name: 'settings' }));
}
