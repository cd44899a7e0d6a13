/**
 * The on-disk PDF cache: one folder per (dataset, seed, anchor, generator version)
 * holding every generated material and a manifest (size, pageCount, sha256).
 * Generated once, then reused by later starts. A lock folder keeps two processes
 * (parallel test files, two app windows) from generating the same set at once;
 * the finished folder appears atomically by rename.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
// A generic Node helper shared with the app (not a way into the app's data): the sandbox's PDF
// workers start exactly as the app's search workers do.
import { workerLaunch } from '../../src-main/core/workers';
import type { DatasetName } from '../model';
import { GENERATOR_VERSION } from '../seed/dataset';
import { planPageCount, type MaterialPlan, type ScanMode } from './plan';
import { renderMaterial, type RenderedMaterial } from './render';
import { ensureScanPool } from './scan-pool';
import type { WorkerInit, WorkerReply, WorkerRequest } from './worker';

export interface ManifestEntry {
  readonly fileName: string;
  readonly size: number;
  readonly pageCount: number;
  readonly sha256: string;
}

export interface Manifest {
  readonly generatorVersion: number;
  readonly dataset: DatasetName;
  readonly seed: number;
  readonly anchorDate: string;
  readonly generationMs: number;
  readonly totalBytes: number;
  readonly materials: Readonly<Record<string, ManifestEntry>>;
}

export interface GenerationProgress {
  readonly done: number;
  readonly total: number;
  readonly phase: string;
}

export interface EnsureOptions {
  readonly cacheDir: string;
  readonly dataset: DatasetName;
  readonly seed: number;
  readonly anchorDate: string;
  readonly plans: readonly MaterialPlan[];
  readonly scanMode: ScanMode;
  readonly onProgress?: (p: GenerationProgress) => void;
  /** Worker threads to use; default: available cores (max 4). 0 = render in this thread. */
  readonly workers?: number;
}

export interface CacheResult {
  readonly dir: string;
  readonly manifest: Manifest;
  /** False when an earlier run's files were reused. */
  readonly generated: boolean;
}

const LOCK_STALE_MS = 20 * 60_000;

export function defaultCacheDir(): string {
  return path.join(os.homedir(), '.cache', 'bluebag-sandbox');
}

export function cacheKey(dataset: DatasetName, seed: number, anchorDate: string): string {
  return `${dataset}-seed${seed}-${anchorDate}-g${GENERATOR_VERSION}`;
}

async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

async function isComplete(dir: string, plans: readonly MaterialPlan[]): Promise<Manifest | null> {
  const manifest = await readManifest(dir);
  if (!manifest || manifest.generatorVersion !== GENERATOR_VERSION) return null;
  for (const plan of plans) {
    const entry = manifest.materials[plan.materialId];
    if (!entry) return null;
    const s = await stat(path.join(dir, entry.fileName)).catch(() => null);
    if (!s || s.size !== entry.size) return null;
  }
  return manifest;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function ensureGenerated(opts: EnsureOptions): Promise<CacheResult> {
  await mkdir(opts.cacheDir, { recursive: true });
  const dir = path.join(opts.cacheDir, cacheKey(opts.dataset, opts.seed, opts.anchorDate));
  const lockDir = `${dir}.lock`;
  for (;;) {
    const ready = await isComplete(dir, opts.plans);
    if (ready) return { dir, manifest: ready, generated: false };
    try {
      await mkdir(lockDir);
      break;
    } catch {
      // Someone else is generating: wait for them, unless their lock is abandoned.
      const s = await stat(lockDir).catch(() => null);
      if (s && Date.now() - s.mtimeMs > LOCK_STALE_MS) await rm(lockDir, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    const again = await isComplete(dir, opts.plans);
    if (again) return { dir, manifest: again, generated: false };
    const partial = `${dir}.partial`;
    await rm(partial, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
    await mkdir(partial, { recursive: true });
    const started = performance.now();
    const results = await renderAll(opts, partial);
    const materials: Record<string, ManifestEntry> = {};
    let totalBytes = 0;
    for (const r of results) {
      materials[r.materialId] = { fileName: r.fileName, size: r.size, pageCount: r.pageCount, sha256: r.sha256 };
      totalBytes += r.size;
    }
    const manifest: Manifest = {
      generatorVersion: GENERATOR_VERSION,
      dataset: opts.dataset,
      seed: opts.seed,
      anchorDate: opts.anchorDate,
      generationMs: Math.round(performance.now() - started),
      totalBytes,
      materials,
    };
    await writeFile(path.join(partial, 'manifest.json'), JSON.stringify(manifest, null, 1));
    await rename(partial, dir);
    return { dir, manifest, generated: true };
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

async function renderAll(opts: EnsureOptions, outDir: string): Promise<RenderedMaterial[]> {
  const progress = opts.onProgress ?? (() => undefined);
  const total = opts.plans.length;
  progress({ done: 0, total, phase: 'scan-images' });
  const pool = await ensureScanPool(outDir, opts.scanMode);
  // Biggest first: keeps both workers busy to the end.
  const queue = [...opts.plans].sort((a, b) => planPageCount(b) - planPageCount(a) || (a.materialId < b.materialId ? -1 : 1));
  const wanted = opts.workers ?? Math.min(4, Math.max(1, os.availableParallelism()));
  const results: RenderedMaterial[] = [];
  const report = (): void => progress({ done: results.length, total, phase: 'pdfs' });
  if (wanted > 0 && total > 8) {
    try {
      await renderWithWorkers(queue, Math.min(wanted, total), { poolPaths: pool.paths, outDir }, (r) => {
        results.push(r);
        report();
      });
      return results;
    } catch (err) {
      // Workers unavailable (e.g. a bundled build without the worker file): fall back to this thread.
      if (!(err instanceof WorkerStartError)) throw err;
    }
  }
  const seen = new Set(results.map((r) => r.materialId));
  for (const plan of queue) {
    if (seen.has(plan.materialId)) continue;
    results.push(await renderMaterial(plan, path.join(outDir, plan.fileName), pool));
    report();
  }
  return results;
}

class WorkerStartError extends Error {}


function renderWithWorkers(queue: MaterialPlan[], count: number, init: WorkerInit, onResult: (r: RenderedMaterial) => void): Promise<void> {
  const entry = workerLaunch(import.meta.url, 'worker');
  if (!entry) return Promise.reject(new WorkerStartError('worker entry not found'));
  let next = 0;
  let finished = 0;
  let started = false;
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    let failed = false;
    const fail = (err: Error): void => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(started ? err : new WorkerStartError(err.message));
    };
    const released = new Set<Worker>();
    const release = (w: Worker): void => {
      released.add(w);
      w.postMessage({ type: 'exit' } satisfies WorkerRequest);
    };
    const feed = (w: Worker): void => {
      const plan = queue[next++];
      if (plan) w.postMessage({ type: 'render', plan } satisfies WorkerRequest);
      else release(w);
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(entry.source, { eval: entry.eval, workerData: { ...init, ...entry.workerData } });
      workers.push(w);
      w.on('message', (reply: WorkerReply) => {
        started = true;
        if (reply.type === 'failed') {
          fail(new Error(`rendering ${reply.materialId} failed: ${reply.message}`));
          return;
        }
        onResult(reply.result);
        finished++;
        if (finished === queue.length) {
          for (const x of workers) if (!released.has(x)) release(x);
          resolve();
        } else feed(w);
      });
      w.on('error', (err) => fail(err));
      w.on('exit', (code) => {
        if (!released.has(w) && !failed) fail(new Error(`PDF worker exited early with code ${code}`));
      });
      feed(w);
    }
  });
}
