import type { App, Session, Shell } from 'electron';
import { parseCpAddress } from '../../src-preload/api';
import { isAppUrl } from './app-protocol';

/**
 * Locks every web contents the app ever creates: no navigation away from the app, no new windows
 * (https links go to the system browser instead), no <webview>, and every permission prompt refused —
 * a criminal-case reader needs no camera, microphone, location or notifications from web content.
 */
export function hardenWebContents(app: App, session: Session, shell: Pick<Shell, 'openExternal'>): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      openIfHttps(shell, url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (isAppUrl(url)) return;
      event.preventDefault();
      openIfHttps(shell, url);
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Opens https links in the system browser — and plain http only on this computer, which is where the
 * built-in sandbox's sign-in page lives (RFC 8252: sign-in belongs in the user's own browser).
 */
export function openIfHttps(shell: Pick<Shell, 'openExternal'>, rawUrl: string): boolean {
  if (parseCpAddress(rawUrl.split('?')[0] ?? '') === null) return false;
  void shell.openExternal(rawUrl);
  return true;
}
