import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_METHOD_PREFIX, methodNames, type CallResult } from '../../src-preload/api';
import type { CoreApp } from '../core';
import { isAppUrl } from './app-protocol';

/**
 * One allow-listed channel per contract method; nothing else is handled. Every call must come from the
 * app's own top-level frame (not a subframe, not another origin) and its argument is validated by the
 * core's dispatcher before any handler runs.
 */
export function registerIpcHandlers(ipcMain: IpcMain, core: CoreApp): () => void {
  for (const name of methodNames) {
    ipcMain.handle(`${IPC_METHOD_PREFIX}${name}`, (event, args: unknown) => callFromRenderer(core, name, event, args));
  }
  return () => {
    for (const name of methodNames) ipcMain.removeHandler(`${IPC_METHOD_PREFIX}${name}`);
  };
}

export async function callFromRenderer(
  core: CoreApp,
  method: string,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  args: unknown,
): Promise<CallResult<unknown>> {
  if (!isTrustedSender(event)) {
    return { ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } };
  }
  return core.dispatch(method, args);
}

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** Pushes every core event to the window, for as long as it lives. */
export function forwardEvents(core: CoreApp, contents: WebContents): () => void {
  const unsubscribe = core.onEvent((name, payload) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, name, payload);
  });
  contents.once('destroyed', unsubscribe);
  return unsubscribe;
}
