/**
 * Search figures: indexing throughput through SearchIndex (vault → worker → pdf.js → FTS5 in the
 * encrypted database, end to end), beside `pdftotext` on the same files with the same number of
 * threads, and query latency (p50/p95 of 240 realistic queries) over the ~49,000 indexed pages.
 *
 *   npx tsx test/bench/search-figures.ts      prints the table
 *
 * The viewer benchmark calls measureSearchFigures() and records the figures in bench-results/viewer.json.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openDatabase } from '../../src-main/core/db';
import { SearchIndex } from '../../src-main/core/search';
import { Vault } from '../../src-main/core/vault';
import { ensureSearchCorpus, writeCorpusRows, type SearchCorpus } from './search-corpus';
import { percentile, round } from './report';
import { benchQueries } from './search-queries';

const run = promisify(execFile);

export interface SearchFigures {
  search_p95_ms: number;
  search_p50_ms: number;
  indexed_pages: number;
  index_pages_per_s: number;
  pdftotext_pages_per_s: number;
  index_ratio_vs_pdftotext: number;
}

export interface SearchFiguresDetail extends SearchFigures {
  workers: number;
  documents: number;
  text_pages: number;
  image_only_pages: number;
  corpus_mb: number;
  index_s: number;
  pdftotext_s: number;
  queries: number;
  search_max_ms: number;
  hits_median: number;
  max_event_loop_block_ms: number;
  peak_rss_mb: number;
  database_mb: number;
}

export async function measureSearchFigures(): Promise<SearchFigures> {
  const d = await measureSearchFiguresDetail();
  return {
    search_p95_ms: d.search_p95_ms,
    search_p50_ms: d.search_p50_ms,
    indexed_pages: d.indexed_pages,
    index_pages_per_s: d.index_pages_per_s,
    pdftotext_pages_per_s: d.pdftotext_pages_per_s,
    index_ratio_vs_pdftotext: d.index_ratio_vs_pdftotext,
  };
}

export async function measureSearchFiguresDetail(options: { workers?: number; log?: (line: string) => void } = {}): Promise<SearchFiguresDetail> {
  const log = options.log ?? (() => undefined);
  // As the app runs it on this machine (one fewer than the cores), unless asked otherwise.
  const workers = options.workers ?? Math.max(1, Math.min(2, os.availableParallelism() - 1));
  const corpus = await ensureSearchCorpus(log);
  const temp = mkdtempSync(path.join(os.tmpdir(), 'bluebag-search-run-'));
  try {
    const opened = openDatabase({ file: path.join(temp, 'cache.db'), key: Buffer.alloc(32, 7) });
    const db = opened.db;
    writeCorpusRows(db, corpus);
    const vault = new Vault(corpus.vaultDir, corpus.vaultKey);
    const index = new SearchIndex({ db, vault, workers });

    log(`indexing ${corpus.materials.length} documents, ${corpus.pages} pages, with ${workers} worker(s)…`);
    const lag = monitorEventLoopDelay({ resolution: 5 });
    let peakRss = 0;
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    lag.enable();
    const indexStarted = performance.now();
    index.start();
    let lastLog = 0;
    for (;;) {
      const status = index.status();
      if (status.pendingDocuments === 0) break;
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        log(`  ${status.indexedPages} pages indexed, ${status.pendingDocuments} documents to go`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    lag.disable();
    clearInterval(rssTimer);
    await index.stop();
    const status = index.status();
    if (status.failedDocuments > 0) throw new Error(`${status.failedDocuments} bench documents failed to index`);

    log('pdftotext on the same files…');
    const pdftotextSeconds = await timePdftotext(corpus, workers);

    log('querying…');
    const queries = benchQueries(corpus);
    for (const q of queries.slice(0, 20)) index.query({ ...q, limit: 50 });
    const times: number[] = [];
    const hits: number[] = [];
    for (const q of queries) {
      const started = performance.now();
      const answer = index.query({ ...q, limit: 50 });
      times.push(performance.now() - started);
      hits.push(answer.total);
    }
    const databaseBytes = (db.prepare('SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()').get() as { bytes: number }).bytes;
    opened.close();

    const indexRate = status.indexedPages / indexSeconds;
    const pdftotextRate = corpus.pages / pdftotextSeconds;
    return {
      search_p95_ms: round(percentile(times, 95), 2),
      search_p50_ms: round(percentile(times, 50), 2),
      indexed_pages: status.indexedPages,
      index_pages_per_s: round(indexRate, 0),
      pdftotext_pages_per_s: round(pdftotextRate, 0),
      index_ratio_vs_pdftotext: round(indexRate / pdftotextRate, 3),
      workers,
      documents: corpus.materials.length,
      text_pages: status.indexedPages - status.imageOnlyPages,
      image_only_pages: status.imageOnlyPages,
      corpus_mb: round(corpus.bytes / 1024 ** 2, 0),
      index_s: round(indexSeconds, 1),
      pdftotext_s: round(pdftotextSeconds, 1),
      queries: times.length,
      search_max_ms: round(Math.max(...times), 2),
      hits_median: percentile(hits, 50),
      max_event_loop_block_ms: round(lag.max / 1e6, 1),
      peak_rss_mb: round(peakRss / 1024 ** 2, 0),
      database_mb: round(databaseBytes / 1024 ** 2, 0),
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** pdftotext over every file, `parallel` processes at a time (as many as the index has workers). */
async function timePdftotext(corpus: SearchCorpus, parallel: number): Promise<number> {
  const files = corpus.materials.map((m) => m.file);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let i = next++; i < files.length; i = next++) {
        const file = files[i];
        if (file) await run('pdftotext', ['-q', file, '/dev/null'], { maxBuffer: 1 << 20 });
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const workersArg = process.argv.find((arg) => arg.startsWith('--workers='));
  const figures = await measureSearchFiguresDetail({
    log: (line) => console.log(line),
    ...(workersArg ? { workers: Number(workersArg.slice('--workers='.length)) } : {}),
  });
  const width = Math.max(...Object.keys(figures).map((key) => key.length));
  console.log('\nsearch');
  console.log('-'.repeat(width + 14));
  for (const [key, value] of Object.entries(figures)) console.log(`${key.padEnd(width)}  ${String(value).padStart(12)}`);
}
