/**
 * The whole preload: it forwards calls and events and nothing else. It imports only the channel
 * names (no schemas), because main validates every call anyway and a sandboxed preload should be tiny.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_METHOD_PREFIX } from './contract/channels';

contextBridge.exposeInMainWorld('bluebag', {
  call: (method: string, args: unknown): Promise<unknown> => ipcRenderer.invoke(`${IPC_METHOD_PREFIX}${method}`, args),
  on: (event: string, listener: (payload: unknown) => void): (() => void) => {
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
});
