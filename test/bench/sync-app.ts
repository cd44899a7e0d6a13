/**
 * The app side of the sync benchmark, in a process of its own (`node --import tsx
 * test/bench/sync-app.ts --url U --control-url C --concurrency N`): nothing is loaded here but the
 * app's case cache and CP client, so its RSS and event loop are the app's alone (the bench runner,
 * which also loads every other benchmark, is another process, and so is the sandbox).
 *
 * Builds the cache as the app does (openCaseCache) and runs rounds of an initial sync into an empty
 * cache, each paired with a plain download of the same materials to disk; ten idle re-syncs after the
 * last; then the discard baseline, the download to disk over node:http and the sealed reference client;
 * and prints one JSON line:
 * { result: SyncAppResult }.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openCaseCache, type CaseCache } from '../../src-main/core/case-cache';
import { createCpClient } from '../../src-main/core/cp';
import { associatedMaterials, diskDownload, diskDownloadNodeHttp, parallelDownload, scriptToken, sealedDownload } from './cp-client-baseline';
import { quietInodes, ScratchDirs } from './scratch-dirs';
import { cpuBetween, readCpu, type CpuSplit } from './thread-cpu';

export interface SyncRun {
  ms: number;
  deltaMs: number;
  requests: number;
  cases: number;
  stored: number;
  notStored: number;
  storedBytes: number;
  largestBytes: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  eventLoopUtilisation: number;
  progressEvents: number;
  progressBytes: number;
  rssBeforeMb: number;
  peakRssMb: number;
  maxRssLifetimeMb: number;
  peakHeapUsedMb: number;
  peakArrayBuffersMb: number;
  /** The sample at peak RSS. */
  atPeak: MemoryBreakdown;
  lagMaxMs: number;
  lagP99Ms: number;
  lagMeanMs: number;
  /** Ticks over 100 ms, by a 20 ms drift sampler: "<ms>@<s into the sync>". */
  longTicks: string[];
  maxGcPauseMs: number;
  gcPauseTotalMs: number;
  /** This process's and the sandbox's threads during the sync: CPU, and time waiting for a core. */
  cpuSplit: CpuSplit | null;
}

export interface SyncAppResult {
  settings: { concurrency: number; rssSampleMs: number; lagResolutionMs: number; resyncRuns: number; rounds: number; baselineRuns: number; sealedRuns: number };
  rssAtStartMb: number;
  /** How long the runs waited for the file system to forget an earlier run's deleted files (scratch-dirs.ts). */
  quietWaitMs: number;
  /** The untimed download to disk before the first round (see measureRuns). */
  warmUp: TimedRun;
  /** Each an initial sync into an empty cache, paired with a diskDownload run (curl -o: each body streamed to its own file, no fsync) next to it. */
  rounds: Array<{ order: string; sync: SyncRun; disk: TimedRun }>;
  /** Idle re-syncs after the last round's sync. */
  resync: { ms: number[]; requests: number[] };
  materials: number;
  /** Every run moved the same bytes, and every sync stored every listed material. */
  sameMaterials: boolean;
  /** parallelDownload runs: the same GETs, bytes discarded. */
  discard: TimedRun[];
  /** The download to disk over node:http, for information (cp-client-baseline diskDownloadNodeHttp). */
  diskHttp: TimedRun[];
  /** sealedDownload runs: the leanest client that hashes, encrypts and fsyncs what it downloads. */
  sealed: TimedRun[];
}

const RSS_SAMPLE_MS = 50;
/** monitorEventLoopDelay's timer period; a tick's delay beyond it is the lag. */
const LAG_RESOLUTION_MS = 10;
const DRIFT_SAMPLE_MS = 20;
/** SYNC_BENCH_LONG_TICK_MS lowers it, to see where shorter stalls fall. */
const LONG_TICK_MS = Number(process.env.SYNC_BENCH_LONG_TICK_MS ?? 100);
// A typo would otherwise compare against NaN and report no long tick at all.
if (!(LONG_TICK_MS > 0)) throw new Error(`SYNC_BENCH_LONG_TICK_MS must be a positive number of ms, not ${process.env.SYNC_BENCH_LONG_TICK_MS}`);
const RESYNC_RUNS = 10;
/** SYNC_BENCH_QUICK=1: one run of each baseline, for exploring (figures then less steady). */
const QUICK = process.env.SYNC_BENCH_QUICK === '1';
/** Sync + download-to-disk pairs (SYNC_BENCH_ROUNDS; 3, or 1 when QUICK). */
const ROUNDS = Number(process.env.SYNC_BENCH_ROUNDS ?? (QUICK ? 1 : 3));
// Said at once: a typo would otherwise run no round and fail only at the end, after the baselines.
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error(`SYNC_BENCH_ROUNDS must be a whole number of at least 1, not ${process.env.SYNC_BENCH_ROUNDS ?? ''}`);
const BASELINE_RUNS = QUICK ? 1 : 2;
const SEALED_RUNS = QUICK ? 1 : 2;
const MB = 1024 ** 2;

const rssAtStartMb = process.memoryUsage.rss() / MB;

async function requestCount(controlUrl: string): Promise<number> {
  const response = await fetch(`${controlUrl}/stats`);
  return ((await response.json()) as { requests: { total: number } }).requests.total;
}

/** Ticks that ran long, and GC pauses, while it runs: to tell what a lag spike was. */
function stallRecorder(): { stop(): { longTicks: string[]; maxGcPauseMs: number; gcPauseTotalMs: number } } {
  const started = performance.now();
  const longTicks: string[] = [];
  let last = started;
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last - DRIFT_SAMPLE_MS > LONG_TICK_MS) longTicks.push(`${Math.round(now - last - DRIFT_SAMPLE_MS)}@${((last - started) / 1000).toFixed(2)}s`);
    last = now;
  }, DRIFT_SAMPLE_MS);
  let maxGcPauseMs = 0;
  let gcPauseTotalMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      maxGcPauseMs = Math.max(maxGcPauseMs, entry.duration);
      gcPauseTotalMs += entry.duration;
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  return {
    stop: () => {
      clearInterval(timer);
      gc.disconnect();
      return { longTicks, maxGcPauseMs, gcPauseTotalMs };
    },
  };
}

/** What the process's memory is made of at one moment (process.memoryUsage() is main's isolate only). */
export interface MemoryBreakdown {
  atS: number;
  rssMb: number;
  /** From /proc/self/status: anonymous (heaps, malloc) vs file-backed (code, mapped files) resident pages. */
  rssAnonMb: number | null;
  rssFileMb: number | null;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  arrayBuffersMb: number;
}

function procStatusMb(field: string, status: string): number | null {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : null;
}

function breakdown(startedMs: number): MemoryBreakdown {
  const usage = process.memoryUsage();
  let status = '';
  try {
    status = readFileSync('/proc/self/status', 'utf8');
  } catch {
    // not Linux: the kernel's split is unknown
  }
  return {
    atS: (performance.now() - startedMs) / 1000,
    rssMb: usage.rss / MB,
    rssAnonMb: procStatusMb('RssAnon', status),
    rssFileMb: procStatusMb('RssFile', status),
    heapUsedMb: usage.heapUsed / MB,
    heapTotalMb: usage.heapTotal / MB,
    externalMb: usage.external / MB,
    arrayBuffersMb: usage.arrayBuffers / MB,
  };
}

/**
 * Peak RSS (and what it is made of) by sampling every RSS_SAMPLE_MS. SYNC_BENCH_MEM_TRACE=<file>
 * also writes every sample there (JSON lines), to see when and in what the memory grows.
 */
function memorySampler(): { stop(): { startMb: number; peakMb: number; peakHeapMb: number; peakArrayBuffersMb: number; atPeak: MemoryBreakdown } } {
  const started = performance.now();
  const traceFile = process.env.SYNC_BENCH_MEM_TRACE;
  const trace: MemoryBreakdown[] = [];
  const first = breakdown(started);
  const startMb = first.rssMb;
  let atPeak = first;
  let peakHeapMb = 0;
  let peakArrayBuffersMb = 0;
  const sample = (): void => {
    const now = breakdown(started);
    if (traceFile) trace.push(now);
    if (now.rssMb > atPeak.rssMb) atPeak = now;
    peakHeapMb = Math.max(peakHeapMb, now.heapUsedMb);
    peakArrayBuffersMb = Math.max(peakArrayBuffersMb, now.arrayBuffersMb);
  };
  const timer = setInterval(sample, RSS_SAMPLE_MS);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      if (traceFile) {
        writeFileSync(traceFile, trace.map((entry) => JSON.stringify(entry)).join('\n') + '\n');
        // Which mappings hold the resident memory at the end (glibc arenas, V8 pages, code...).
        try {
          writeFileSync(`${traceFile}.smaps`, readFileSync('/proc/self/smaps', 'utf8'));
        } catch {
          // not Linux
        }
      }
      return { startMb, peakMb: atPeak.rssMb, peakHeapMb, peakArrayBuffersMb, atPeak };
    },
  };
}

/** A baseline run: its bytes and wall time, and the CPU this process spent on it. */
export interface TimedRun {
  bytes: number;
  ms: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  cpuSplit: CpuSplit | null;
}

const scratch = new ScratchDirs();

/** The processes whose threads are read around every run (the sandbox's pid comes from the runner). */
const cpuPids: Record<string, number> = { app: process.pid };

/** SYNC_BENCH_PHASES=1: each run's window on stderr, in CLOCK_MONOTONIC seconds (`perf record -k CLOCK_MONOTONIC` stamps samples on it) and in ms since the process started (--trace-gc's clock), to cut a whole-bench profile or GC trace into its runs. */
const PHASES = process.env.SYNC_BENCH_PHASES === '1';
function phase(name: string, startedNs: bigint): void {
  if (!PHASES) return;
  const endedNs = process.hrtime.bigint();
  // Also in ms since the process started, the clock of --trace-gc's lines.
  const sinceStart = (ns: bigint): string => (performance.now() - Number(endedNs - ns) / 1e6).toFixed(0);
  process.stderr.write(`phase ${name} ${(Number(startedNs) / 1e9).toFixed(6)} ${(Number(endedNs) / 1e9).toFixed(6)} (${sinceStart(startedNs)}-${sinceStart(endedNs)} ms)\n`);
}

async function withCpu(run: () => Promise<{ bytes: number; ms: number }>, name: string): Promise<TimedRun> {
  const startedNs = process.hrtime.bigint();
  const before = process.cpuUsage();
  const threadsBefore = readCpu(cpuPids);
  const { bytes, ms } = await run();
  const cpuSplit = cpuBetween(threadsBefore, readCpu(cpuPids));
  const cpu = process.cpuUsage(before);
  phase(name, startedNs);
  return { bytes, ms, cpuUserMs: cpu.user / 1000, cpuSystemMs: cpu.system / 1000, cpuSplit };
}

/** One initial sync into an empty cache, as the app does it, measured; the cache is given to `then`. */
async function measureSync(url: string, controlUrl: string, token: string, concurrency: number, then: (cache: CaseCache) => Promise<void>): Promise<{ sync: SyncRun; storedIds: Set<string> }> {
  const dir = scratch.make('sync');
  try {
    let progressEvents = 0;
    let progressBytes = 0;
    const cache = openCaseCache({
      dir,
      masterKey: randomBytes(32),
      client: createCpClient({ baseUrl: url, accessToken: async () => token }),
      concurrency,
      // SYNC_BENCH_VAULT_WRITERS=inline seals on the main thread, as before the writer thread: for comparisons.
      ...(process.env.SYNC_BENCH_VAULT_WRITERS === 'inline' ? { vaultOptions: { writers: 'inline' as const } } : {}),
      // As the app does: every progress event is serialised for the renderer (here, only measured).
      onProgress: (progress) => {
        progressEvents += 1;
        progressBytes += JSON.stringify(progress).length;
      },
    });
    try {
      const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
      const memory = memorySampler();
      const stalls = stallRecorder();
      const requestsBefore = await requestCount(controlUrl);
      lag.enable();
      const cpuBefore = process.cpuUsage();
      const threadsBefore = readCpu(cpuPids);
      const eluBefore = performance.eventLoopUtilization();
      const startedNs = process.hrtime.bigint();
      const started = performance.now();
      cache.queue.start();
      const state = await cache.engine.syncNow();
      const deltaMs = performance.now() - started;
      await cache.queue.whenIdle();
      const ms = performance.now() - started;
      phase('sync', startedNs);
      const cpuSplit = cpuBetween(threadsBefore, readCpu(cpuPids));
      const cpu = process.cpuUsage(cpuBefore);
      const elu = performance.eventLoopUtilization(eluBefore);
      lag.disable();
      const rss = memory.stop();
      const stalled = stalls.stop();
      const maxRssLifetimeMb = process.resourceUsage().maxRSS / 1024;
      const requests = (await requestCount(controlUrl)) - requestsBefore;
      if (state.state !== 'idle') throw new Error(`initial sync ended in state ${state.state} (${state.errorKey})`);

      const counts = cache.db
        .prepare('SELECT download_state AS state, count(*) AS n, coalesce(sum(size), 0) AS bytes, max(size) AS largest FROM materials GROUP BY download_state')
        .all() as Array<{ state: string; n: number; bytes: number; largest: number }>;
      const stored = counts.find((row) => row.state === 'stored') ?? { n: 0, bytes: 0, largest: 0 };
      const storedIds = new Set((cache.db.prepare("SELECT id FROM materials WHERE download_state = 'stored'").all() as Array<{ id: string }>).map((row) => row.id));
      const sync: SyncRun = {
        ms,
        deltaMs,
        requests,
        cases: (cache.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n,
        stored: stored.n,
        notStored: counts.filter((row) => row.state !== 'stored').reduce((n, row) => n + row.n, 0),
        storedBytes: stored.bytes,
        largestBytes: stored.largest,
        cpuUserMs: cpu.user / 1000,
        cpuSystemMs: cpu.system / 1000,
        eventLoopUtilisation: elu.utilization,
        progressEvents,
        progressBytes,
        rssBeforeMb: rss.startMb,
        peakRssMb: rss.peakMb,
        maxRssLifetimeMb,
        peakHeapUsedMb: rss.peakHeapMb,
        peakArrayBuffersMb: rss.peakArrayBuffersMb,
        atPeak: rss.atPeak,
        lagMaxMs: Math.max(0, lag.max / 1e6 - LAG_RESOLUTION_MS),
        lagP99Ms: Math.max(0, lag.percentile(99) / 1e6 - LAG_RESOLUTION_MS),
        lagMeanMs: Math.max(0, lag.mean / 1e6 - LAG_RESOLUTION_MS),
        ...stalled,
        cpuSplit,
      };
      await then(cache);
      return { sync, storedIds };
    } finally {
      await cache.close();
    }
  } finally {
    await scratch.settle();
  }
}

/** Idle re-syncs: nothing changed on the server since the sync. */
async function measureResync(cache: CaseCache, controlUrl: string): Promise<SyncAppResult['resync']> {
  const resync: SyncAppResult['resync'] = { ms: [], requests: [] };
  for (let i = 0; i < RESYNC_RUNS; i += 1) {
    const before = await requestCount(controlUrl);
    const t = performance.now();
    const again = await cache.engine.syncNow();
    await cache.queue.whenIdle();
    resync.ms.push(performance.now() - t);
    resync.requests.push((await requestCount(controlUrl)) - before);
    if (again.state !== 'idle') throw new Error(`re-sync ended in state ${again.state} (${again.errorKey})`);
  }
  return resync;
}

/** A run of `download` into a folder of its own, kept until every run is over (scratch-dirs.ts). */
async function inScratchDir(name: string, download: (dir: string) => Promise<{ bytes: number; ms: number }>): Promise<TimedRun> {
  const dir = scratch.make(name);
  try {
    return await withCpu(() => download(dir), name);
  } finally {
    await scratch.settle();
  }
}

async function measure(url: string, controlUrl: string, concurrency: number): Promise<SyncAppResult> {
  try {
    return await measureRuns(url, controlUrl, concurrency);
  } finally {
    scratch.removeAll();
  }
}

async function measureRuns(url: string, controlUrl: string, concurrency: number): Promise<SyncAppResult> {
  const quietWaitMs = await quietInodes();
  const token = await scriptToken(url);
  const listed = await associatedMaterials(url, token);
  // Untimed, before the first round. This VM hands the memory of freed pages back to its hypervisor
  // (virtio-balloon free page reporting), and a page the hypervisor took back costs a host fault to
  // touch again. Each timed run draws its page cache from the pages the run before it just freed
  // (ScratchDirs.settle), mostly still backed; the first would draw on memory reported long ago, and
  // pay for it in the kernel's copy into the page cache: in one profile 4.0 core-seconds of a sync's
  // copies, against 0.07 for the same bytes on backed pages. This run makes the first round's first
  // run follow a run of the same size like every other one.
  const warmUp = await inScratchDir('warm-up', (dir) => diskDownload(url, token, listed.materials, dir, concurrency));
  const rounds: SyncAppResult['rounds'] = [];
  let resync: SyncAppResult['resync'] = { ms: [], requests: [] };
  let sameMaterials = true;
  // Each round pairs one sync with one plain download to disk, back to back, so both meet the same
  // machine (other tenants come and go within a minute); the order alternates so neither always
  // runs first.
  for (let i = 0; i < ROUNDS; i += 1) {
    const syncFirst = i % 2 === 0;
    const disk = (): Promise<TimedRun> => inScratchDir('download', (dir) => diskDownload(url, token, listed.materials, dir, concurrency));
    const before = syncFirst ? null : await disk();
    const { sync, storedIds } = await measureSync(url, controlUrl, token, concurrency, async (cache) => {
      if (i === ROUNDS - 1) resync = await measureResync(cache, controlUrl);
    });
    const after = before ?? (await disk());
    sameMaterials &&= listed.materials.length === storedIds.size && listed.materials.every((m) => storedIds.has(m.id)) && after.bytes === sync.storedBytes;
    rounds.push({ order: syncFirst ? 'sync, then disk' : 'disk, then sync', sync, disk: after });
  }

  // For information: the same GETs with the bytes thrown away, and the sealed reference client.
  const discard: TimedRun[] = [];
  for (let i = 0; i < BASELINE_RUNS; i += 1) discard.push(await withCpu(() => parallelDownload(url, token, listed.materials, concurrency), 'discard'));
  const diskHttp: TimedRun[] = [];
  for (let i = 0; i < BASELINE_RUNS; i += 1) diskHttp.push(await inScratchDir('download-http', (dir) => diskDownloadNodeHttp(url, token, listed.materials, dir, concurrency)));
  const sealed: TimedRun[] = [];
  for (let i = 0; i < SEALED_RUNS; i += 1) sealed.push(await inScratchDir('sealed', (dir) => sealedDownload(url, token, listed.materials, dir, concurrency)));
  sameMaterials &&= [...discard, ...diskHttp].every((r) => r.bytes === rounds[0]?.sync.storedBytes);
  return {
    settings: { concurrency, rssSampleMs: RSS_SAMPLE_MS, lagResolutionMs: LAG_RESOLUTION_MS, resyncRuns: RESYNC_RUNS, rounds: ROUNDS, baselineRuns: BASELINE_RUNS, sealedRuns: SEALED_RUNS },
    rssAtStartMb,
    quietWaitMs,
    warmUp,
    rounds,
    resync,
    materials: listed.materials.length,
    sameMaterials,
    discard,
    diskHttp,
    sealed,
  };
}

const { values } = parseArgs({
  options: { url: { type: 'string' }, 'control-url': { type: 'string' }, concurrency: { type: 'string', default: '4' }, 'sandbox-pid': { type: 'string' } },
  strict: true,
});
if (!values.url || !values['control-url']) {
  process.stderr.write('usage: sync-app.ts --url API_URL --control-url CONTROL_URL [--concurrency N] [--sandbox-pid PID]\n');
  process.exit(2);
}
if (values['sandbox-pid'] !== undefined) cpuPids.sandbox = Number(values['sandbox-pid']);
const result = await measure(values.url, values['control-url'], Number(values.concurrency));
process.stdout.write(`${JSON.stringify({ result })}\n`);
