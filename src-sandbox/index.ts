/**
 * Bluebag's Common Platform sandbox: a real HTTP server that speaks CP's API
 * shapes over seeded, deterministic data, with switchable faults. The only module
 * other code imports (plus faults-schema.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApiServer } from './api-server';
import { TokenStore } from './auth/tokens';
import { ServerClock } from './clock';
import { ControlServer } from './control-server';
import { FaultController } from './faults';
import type { Faults } from './faults-schema';
import { IdempotencyStore } from './http/idempotency';
import type { DatasetName } from './model';
import { defaultCacheDir, ensureGenerated } from './pdf/cache';
import { prepareFilesFolder } from './persistence/files-folder';
import { openStateFile, setAside, type StateFileStart } from './persistence/open-state-file';
import { applyStateDocument, serialiseStateDocument, type LiveStores } from './persistence/state-document';
import { filesDirFor } from './persistence/state-file';
import { StateSaver } from './persistence/state-saver';
import { StateMismatch, referencedFiles } from './persistence/snapshot';
import { parseIsoDate, todayUtc } from './seed/dates';
import { DEFAULT_SEED, GENERATOR_VERSION, PROFILES, generateDataset } from './seed/dataset';
import { republishIdpc } from './state/republish';
import { SandboxState } from './state/store';
import { StatsRecorder, type SandboxStats } from './stats';

export type { Faults, FaultsPatch, ErrorKind, CorruptionMode } from './faults-schema';
export { DEFAULT_FAULTS, FaultsSchema, FaultsPatchSchema } from './faults-schema';
export type { SandboxStats, UploadStat, CheckInStat } from './stats';
export { CaseSearchResponseSchema } from './schemas/search-response';
export { DEFAULT_SEED } from './seed/dataset';
export { ORGANISATIONS, USERS, SANDBOX_PASSWORD, PUBLIC_CLIENT_ID, SCRIPT_CLIENT, FIRM_1_ID, FIRM_2_ID } from './seed/firms';

export interface StartSandboxOptions {
  /** 0 (default) = any free port. */
  readonly port?: number;
  readonly host?: '127.0.0.1';
  readonly dataset: DatasetName;
  readonly seed?: number;
  /** YYYY-MM-DD; default today (UTC). Hearings are placed around it. */
  readonly anchorDate?: string;
  /** Where generated PDFs are kept between runs; default ~/.cache/bluebag-sandbox. */
  readonly cacheDir?: string;
  /** Omit for no control listener; 0 = any free port. */
  readonly controlPort?: number;
  readonly onProgress?: (p: { done: number; total: number; phase: string }) => void;
  readonly accessTokenTtlSeconds?: number;
  readonly refreshTokenTtlSeconds?: number;
  /** Form section lock lifetime; default 300 s. */
  readonly lockTtlSeconds?: number;
  /** Largest document accepted for service; default 100 MB. */
  readonly maxUploadBytes?: number;
  /** How long a "timeout" fault holds a request before closing it; default 30 s. */
  readonly hungRequestCloseMs?: number;
  /** Worker threads for first-time PDF generation; default: cores (max 4); 0 = this thread. */
  readonly generationWorkers?: number;
  /**
   * Keep what clients change (associations, forms, served documents, check-ins, tokens,
   * idempotency records…) in this JSON file, loaded at start and saved after changes, so a
   * restart carries on like a real server. Uploads go to a folder beside it (`x.json` → `x.files/`).
   * A reused file also keeps its anchor date. Omit for all state in memory (tests). One process per file.
   */
  readonly stateFile?: string;
  /** One-line notices (a state file set aside, a failed save); default console.warn. Never personal data. */
  readonly log?: (line: string) => void;
}

export interface PersistenceInfo {
  readonly stateFile: string;
  /** Served uploads and republished bundles. */
  readonly filesDir: string;
  /** 'file': carried on from the state file; 'fresh': no usable file, started from the seed. */
  readonly startedFrom: 'file' | 'fresh';
}

export interface GenerationInfo {
  /** False when PDFs were reused from the cache. */
  readonly generated: boolean;
  readonly ms: number;
  readonly totalBytes: number;
  readonly materials: number;
  readonly cacheDir: string;
}

export interface Sandbox {
  readonly url: string;
  readonly port: number;
  readonly controlUrl: string | null;
  readonly dataset: DatasetName;
  readonly seed: number;
  readonly anchorDate: string;
  readonly generation: GenerationInfo;
  /** Null without `stateFile`. */
  readonly persistence: PersistenceInfo | null;
  getFaults(): Faults;
  setFaults(patch: Partial<Faults>): Promise<Faults>;
  resetFaults(): Promise<Faults>;
  /** Server clock, including clockOffsetMs. */
  now(): Date;
  stats(): SandboxStats;
  stop(): Promise<void>;
}

export async function startSandbox(opts: StartSandboxOptions): Promise<Sandbox> {
  const host = opts.host ?? '127.0.0.1';
  const seed = opts.seed ?? DEFAULT_SEED;
  const log = opts.log ?? ((line: string) => console.warn(`[sandbox] ${line}`));
  if (opts.anchorDate !== undefined) parseIsoDate(opts.anchorDate);
  // Read before generating: a reused state file decides the anchor date.
  const stored: StateFileStart | null = opts.stateFile === undefined ? null : await openStateFile(opts.stateFile, { dataset: opts.dataset, seed, anchorDate: opts.anchorDate }, log);
  const anchorDate = stored?.world.anchorDate ?? opts.anchorDate ?? todayUtc();
  parseIsoDate(anchorDate);
  const started = performance.now();
  const dataset = generateDataset(opts.dataset, seed, anchorDate);
  const plans = dataset.documents.flatMap((d) => d.materials.map((m) => m.plan));
  const cache = await ensureGenerated({
    cacheDir: opts.cacheDir ?? defaultCacheDir(),
    dataset: opts.dataset,
    seed,
    anchorDate,
    plans,
    scanMode: PROFILES[opts.dataset].scanMode,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.generationWorkers === undefined ? {} : { workers: opts.generationWorkers }),
  });
  const generation: GenerationInfo = { generated: cache.generated, ms: Math.round(performance.now() - started), totalBytes: cache.manifest.totalBytes, materials: plans.length, cacheDir: cache.dir };
  // Uploads must survive a restart when state does; otherwise they are scratch, removed on stop.
  const runtimeDir = stored ? filesDirFor(stored.file) : await mkdtemp(path.join(os.tmpdir(), 'bluebag-sandbox-run-'));

  const faults = new FaultController(seed);
  const clock = new ServerClock(() => faults.clockOffsetMs());
  const stats = new StatsRecorder();
  const freshStores = (): LiveStores => ({
    state: new SandboxState(dataset, cache.manifest, cache.dir, runtimeDir),
    tokens: new TokenStore(opts.accessTokenTtlSeconds ?? 900, opts.refreshTokenTtlSeconds ?? 8 * 3600),
    idempotency: new IdempotencyStore(),
  });
  let live = freshStores();
  let startedFrom: PersistenceInfo['startedFrom'] = 'fresh';
  if (stored?.saved) {
    try {
      await applyStateDocument(stored.saved, live, runtimeDir);
      startedFrom = 'file';
    } catch (err) {
      await setAside(stored.file, 'corrupt', `does not fit its sample world (${err instanceof StateMismatch ? err.message : 'unexpected error'})`, log);
      live = freshStores();
    }
  }
  if (stored) await prepareFilesFolder(runtimeDir, referencedFiles(live.state, runtimeDir));
  const { state, tokens, idempotency } = live;
  const saver = stored
    ? new StateSaver(stored.file, () => serialiseStateDocument({ dataset: opts.dataset, seed, anchorDate, generatorVersion: GENERATOR_VERSION }, live, runtimeDir, clock.nowMs()), log)
    : null;
  const api = new ApiServer({
    host,
    faults,
    hungRequestCloseMs: opts.hungRequestCloseMs ?? 30_000,
    services: { state, tokens, clock, stats, idempotency, lockTtlMs: (opts.lockTtlSeconds ?? 300) * 1000, maxUploadBytes: opts.maxUploadBytes ?? 100 * 1024 * 1024, runtimeDir },
    ...(saver ? { onMutation: () => saver.markDirty() } : {}),
  });
  try {
    await api.listen(opts.port ?? 0);
  } catch (err) {
    // Port taken (the app then retries on any port): leave nothing behind.
    await api.stop();
    if (!saver) await rm(runtimeDir, { recursive: true, force: true });
    throw err;
  }
  // Pin the world at once on a fresh start: with the anchor saved, tomorrow's restart finds the same one.
  if (saver && startedFrom === 'fresh') {
    saver.markDirty();
    await saver.flush();
  }

  // Fault changes that touch the listener are serialised so quick toggles cannot interleave.
  let pending: Promise<unknown> = Promise.resolve();
  const applyFaults = (change: () => { previous: Faults; next: Faults }): Promise<Faults> => {
    const run = pending.then(async () => {
      const { previous, next } = change();
      if (previous.offline !== next.offline) await api.setOffline(next.offline);
      return next;
    });
    pending = run.catch(() => undefined);
    return run;
  };

  const sandbox: Sandbox = {
    url: api.url,
    port: api.port,
    controlUrl: null,
    dataset: opts.dataset,
    seed,
    anchorDate,
    generation,
    persistence: saver ? { stateFile: path.resolve(opts.stateFile ?? ''), filesDir: runtimeDir, startedFrom } : null,
    getFaults: () => faults.get(),
    setFaults: (patch) => applyFaults(() => faults.apply(patch)),
    resetFaults: () => applyFaults(() => faults.reset()),
    now: () => clock.now(),
    stats: () => stats.snapshot(),
    stop: async () => {
      await control?.stop();
      await api.stop();
      if (saver) await saver.flush();
      else await rm(runtimeDir, { recursive: true, force: true });
    },
  };

  /** Control routes change state outside the API listener, so they mark it for saving themselves. */
  const changed = <T>(result: T): T => {
    saver?.markDirty();
    return result;
  };
  let control: ControlServer | null = null;
  if (opts.controlPort !== undefined) {
    control = new ControlServer(host, {
      getFaults: sandbox.getFaults,
      setFaults: sandbox.setFaults,
      resetFaults: sandbox.resetFaults,
      stats: sandbox.stats,
      expireAccessTokens: () => changed(tokens.expireAllAccess()),
      revokeRefreshTokens: () => changed(tokens.revokeAllRefresh()),
      republishIdpc: async (caseId) => changed(await republishIdpc(state, clock, caseId)),
      info: () => ({ apiUrl: api.url, dataset: opts.dataset, seed, anchorDate, serverTime: clock.isoWithOffset() }),
    });
    try {
      await control.listen(opts.controlPort);
    } catch (err) {
      await sandbox.stop();
      throw err;
    }
    return { ...sandbox, controlUrl: `http://${host}:${control.port}` };
  }
  return sandbox;
}
