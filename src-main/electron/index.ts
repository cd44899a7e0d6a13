export { APP_ENTRY_URL, isAppUrl, registerAppScheme, serveRenderer } from './app-protocol';
export { createMainWindow, mainWindowWebPreferences } from './main-window';
export { callFromRenderer, forwardEvents, isTrustedSender, registerIpcHandlers } from './ipc-bridge';
export { hardenWebContents, openIfHttps } from './web-security';
export { createElectronSettingsStore } from './electron-settings-store';
export { SafeStorageKeyProvider } from './safe-storage-key-provider';
