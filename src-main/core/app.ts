import path from 'node:path';
import type { AppInfo, CallResult, SessionStatus, Settings } from '../../src-preload/api';
import { ConnectivityMonitor, type ConnectivityTarget } from './connectivity';
import { createDispatcher, type ContractHandlers } from './contract';
import { EventBus, type AnyEventListener } from './events';
import { SandboxController } from './sandbox';
import { SettingsService, type SettingsStore } from './settings';

export interface CoreOptions {
  /** Where this user's local data lives (Electron's userData, or the browser-mode data dir). */
  dataDir: string;
  settingsStore: SettingsStore;
  info: AppInfo;
  /** Shared across runs so the sample documents are generated once per machine. */
  sandboxCacheDir?: string;
  connectivity?: { onlineIntervalMs?: number; offlineIntervalMs?: number; timeoutMs?: number };
}

export interface CoreApp {
  /** Validates and runs one contract call; never throws. */
  dispatch(method: string, rawArgs: unknown): Promise<CallResult<unknown>>;
  onEvent(listener: AnyEventListener): () => void;
  dispose(): Promise<void>;
}

const SIGNED_OUT: SessionStatus = { state: 'signedOut', user: null };

/**
 * The electron-free core: everything the app does, behind the contract. The Electron shell and the
 * browser-mode host are two thin transports in front of this one object.
 */
export function createCoreApp(options: CoreOptions): CoreApp {
  const bus = new EventBus();
  const settings = new SettingsService(options.settingsStore, bus);
  const sandbox = new SandboxController(bus, options.sandboxCacheDir ?? path.join(options.dataDir, 'sandbox-cache'));

  const target = (): ConnectivityTarget | null => {
    const current = settings.get();
    switch (current.mode) {
      case 'unconfigured':
        return null;
      case 'commonPlatform':
        return current.cpBaseUrl ? { kind: 'commonPlatform', baseUrl: current.cpBaseUrl } : null;
      case 'sandbox': {
        const url = sandbox.url();
        return url ? { kind: 'sandbox', baseUrl: url } : null;
      }
    }
  };
  const connectivity = new ConnectivityMonitor({ bus, target, ...options.connectivity });

  const useMode = (patch: Pick<Settings, 'mode' | 'cpBaseUrl'>): Settings => {
    const next = settings.update(patch);
    void connectivity.check();
    return next;
  };

  const handlers: ContractHandlers = {
    'app.getInfo': () => options.info,
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
    'connectivity.get': () => connectivity.get(),
    'connectivity.check': () => connectivity.check(),
    'session.getStatus': () => SIGNED_OUT,
    'cp.connect': async ({ baseUrl }) => {
      await sandbox.stop();
      return useMode({ mode: 'commonPlatform', cpBaseUrl: new URL(baseUrl).toString() });
    },
    'cp.disconnect': async () => {
      await sandbox.stop();
      return useMode({ mode: 'unconfigured', cpBaseUrl: null });
    },
    'sandbox.start': async ({ dataset }) => {
      const status = await sandbox.start(dataset);
      useMode({ mode: 'sandbox', cpBaseUrl: null });
      return status;
    },
    'sandbox.stop': async () => {
      const status = await sandbox.stop();
      void connectivity.check();
      return status;
    },
    'sandbox.getStatus': () => sandbox.status(),
    'sandbox.setFaults': async (patch) => {
      const status = await sandbox.setFaults(patch);
      void connectivity.check();
      return status;
    },
    'sandbox.resetFaults': async () => {
      const status = await sandbox.resetFaults();
      void connectivity.check();
      return status;
    },
  };
  const dispatch = createDispatcher(handlers);

  connectivity.start();
  // Someone who chose the sample cases last time comes back to them, not to the first-run screen.
  if (settings.get().mode === 'sandbox') {
    void sandbox
      .start('small')
      .then(() => connectivity.check())
      .catch(() => undefined);
  }

  return {
    dispatch,
    onEvent: (listener) => bus.subscribe(listener),
    dispose: async () => {
      connectivity.dispose();
      await sandbox.stop();
    },
  };
}
