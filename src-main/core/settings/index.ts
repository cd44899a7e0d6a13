export { SettingsService, DEFAULT_SETTINGS, type SettingsStore } from './settings-service';
export { confSettingsStore, type ConfLike } from './conf-settings-store';
