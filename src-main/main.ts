/** The desktop app's entry: a thin Electron shell around the electron-free core. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, safeStorage, session, shell } from 'electron';
import { createCoreApp, type CoreApp } from './core';
import {
  createElectronSettingsStore,
  createMainWindow,
  forwardEvents,
  hardenWebContents,
  registerAppScheme,
  registerIpcHandlers,
  SafeStorageKeyProvider,
  serveRenderer,
} from './electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '..', 'renderer');
const preloadPath = path.resolve(here, '..', 'preload', 'preload.cjs');

// One Bluebag per user: a second launch focuses the first window instead of opening the cache twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  let core: CoreApp | null = null;
  let window: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  void app.whenReady().then(() => {
    hardenWebContents(app, session.defaultSession, shell);
    const started = createCoreApp({
      dataDir: app.getPath('userData'),
      settingsStore: createElectronSettingsStore(),
      // The master key is wrapped by the OS keychain; where that would be plaintext, nothing is stored.
      keyProvider: new SafeStorageKeyProvider(safeStorage, path.join(app.getPath('userData'), 'master.key.safe')),
      // Bank holidays and form definitions: electron-builder's extraResources in a packaged app.
      resourcesDir: app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources'),
      info: {
        productName: 'Bluebag',
        version: app.getVersion(),
        shell: 'electron',
        electronVersion: process.versions.electron ?? null,
        platform: process.platform,
      },
    });
    core = started;
    serveRenderer(rendererDir, started);
    registerIpcHandlers(ipcMain, started);
    const open = () => {
      window = createMainWindow(preloadPath);
      if (core) forwardEvents(core, window.webContents);
      window.on('closed', () => {
        window = null;
      });
    };
    open();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let disposed = false;
  app.on('before-quit', (event) => {
    if (disposed || !core) return;
    event.preventDefault();
    disposed = true;
    void core.dispose().finally(() => app.quit());
  });
}
