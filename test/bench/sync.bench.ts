/**
 * Initial sync of the sandbox's large dataset as the app does it (openCaseCache: encrypted SQLite
 * cache, encrypted vault, DownloadQueue, SyncEngine), against a plain parallel download of the same
 * materials to disk in the same run (each body streamed to its own file, as curl -o would), against
 * the same GETs with the bytes discarded, and against the leanest client that also hashes, encrypts
 * and fsyncs them (which shows what ratio the machine allows such a client at all); then idle re-syncs. Three processes, so that what is measured is the
 * app's alone: the sandbox (sync-sandbox.ts: large dataset, firm 1 associated with every case, one
 * outsize served document), the app side (sync-app.ts: only the app's modules loaded), and this
 * runner, which only reports.
 *
 * Targets (docs/BENCHMARKS.md): throughput_ratio ≥ 0.7, peak_rss_mb < 300, resync_requests = 1,
 * resync_ms < 200, max_event_loop_lag_ms ≤ 100.
 *
 * SYNC_BENCH_CONCURRENCY (default 4, the app's) sets the download concurrency of both sides;
 * SYNC_BENCH_BIG_DOCUMENT_MB (default 320, more than the whole RSS budget; 0 = none) the size of the
 * outsize document; SYNC_BENCH_CPU_PROF=<dir> writes a CPU profile of every thread of the app process
 * there (node --cpu-prof; it slows the app, so figures from such a run are not comparable);
 * SYNC_BENCH_NODE_FLAGS adds Node/V8 flags to the app process (e.g. "--trace-gc", to see what its collector does);
 * SYNC_BENCH_PHASES=1 prints each run's start and end (CLOCK_MONOTONIC seconds, as `perf record -k
 * CLOCK_MONOTONIC` stamps its samples, and ms since the app process started, as --trace-gc does), to cut
 * a whole-bench profile or GC trace into its runs.
 */
import os from 'node:os';
import { median, percentile, report, round, type Figures } from './report';
import type { SyncAppResult } from './sync-app';
import { buildSyncApp } from './sync-app-build';
import { childExit, startJsonChild, stopChild } from './sync-processes';
import type { CpuSplit } from './thread-cpu';

const CONCURRENCY = Number(process.env.SYNC_BENCH_CONCURRENCY ?? 4);
const BIG_DOCUMENT_MB = Number(process.env.SYNC_BENCH_BIG_DOCUMENT_MB ?? 320);
const MB = 1024 ** 2;
/** 'built' (default): the app side bundled as the app is (sync-app-build.ts); 'source': through tsx. */
const APP_FROM = process.env.SYNC_BENCH_APP === 'source' ? 'source' : 'built';

interface SandboxReady {
  ready: true;
  url: string;
  controlUrl: string;
  anchorDate: string;
  generation: { generated: boolean; ms: number; totalBytes: number; materials: number; cacheDir: string };
  warmedBytes: number;
  warmMs: number;
  setup: { associated: number; withdrawn: number; alreadyFirm1: number };
  bigDocument: { caseId: string; materialId: string; size: number } | null;
}

/**
 * The shipped app runs on Electron 41 (V8 14), where ArrayBuffer.prototype.transfer is standard and
 * the vault frees written ciphertext at once with it (vault/release-buffer.ts). Node 20 has it only
 * behind a flag: the app side gets that flag so it behaves as the shipped runtime does, unless
 * SYNC_BENCH_BUFFER_TRANSFER=off (to measure Node 20 as it is, where the collector frees it later).
 */
const BUFFER_TRANSFER = process.env.SYNC_BENCH_BUFFER_TRANSFER === 'off' ? 'off' : 'on';
function runtimeFlags(): string[] {
  const native = typeof (ArrayBuffer.prototype as { transfer?: unknown }).transfer === 'function';
  return BUFFER_TRANSFER === 'on' && !native ? ['--harmony-rab-gsab-transfer'] : [];
}

/** "app main 6.3 s (waited 4.5 s) · app other 11.2 s (waited 18.0 s) · sandbox … · idle 14 %", medians over the runs. */
function describeCpuSplits(splits: ReadonlyArray<CpuSplit | null>): string {
  const known = splits.filter((split): split is CpuSplit => split !== null);
  if (known.length === 0) return 'not measured (no /proc)';
  const seconds = (values: number[]): string => (median(values) / 1000).toFixed(1);
  const parts: string[] = [];
  for (const name of Object.keys(known[0]?.processes ?? {})) {
    const of = known.map((split) => split.processes[name]).filter((p): p is NonNullable<typeof p> => p !== undefined);
    parts.push(`${name} main ${seconds(of.map((p) => p.mainMs))} s (waited ${seconds(of.map((p) => p.mainWaitMs))} s)`);
    parts.push(`${name} other threads ${seconds(of.map((p) => p.otherMs))} s (waited ${seconds(of.map((p) => p.otherWaitMs))} s)`);
  }
  parts.push(`machine idle ${Math.round(median(known.map((split) => split.machineIdleShare)) * 100)} %`);
  return parts.join(' · ');
}

export async function syncBench(): Promise<void> {
  const loadAtStart = os.loadavg()[0] ?? 0;
  const sandboxStarted = performance.now();
  const sandbox = await startJsonChild<SandboxReady>('./sync-sandbox.ts', ['--big-document-mb', String(BIG_DOCUMENT_MB)], 'sandbox');
  const sandboxStartMs = performance.now() - sandboxStarted;
  try {
    const info = sandbox.message;
    const profileDir = process.env.SYNC_BENCH_CPU_PROF;
    const appScript = APP_FROM === 'source' ? './sync-app.ts' : await buildSyncApp();
    const app = await startJsonChild<{ result: SyncAppResult }>(
      appScript,
      ['--url', info.url, '--control-url', info.controlUrl, '--concurrency', String(CONCURRENCY), ...(sandbox.child.pid === undefined ? [] : ['--sandbox-pid', String(sandbox.child.pid)])],
      'app',
      [...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), ...runtimeFlags(), ...(process.env.SYNC_BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [])],
    );
    await childExit(app.child, 'app');
    const { settings, rounds, resync, discard, diskHttp, sealed, rssAtStartMb, quietWaitMs, warmUp, materials, sameMaterials } = app.message.result;
    if (rounds.length === 0) throw new Error('no rounds');

    const mbPerS = (run: { bytes: number; ms: number }): number => run.bytes / MB / (run.ms / 1000);
    const syncRate = (run: { sync: { storedBytes: number; ms: number } }): number => mbPerS({ bytes: run.sync.storedBytes, ms: run.sync.ms });
    const fastest = <T extends { ms: number }>(runs: readonly T[]): T => runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
    const cpuMs = (run: { cpuUserMs: number; cpuSystemMs: number }): number => run.cpuUserMs + run.cpuSystemMs;
    const list = (values: readonly number[], digits = 0): string => values.map((v) => round(v, digits)).join(' / ');
    // The worst round for memory and lag: the targets hold for every sync, not for a typical one.
    const peak = rounds.reduce((a, b) => (a.sync.peakRssMb >= b.sync.peakRssMb ? a : b)).sync;
    const paired = rounds.map((r) => syncRate(r) / mbPerS(r.disk));
    const syncRates = rounds.map(syncRate);
    const diskRates = rounds.map((r) => mbPerS(r.disk));
    const bestSealed = fastest(sealed);
    const sealedMbPerS = mbPerS(bestSealed);
    const discardMbPerS = mbPerS(fastest(discard));
    const diskHttpMbPerS = mbPerS(fastest(diskHttp));
    const diskMedian = median(diskRates);
    const syncMedian = median(syncRates);
    const syncSplits = rounds.map((r) => r.sync.cpuSplit);
    const mainWaitMs = syncSplits.map((split) => split?.processes.app?.mainWaitMs).filter((ms): ms is number => ms !== undefined);
    const figures: Figures = {
      throughput_ratio: round(median(paired), 2),
      throughput_ratio_by_round: list(paired, 2),
      best_vs_best_ratio: round(Math.max(...syncRates) / Math.max(...diskRates), 2),
      ratio_vs_discard: round(syncMedian / discardMbPerS, 2),
      peak_rss_mb: round(Math.max(...rounds.map((r) => r.sync.peakRssMb)), 0),
      resync_ms: round(Math.max(...resync.ms), 1),
      resync_requests: Math.max(...resync.requests),
      max_event_loop_lag_ms: round(Math.max(...rounds.map((r) => r.sync.lagMaxMs)), 1),
      rounds: rounds.length,
      round_order: rounds.map((r) => r.order).join('; '),
      concurrency: settings.concurrency,
      app_from: APP_FROM,
      buffer_transfer: BUFFER_TRANSFER,
      cases_synced: peak.cases,
      materials_stored: peak.stored,
      materials_not_stored: Math.max(...rounds.map((r) => r.sync.notStored)),
      synced_mb: round(peak.storedBytes / MB, 0),
      largest_material_mb: round(peak.largestBytes / MB, 1),
      delta_ms: round(median(rounds.map((r) => r.sync.deltaMs)), 0),
      sync_ms_by_round: list(rounds.map((r) => r.sync.ms)),
      sync_mb_per_s: round(syncMedian, 1),
      sync_mb_per_s_by_round: list(syncRates),
      sync_requests: peak.requests,
      app_cpu_user_ms: round(median(rounds.map((r) => r.sync.cpuUserMs)), 0),
      app_cpu_system_ms: round(median(rounds.map((r) => r.sync.cpuSystemMs)), 0),
      baseline_cpu_user_ms: round(median(rounds.map((r) => r.disk.cpuUserMs)), 0),
      baseline_cpu_system_ms: round(median(rounds.map((r) => r.disk.cpuSystemMs)), 0),
      cpu_ratio: round(median(rounds.map((r) => cpuMs(r.sync) / cpuMs(r.disk))), 2),
      event_loop_utilisation: round(median(rounds.map((r) => r.sync.eventLoopUtilisation)), 2),
      ...(mainWaitMs.length === rounds.length
        ? {
            main_thread_wait_ms: round(median(mainWaitMs), 0),
            main_thread_wait_share: round(median(rounds.map((r, i) => (mainWaitMs[i] ?? 0) / r.sync.ms)), 2),
            sync_cpu_split: describeCpuSplits(syncSplits),
            disk_cpu_split: describeCpuSplits(rounds.map((r) => r.disk.cpuSplit)),
          }
        : {}),
      progress_events: peak.progressEvents,
      progress_kb: round(peak.progressBytes / 1024, 0),
      rss_at_start_mb: round(rssAtStartMb, 0),
      rss_before_sync_mb: round(peak.rssBeforeMb, 0),
      max_rss_lifetime_mb: round(Math.max(...rounds.map((r) => r.sync.maxRssLifetimeMb)), 0),
      peak_heap_used_mb: round(peak.peakHeapUsedMb, 0),
      peak_array_buffers_mb: round(peak.peakArrayBuffersMb, 0),
      at_peak_rss: `${round(peak.atPeak.atS, 1)}s anon ${round(peak.atPeak.rssAnonMb ?? Number.NaN, 0)} file ${round(peak.atPeak.rssFileMb ?? Number.NaN, 0)} heap ${round(peak.atPeak.heapUsedMb, 0)}/${round(peak.atPeak.heapTotalMb, 0)} external ${round(peak.atPeak.externalMb, 0)} arrayBuffers ${round(peak.atPeak.arrayBuffersMb, 0)}`,
      p99_event_loop_lag_ms: round(Math.max(...rounds.map((r) => r.sync.lagP99Ms)), 1),
      mean_event_loop_lag_ms: round(median(rounds.map((r) => r.sync.lagMeanMs)), 1),
      ticks_over_100ms: rounds.flatMap((r, i) => r.sync.longTicks.map((tick) => `round ${i + 1}: ${tick}`)).join(' ') || 'none',
      max_gc_pause_ms: round(Math.max(...rounds.map((r) => r.sync.maxGcPauseMs)), 1),
      gc_pause_total_ms: round(median(rounds.map((r) => r.sync.gcPauseTotalMs)), 0),
      baseline_mb: round((rounds[0]?.disk.bytes ?? 0) / MB, 0),
      baseline_materials: materials,
      baseline_same_materials: sameMaterials,
      baseline_mb_per_s: round(diskMedian, 1),
      baseline_runs_mb_per_s: list(diskRates),
      discard_baseline_mb_per_s: round(discardMbPerS, 1),
      discard_baseline_runs_mb_per_s: list(discard.map(mbPerS)),
      disk_http_baseline_mb_per_s: round(diskHttpMbPerS, 1),
      disk_http_baseline_runs_mb_per_s: list(diskHttp.map(mbPerS)),
      ratio_vs_disk_http: round(syncMedian / diskHttpMbPerS, 2),
      sealed_mb_per_s: round(sealedMbPerS, 1),
      sealed_runs_mb_per_s: list(sealed.map(mbPerS)),
      ceiling_ratio: round(sealedMbPerS / diskMedian, 2),
      ceiling_ratio_vs_discard: round(sealedMbPerS / discardMbPerS, 2),
      sync_vs_sealed: round(syncMedian / sealedMbPerS, 2),
      resync_p50_ms: round(percentile(resync.ms, 50), 1),
      resync_cases: peak.cases,
      sandbox_start_ms: round(sandboxStartMs, 0),
      quiet_wait_ms: round(quietWaitMs, 0),
      warm_up_mb_per_s: round(mbPerS(warmUp), 1),
      sandbox_generated_this_run: info.generation.generated,
      sandbox_setup_associations: info.setup.associated,
      sandbox_setup_orders_withdrawn: info.setup.withdrawn,
      load_avg_1m_at_start: round(loadAtStart, 2),
      load_avg_1m_at_end: round(os.loadavg()[0] ?? 0, 2),
    };
    report('sync', figures, {
      throughput_ratio: `median over ${settings.rounds} rounds of (sync MB/s ÷ download-to-disk MB/s), each round's two runs back to back; target ≥ 0.7`,
      throughput_ratio_by_round: "each round's paired ratio, in order",
      best_vs_best_ratio: 'fastest sync ÷ fastest download to disk, over all rounds',
      ratio_vs_discard: 'sync_mb_per_s (median) / discard_baseline_mb_per_s (GETs whose bytes are thrown away)',
      peak_rss_mb: `app process, sampled every ${settings.rssSampleMs} ms during each sync; the highest of all rounds; target < 300`,
      resync_ms: `slowest of ${settings.resyncRuns} idle re-syncs after the last round's sync; target < 200`,
      resync_requests: 'most API requests in one idle re-sync (sandbox stats); target 1',
      max_event_loop_lag_ms: `longest tick delay during any round's sync (monitorEventLoopDelay max − its ${settings.lagResolutionMs} ms period); target ≤ 100`,
      concurrency: 'parallel downloads, both sides (SYNC_BENCH_CONCURRENCY)',
      buffer_transfer: 'on: ArrayBuffer.prototype.transfer available in the app side, as in Electron (Node 20 needs --harmony-rab-gsab-transfer); off: SYNC_BENCH_BUFFER_TRANSFER=off',
      app_from: 'built: the app side bundled with esbuild as scripts/build.mjs bundles the app, run without tsx (the default); source: through tsx in every thread (SYNC_BENCH_APP=source)',
      largest_material_mb: 'the outsize served document (SYNC_BENCH_BIG_DOCUMENT_MB), when there is one',
      sync_ms_by_round: 'queue.start + syncNow + whenIdle, delta included, each into an empty cache',
      app_cpu_user_ms: 'CPU time of the app process during a sync (all its threads), median of the rounds',
      cpu_ratio: 'CPU time of a sync ÷ CPU time of its paired download to disk (same process), median: the extra work per byte',
      event_loop_utilisation: 'share of the sync the main thread was busy: near 1 means CPU-bound on it',
      main_thread_wait_ms: "time the app's main thread was ready to run but waiting for a core during a sync (Linux schedstat), median of the rounds",
      main_thread_wait_share: 'main_thread_wait_ms ÷ the sync time: how much of the sync the event loop spent queued behind other threads',
      sync_cpu_split: "during a sync, medians of the rounds: CPU of the app's main thread and of its other threads (vault writer, fs pool, V8 helpers), and of the sandbox, each with the time it waited for a core; and the machine's idle share",
      disk_cpu_split: 'the same during the paired download to disk',
      progress_events: 'onProgress calls during the sync (the app forwards each to the renderer)',
      ticks_over_100ms: 'each long tick as round N: <ms>@<seconds into that sync> (20 ms drift sampler)',
      max_gc_pause_ms: 'longest GC pause during the sync (a cause of lag, and of the machine being busy)',
      rss_at_start_mb: 'app process once its modules are loaded (node + tsx + case cache + CP client)',
      at_peak_rss: 'the sample at peak RSS: seconds into the sync, RssAnon / RssFile (kernel), then main isolate heap used/total, external, arrayBuffers (MB)',
      max_rss_lifetime_mb: 'kernel high-water mark of the app process up to the end of each sync (earlier rounds and their baseline runs included), the highest',
      baseline_mb_per_s: `median of the ${settings.rounds} cp-client-baseline diskDownload runs paired with the syncs: same materials, same concurrency, each body streamed to its own file (curl -o), no hashing, no encryption, no fsync; its files flushed and emptied after the run, outside its window, and deleted once every run is over (scratch-dirs.ts)`,
      disk_http_baseline_mb_per_s: `fastest of ${settings.baselineRuns} runs of cp-client-baseline diskDownloadNodeHttp, for information: the download to disk over node:http (the app's client for documents) instead of fetch, after the rounds`,
      ratio_vs_disk_http: 'sync_mb_per_s (median) / disk_http_baseline_mb_per_s',
      discard_baseline_mb_per_s: `fastest of ${settings.baselineRuns} runs of cp-client-baseline parallelDownload: the same GETs, bytes read and discarded (no client stores less)`,
      sealed_mb_per_s: `fastest of ${settings.sealedRuns} runs of cp-client-baseline sealedDownload: GETs + SHA-256 + AES-GCM + batched writes + fsync, no DB`,
      ceiling_ratio: 'sealed_mb_per_s / baseline_mb_per_s (median): the throughput ratio the leanest hashing, encrypting, fsyncing client reaches here (same one-thread design as the old vault)',
      ceiling_ratio_vs_discard: 'sealed_mb_per_s / discard_baseline_mb_per_s',
      sync_vs_sealed: 'sync_mb_per_s (median) / sealed_mb_per_s (fastest): how close the app comes to that',
      sandbox_start_ms: 'sandbox process: generation (if any), firm-1 associations, outsize document, one warm-up download',
      quiet_wait_ms: "wait before the first run until an earlier run's deleted files are 60 s old: a file created sooner pays for each of them on this VM's journal-less ext4 (scratch-dirs.ts)",
      warm_up_mb_per_s: 'the untimed download to disk before the first round, so that its first run, like every later one, draws its page cache from pages the run before it freed (sync-app.ts measureRuns)',
      load_avg_1m_at_start: 'other work on the machine skews every figure here',
    });
  } finally {
    await stopChild(sandbox.child);
  }
}
