/**
 * The sandbox as test equipment: how fast its datasets are generated and started, and the raw
 * loopback download rate of its documents — the baseline the sync benchmark's ratio is taken against.
 */
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { startSandbox } from '../../src-sandbox/index';
import { associatedMaterials, parallelDownload, scriptToken } from './cp-client-baseline';
import { percentile, report, round } from './report';

export async function sandboxBench(): Promise<void> {
  const cold = mkdtempSync(path.join(os.tmpdir(), 'bluebag-bench-'));
  try {
    const small = await startSandbox({ port: 0, dataset: 'small', cacheDir: cold });
    const smallColdMs = small.generation.ms;
    await small.stop();
    const warmStarted = performance.now();
    const smallWarm = await startSandbox({ port: 0, dataset: 'small', cacheDir: cold });
    const smallWarmMs = performance.now() - warmStarted;
    await smallWarm.stop();

    // The large dataset is cached in the user's cache folder (it is ≥ 1 GB): cold only the first time.
    const largeStarted = performance.now();
    const large = await startSandbox({ port: 0, dataset: 'large' });
    const largeStartMs = performance.now() - largeStarted;
    try {
      const token = await scriptToken(large.url);
      const deltaStarted = performance.now();
      const { materials, cases, requests } = await associatedMaterials(large.url, token);
      const fullDeltaMs = performance.now() - deltaStarted;
      const idle: number[] = [];
      const { cursor } = (await (await fetch(`${large.url}/associatedCases?limit=200`, { headers: { authorization: `Bearer ${token}` } })).json()) as { cursor: string };
      for (let i = 0; i < 20; i += 1) {
        const t = performance.now();
        const r = await fetch(`${large.url}/associatedCases?cursor=${encodeURIComponent(cursor)}`, { headers: { authorization: `Bearer ${token}` } });
        await r.arrayBuffer();
        idle.push(performance.now() - t);
      }
      const download = await parallelDownload(large.url, token, materials);
      const mb = download.bytes / 1024 ** 2;
      report(
        'sandbox',
        {
          small_cold_generation_ms: round(smallColdMs, 0),
          small_warm_start_ms: round(smallWarmMs, 0),
          large_generated_this_run: large.generation.generated,
          large_start_ms: round(largeStartMs, 0),
          large_total_mb: round(large.generation.totalBytes / 1024 ** 2, 0),
          large_materials: large.generation.materials,
          firm1_cases: cases,
          firm1_materials: materials.length,
          firm1_full_delta_ms: round(fullDeltaMs, 0),
          firm1_full_delta_requests: requests,
          idle_resync_p50_ms: round(percentile(idle, 50), 1),
          idle_resync_p95_ms: round(percentile(idle, 95), 1),
          raw_download_mb: round(mb, 0),
          raw_download_mb_per_s: round(mb / (download.ms / 1000), 0),
        },
        {
          large_start_ms: 'includes generation when generated this run',
          raw_download_mb_per_s: '6 parallel loopback GETs, bytes discarded: the sync baseline',
        },
      );
    } finally {
      await large.stop();
    }
  } finally {
    rmSync(cold, { recursive: true, force: true });
  }
}
