import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppInfo, CallResult, Settings } from '../../src-preload/api';
import { openCaseCache, type CaseCache } from './case-cache';
import { CasesService, currentCpClient } from './cases';
import { ConnectivityMonitor, type ConnectivityTarget } from './connectivity';
import { createDispatcher, type ContractHandlers } from './contract';
import { createStreamGet, type StreamGet } from './cp';
import { documentResponse, type DocumentResponse } from './documents';
import { toContractError } from './errors';
import { EventBus, type AnyEventListener } from './events';
import { FileKeyProvider, type KeyProvider } from './keys';
import { addNote, deleteNote, exportCaseNotes, listNotes, updateNote } from './notes';
import { readPosition, savePosition } from './reading';
import { SandboxController } from './sandbox';
import { SearchIndex } from './search';
import { SessionService } from './session';
import { VersionTracker } from './versions';
import { coreFormEngine, createFormsWork, formsContractHandlers, type FormsWork } from './form-drafts';
import { loadFormDefinitions } from './forms';
import { SettingsService, type SettingsStore } from './settings';
import { ServerClockEstimate, observingFetch, observingStreamGet } from './server-time';
import { bankHolidaysUpdateFile, loadBusinessCalendar, type BusinessCalendar } from './service-dates';
import { ClockEstimateSaver, cpServiceClock, readClockEstimate, type BankHolidayListSource, type StageResult } from './serving';
import { openServing, servingContractHandlers, type ServingWiring } from './serving-wiring';

export interface CoreOptions {
  /** Where this user's local data lives (Electron's userData, or the browser-mode data dir). */
  dataDir: string;
  settingsStore: SettingsStore;
  info: AppInfo;
  /** The master key's home: Electron safeStorage in the app; by default a 0600 key file in dataDir. */
  keyProvider?: KeyProvider;
  /** Shared across runs so the sample documents are generated once per machine. */
  sandboxCacheDir?: string;
  connectivity?: { onlineIntervalMs?: number; offlineIntervalMs?: number; timeoutMs?: number };
  /** Sign-in timing, shortened by tests. */
  auth?: { signInTimeoutMs?: number; refreshSkewSeconds?: number };
  syncIntervalMs?: number;
  /** The folder holding bank-holidays/ (process.resourcesPath when packaged); default the repo's resources/. */
  resourcesDir?: string;
}

export interface CoreApp {
  /** Validates and runs one contract call; never throws. */
  dispatch(method: string, rawArgs: unknown): Promise<CallResult<unknown>>;
  /** A stored document's bytes (a Range when asked), for the viewer: `/doc/<materialId>` in both shells. */
  openDocument(materialId: string, range: string | null, method: 'GET' | 'HEAD'): Promise<DocumentResponse>;
  /**
   * A file's bytes made a draft for service, for `POST /stage?caseId=&name=` in both shells; never
   * throws. `declaredLength`: the body's Content-Length, or null when the transport does not know it.
   */
  stageDocument(caseId: string, name: string, declaredLength: number | null, body: AsyncIterable<Uint8Array>): Promise<StageResult>;
  onEvent(listener: AnyEventListener): () => void;
  dispose(): Promise<void>;
}

export const MASTER_KEY_FILE = 'master.key';

export const CACHE_DIR = 'cache';

/**
 * The electron-free core: everything the app does, behind the contract. The Electron shell and the
 * browser-mode host are two thin transports in front of this one object.
 */
export function createCoreApp(options: CoreOptions): CoreApp {
  const bus = new EventBus();
  const settings = new SettingsService(options.settingsStore, bus);
  // The sample world keeps its state (associations, forms, served documents, tokens) and its port
  // between runs, as a real server would: a restart must not sign the user out or forget their work.
  const sandbox = new SandboxController(bus, options.sandboxCacheDir ?? path.join(options.dataDir, 'sandbox-cache'), {
    stateDir: path.join(options.dataDir, 'sandbox-state'),
  });
  const keyProvider = options.keyProvider ?? new FileKeyProvider(path.join(options.dataDir, MASTER_KEY_FILE));

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
  const baseUrl = () => target()?.baseUrl ?? null;
  const connectivity = new ConnectivityMonitor({ bus, target, ...options.connectivity });

  let cases: CasesService | null = null;
  const session = new SessionService({
    bus,
    dataDir: options.dataDir,
    keyProvider,
    baseUrl,
    onSignedIn: () => cases?.reconnected(),
    ...(options.auth ? { authOptions: options.auth } : {}),
  });
  // CP's clock as last seen, from the Date header of every CP answer (restored from the database
  // once it is open): deemed service runs on CP's time, never the laptop's.
  let clockEstimate = new ServerClockEstimate();
  let clockSaver: ClockEstimateSaver | null = null;
  const cpFetch: typeof fetch = async (input, init) => {
    const response = await observingFetch(globalThis.fetch, clockEstimate)(input, init);
    clockSaver?.observed();
    return response;
  };
  const streamGet = createStreamGet();
  const cpStreamGet: StreamGet = async (url, headers, signal) => {
    const answer = await observingStreamGet(streamGet, clockEstimate)(url, headers, signal);
    clockSaver?.observed();
    return answer;
  };
  const client = currentCpClient(baseUrl, () => session.accessToken(), { fetch: cpFetch, streamGet: cpStreamGet });
  let calendar: { calendar: BusinessCalendar; source: BankHolidayListSource } | null = null;
  const resourcesDir = options.resourcesDir ?? fileURLToPath(new URL('../../resources', import.meta.url));
  const calendarLoaded = loadBusinessCalendar({
    resourcesDir,
    updateFile: bankHolidaysUpdateFile(options.dataDir),
  }).then(
    (loaded) => {
      // A refused update is told to the user beside every service date (ServiceForecastNotice).
      if (loaded.update.status === 'rejected') console.warn(`[bank-holidays] ${loaded.update.error.message}: using the shipped list`);
      const source = loaded.update.status === 'applied' ? 'updated' : loaded.update.status === 'rejected' ? 'updateRefused' : 'shipped';
      calendar = { calendar: loaded.calendar, source };
    },
    // Without the shipped list no date can be certain: receipts are still kept, without a deemed date.
    () => null,
  );
  const serviceClock = cpServiceClock({ estimate: () => clockEstimate, calendar: () => calendar });

  // The cache opens once the master key is at hand (safeStorage may prompt); calls that need it wait.
  let search: SearchIndex | null = null;
  let disposed = false;
  // PET / BCM definitions are data shipped in resources/forms; a broken file leaves the others usable.
  const formDefinitions = loadFormDefinitions(path.join(resourcesDir, 'forms')).then((loaded) => {
    for (const error of loaded.errors) console.error('[forms] a form definition was refused:', path.basename(error.file), error.fault);
    return loaded.definitions;
  });
  let forms: FormsWork | null = null;
  const ready: Promise<{ cache: CaseCache; cases: CasesService; versions: VersionTracker; search: SearchIndex; serving: ServingWiring; forms: FormsWork }> = keyProvider.masterKey().then(async (masterKey) => {
    await calendarLoaded;
    const definitions = await formDefinitions;
    const cache = openCaseCache({
      dir: path.join(options.dataDir, CACHE_DIR),
      masterKey,
      client,
      budgetBytes: () => settings.get().storageBudgetBytes,
      onProgress: (progress) => {
        cases?.onProgress(progress);
        // Newly stored documents are indexed in the background (kick is cheap and idempotent).
        search?.kick();
      },
      onSyncState: (state) => cases?.onEngineState(state),
      onCasesChanged: (caseIds) => {
        bus.emit('cases.changed', { caseIds });
        search?.kick();
        // CP bumps a case's version when one of its forms is saved: fetch its forms again.
        void forms?.refresh.request(caseIds);
      },
    });
    if (clockEstimate.snapshot() === null) clockEstimate = readClockEstimate(cache.db);
    clockSaver = new ClockEstimateSaver(cache.db, () => clockEstimate);
    const serving = openServing({
      dataDir: options.dataDir,
      masterKey,
      db: cache.db,
      client,
      bus,
      clock: serviceClock,
      outbox: () => cases?.outbox ?? null,
      waitingFor: () => (session.status().state !== 'signedIn' ? 'signInRequired' : connectivity.get().state === 'offline' ? 'offline' : null),
    });
    forms = createFormsWork({
      db: cache.db,
      api: client,
      engine: coreFormEngine(definitions),
      online: () => session.status().state === 'signedIn' && connectivity.get().state !== 'offline',
      userId: () => session.currentUser()?.userId ?? null,
      // Today in England and Wales by CP's clock as last seen: the same day serving and check-in use.
      today: () => serviceClock.today(),
      serverOffsetMs: () => {
        const local = Date.now();
        return (clockEstimate.estimate(local)?.serverNowMs ?? local) - local;
      },
      wakeOutbox: () => void cases?.outbox.wake(),
      emitChanged: (caseId, formIds) => bus.emit('forms.changed', { caseId, formIds: [...formIds] }),
    });
    const formsWork = forms;
    cases = new CasesService({
      cache,
      client,
      otherJobs: [serving.outboxJobs, { handlers: formsWork.handlers, onSettled: (job) => formsWork.service.jobSettled(job) }],
      signedIn: () => session.status().state === 'signedIn',
      budgetBytes: () => settings.get().storageBudgetBytes,
      emitSync: (status) => bus.emit('sync.changed', status),
      emitCases: (caseIds) => bus.emit('cases.changed', { caseIds }),
      reportOffline: () => void connectivity.check(),
      ...(options.syncIntervalMs === undefined ? {} : { syncIntervalMs: options.syncIntervalMs }),
    });
    cases.start();
    const versions = new VersionTracker({ db: cache.db, onChanged: (caseId) => bus.emit('notes.changed', { caseId }) });
    // A republished bundle can be compared (and its notes carried) once both versions are indexed.
    const checkVersions = () =>
      setImmediate(() => {
        // Scheduled work must not outlive the database, nor take the app down if it fails.
        if (disposed) return;
        try {
          versions.check();
        } catch (error) {
          console.error('[versions] check failed:', error instanceof Error ? error.name : 'unknown');
        }
      });
    search = new SearchIndex({
      db: cache.db,
      vault: cache.vault,
      onStatus: (status) => {
        bus.emit('search.changed', status);
        checkVersions();
      },
    });
    search.start();
    checkVersions();
    return { cache, cases, versions, search, serving, forms: formsWork };
  });
  // A failure here reaches the user through the first call that needs the cache.
  ready.catch(() => undefined);
  const withCases = async () => (await ready).cases;
  const withForms = async () => (await ready).forms.service;

  /** After the server changed (mode switched, sandbox (re)started): pick up its session and sync. */
  const followServer = async (): Promise<void> => {
    await connectivity.check();
    await session.follow();
    (await withCases()).reconnected();
  };

  const useMode = (patch: Pick<Settings, 'mode' | 'cpBaseUrl'>): Settings => {
    const next = settings.update(patch);
    void followServer().catch(() => undefined);
    return next;
  };

  // Back online: send what waits and sync, without the user having to ask.
  bus.subscribe((name, payload) => {
    if (name === 'connectivity.changed' && (payload as { state: string }).state === 'online') {
      void withCases()
        .then((service) => service.reconnected())
        .catch(() => undefined);
    }
  });

  const handlers: ContractHandlers = {
    'app.getInfo': () => options.info,
    'settings.get': () => settings.get(),
    'settings.update': async (patch) => {
      const next = settings.update(patch);
      if (patch.storageBudgetBytes !== undefined) (await withCases()).resume();
      return next;
    },
    'connectivity.get': () => connectivity.get(),
    'connectivity.check': () => connectivity.check(),

    'session.getStatus': () => session.follow(),
    'session.signIn': () => session.signIn(),
    'session.cancelSignIn': () => session.cancelSignIn(),
    'session.unsentCount': async () => ({
      count: (await withCases()).unsentCount() + (await withForms()).unsentCount() + (await ready).serving.serving.draftCount(),
    }),
    'session.signOut': async ({ unsentWork }) => {
      const status = await session.signOut();
      await (await withCases()).wipe(unsentWork);
      await (await ready).serving.wipe(unsentWork);
      (await withForms()).wipe(unsentWork);
      return status;
    },

    'cases.list': async () => (await withCases()).list(),
    'cases.get': async ({ caseId }) => (await withCases()).get(caseId),
    'cases.focus': async ({ caseId }) => {
      (await withCases()).focus(caseId);
      return {};
    },
    'cases.setKeepOffline': async ({ caseId, keep }) => (await withCases()).setKeepOffline(caseId, keep),
    'cases.search': async ({ urn }) => (await withCases()).search(urn),
    'cases.associate': async (request) => (await withCases()).associate(request),
    'cases.disassociate': async ({ caseId, defendantId }) => (await withCases()).disassociate(caseId, defendantId),
    'cases.pendingAssociations': async () => (await withCases()).pending(),
    'cases.cancelPending': async ({ jobId }) => (await withCases()).cancelPending(jobId),

    'sync.getStatus': async () => (await withCases()).status(),
    'sync.now': async () => (await withCases()).syncNow(),
    'sync.pause': async () => (await withCases()).pause(),
    'sync.resume': async () => (await withCases()).resume(),
    'sync.retryFailed': async () => (await withCases()).retryFailed(),

    'reading.getPosition': async ({ materialId }) => readPosition((await ready).cache.db, materialId),
    'reading.setPosition': async (position) => {
      savePosition((await ready).cache.db, position, new Date());
      return {};
    },
    'reading.pageInfo': async ({ materialId }) => (await ready).search.pageInfo(materialId),
    'search.query': async (query) => (await ready).search.query(query),
    'search.status': async () => (await ready).search.status(),

    'notes.list': async ({ caseId }) => listNotes((await ready).cache.db, caseId),
    'notes.add': async (input) => {
      const note = addNote((await ready).cache.db, input, new Date());
      bus.emit('notes.changed', { caseId: note.caseId });
      return note;
    },
    'notes.update': async ({ noteId, body, colour }) => {
      const note = updateNote((await ready).cache.db, noteId, { body, colour }, new Date());
      bus.emit('notes.changed', { caseId: note.caseId });
      return note;
    },
    'notes.delete': async ({ noteId }) => {
      const caseId = deleteNote((await ready).cache.db, noteId);
      bus.emit('notes.changed', { caseId });
      return {};
    },
    'notes.export': async ({ caseId, format }) => exportCaseNotes((await ready).cache.db, caseId, format, new Date(), settings.get().language),
    'documents.versionChanges': async ({ caseId }) => (await ready).versions.list(caseId),
    'documents.dismissOldVersion': async ({ documentId }) => {
      (await ready).versions.dismiss(documentId);
      return {};
    },

    ...formsContractHandlers(withForms),
    ...servingContractHandlers(async () => (await ready).serving),

    'cp.connect': async ({ baseUrl: address }) => {
      await sandbox.stop();
      return useMode({ mode: 'commonPlatform', cpBaseUrl: new URL(address).toString() });
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
      .then(() => followServer())
      .catch(() => undefined);
  } else {
    void followServer().catch(() => undefined);
  }

  return {
    dispatch,
    openDocument: async (materialId, range, method) => {
      const { cache } = await ready;
      return documentResponse(cache.db, cache.vault, materialId, range, method);
    },
    stageDocument: async (caseId, name, declaredLength, body) => {
      try {
        return await (await ready).serving.stage(caseId, name, declaredLength, body);
      } catch (error) {
        return { status: 503, error: toContractError(error) };
      }
    },
    onEvent: (listener) => bus.subscribe(listener),
    dispose: async () => {
      disposed = true;
      connectivity.dispose();
      session.dispose();
      const opened = await ready.catch(() => null);
      if (opened) {
        await opened.search.stop();
        await opened.cases.stop();
        await opened.serving.dispose();
        opened.forms.refresh.stop();
        clockSaver?.flush();
        await opened.cache.close();
      }
      await sandbox.stop();
    },
  };
}
