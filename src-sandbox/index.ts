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
import { parseIsoDate, todayUtc } from './seed/dates';
import { DEFAULT_SEED, PROFILES, generateDataset } from './seed/dataset';
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
  const anchorDate = opts.anchorDate ?? todayUtc();
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
  const runtimeDir = await mkdtemp(path.join(os.tmpdir(), 'bluebag-sandbox-run-'));

  const faults = new FaultController(seed);
  const clock = new ServerClock(() => faults.clockOffsetMs());
  const stats = new StatsRecorder();
  const tokens = new TokenStore(opts.accessTokenTtlSeconds ?? 900, opts.refreshTokenTtlSeconds ?? 8 * 3600);
  const state = new SandboxState(dataset, cache.manifest, cache.dir, runtimeDir);
  const api = new ApiServer({
    host,
    faults,
    hungRequestCloseMs: opts.hungRequestCloseMs ?? 30_000,
    services: { state, tokens, clock, stats, idempotency: new IdempotencyStore(), lockTtlMs: (opts.lockTtlSeconds ?? 300) * 1000, maxUploadBytes: opts.maxUploadBytes ?? 100 * 1024 * 1024, runtimeDir },
  });
  await api.listen(opts.port ?? 0);

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
    getFaults: () => faults.get(),
    setFaults: (patch) => applyFaults(() => faults.apply(patch)),
    resetFaults: () => applyFaults(() => faults.reset()),
    now: () => clock.now(),
    stats: () => stats.snapshot(),
    stop: async () => {
      await control?.stop();
      await api.stop();
      await rm(runtimeDir, { recursive: true, force: true });
    },
  };

  let control: ControlServer | null = null;
  if (opts.controlPort !== undefined) {
    control = new ControlServer(host, {
      getFaults: sandbox.getFaults,
      setFaults: sandbox.setFaults,
      resetFaults: sandbox.resetFaults,
      stats: sandbox.stats,
      expireAccessTokens: () => tokens.expireAllAccess(),
      revokeRefreshTokens: () => tokens.revokeAllRefresh(),
      republishIdpc: (caseId) => republishIdpc(state, clock, caseId),
      info: () => ({ apiUrl: api.url, dataset: opts.dataset, seed, anchorDate, serverTime: clock.isoWithOffset() }),
    });
    await control.listen(opts.controlPort);
    return { ...sandbox, controlUrl: `http://${host}:${control.port}` };
  }
  return sandbox;
}
