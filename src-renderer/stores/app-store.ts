import { create } from 'zustand';
import type {
  AppInfo,
  Connectivity,
  ContractError,
  Language,
  MethodArgs,
  SandboxStatus,
  SessionStatus,
  Settings,
} from '../../src-preload/api';
import { changeLanguage } from '../i18n';
import { bridge } from './bridge';

export type View =
  | { name: 'cases' }
  | { name: 'case'; caseId: string }
  /** A stored document in the viewer; `page` and `highlight` open a search hit or a note's page. */
  | { name: 'viewer'; caseId: string; documentId: string; materialId: string; page?: number; highlight?: string }
  | { name: 'addCase' }
  /** Serve documents on the court for one case (features/serving). */
  | { name: 'serve'; caseId: string }
  /** A PET or BCM form of a case (features/forms); `contactEmail` is the BCM's two-step email change. */
  | { name: 'form'; caseId: string; formId: string }
  | { name: 'formContactEmail'; caseId: string; formId: string }
  | { name: 'outbox' }
  | { name: 'search' }
  | { name: 'sync' }
  | { name: 'sandbox' }
  | { name: 'settings' }
  | { name: 'help' };
export type ViewName = View['name'];

interface AppState {
  ready: boolean;
  loadError: ContractError | null;
  info: AppInfo | null;
  settings: Settings | null;
  connectivity: Connectivity | null;
  session: SessionStatus | null;
  sandbox: SandboxStatus | null;
  view: View;
  setView(view: View): void;
  setLanguage(language: Language): Promise<void>;
  setSandboxFaults(patch: MethodArgs<'sandbox.setFaults'>): Promise<void>;
}

export const useAppStore = create<AppState>()((set, get) => ({
  ready: false,
  loadError: null,
  info: null,
  settings: null,
  connectivity: null,
  session: null,
  sandbox: null,
  view: { name: 'cases' },
  setView: (view) => set({ view }),
  setLanguage: async (language) => {
    // Switch at once for the user; the saved setting follows (and the event confirms it).
    await changeLanguage(language);
    const result = await bridge.call('settings.update', { language });
    if (result.ok) set({ settings: result.value });
  },
  setSandboxFaults: async (patch) => {
    // Show the switch moved at once; main's answer (or, on failure, a fresh read) has the last word.
    const before = get().sandbox;
    if (before?.faults) set({ sandbox: { ...before, faults: { ...before.faults, ...patch } } });
    const result = await bridge.call('sandbox.setFaults', patch);
    if (result.ok) {
      set({ sandbox: result.value });
    } else {
      const fresh = await bridge.call('sandbox.getStatus', {});
      set({ sandbox: fresh.ok ? fresh.value : before });
    }
  },
}));

/**
 * Loads the first state and keeps it current from main's events. The renderer never polls: main pushes
 * every change, and the store holds the last word.
 */
export async function loadAppState(): Promise<Settings | null> {
  // An event can overtake the first read's answer (they travel on different connections): what an
  // event said is newer, and the first read must not put the older state back.
  const heard = new Set<'settings' | 'connectivity' | 'session' | 'sandbox'>();
  const unsubscribers = [
    bridge.on('settings.changed', (settings) => {
      heard.add('settings');
      useAppStore.setState({ settings });
      void changeLanguage(settings.language);
    }),
    bridge.on('connectivity.changed', (connectivity) => {
      heard.add('connectivity');
      useAppStore.setState({ connectivity });
    }),
    bridge.on('session.changed', (session) => {
      heard.add('session');
      useAppStore.setState({ session });
    }),
    bridge.on('sandbox.changed', (sandbox) => {
      heard.add('sandbox');
      useAppStore.setState({ sandbox });
    }),
  ];
  const [info, settings, connectivity, session, sandbox] = await Promise.all([
    bridge.call('app.getInfo', {}),
    bridge.call('settings.get', {}),
    bridge.call('connectivity.get', {}),
    bridge.call('session.getStatus', {}),
    bridge.call('sandbox.getStatus', {}),
  ]);
  if (!info.ok || !settings.ok || !connectivity.ok || !session.ok || !sandbox.ok) {
    const failed = [info, settings, connectivity, session, sandbox].find((result) => !result.ok);
    useAppStore.setState({ ready: true, loadError: failed && !failed.ok ? failed.error : null });
    for (const unsubscribe of unsubscribers) unsubscribe();
    return null;
  }
  useAppStore.setState({
    ready: true,
    info: info.value,
    ...(heard.has('settings') ? {} : { settings: settings.value }),
    ...(heard.has('connectivity') ? {} : { connectivity: connectivity.value }),
    ...(heard.has('session') ? {} : { session: session.value }),
    ...(heard.has('sandbox') ? {} : { sandbox: sandbox.value }),
  });
  return useAppStore.getState().settings ?? settings.value;
}
