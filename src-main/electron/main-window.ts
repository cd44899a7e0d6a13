import { BrowserWindow, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-protocol';

/** The renderer gets no Node, an isolated preload world, a sandbox, and the browser's web security. */
export function mainWindowWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  };
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 800,
    minHeight: 560,
    title: 'Bluebag',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: mainWindowWebPreferences(preloadPath),
  });
  // Shown once painted, so the user never sees a blank white frame.
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
