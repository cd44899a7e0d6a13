/**
 * One 2,000-page, ~150 MB bundle (typed statements between large distinct scans) through SearchIndex:
 * main's heap and the process's RSS stay bounded while it is indexed, and main's event loop is never
 * blocked for long. The PDF is drawn once into the system temp folder.
 *
 *   npx tsx test/bench/search-big-bundle.ts      prints the table
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { openDatabase } from '../../src-main/core/db';
import { SearchIndex } from '../../src-main/core/search';
import { Vault } from '../../src-main/core/vault';
import { renderScanJpeg } from '../../src-sandbox/pdf/scan-image';
import { Prng } from '../../src-sandbox/seed/prng';
import { round } from './report';

const PAGES = 2000;
const FILE = path.join(os.tmpdir(), 'bluebag-search-bench', `big-bundle-${PAGES}-v2.pdf`);

export interface BigBundleFigures {
  pages: number;
  file_mb: number;
  index_s: number;
  pages_per_s: number;
  image_only_pages: number;
  main_heap_before_mb: number;
  main_heap_peak_mb: number;
  rss_before_mb: number;
  rss_peak_mb: number;
  max_event_loop_block_ms: number;
}

async function ensureBigBundle(): Promise<string> {
  if (existsSync(FILE)) return FILE;
  mkdirSync(path.dirname(FILE), { recursive: true });
  const prng = new Prng('big-bundle');
  // Sixteen distinct heavy scans; pdfkit embeds each use as its own image object: ~150 MB in all.
  const scans = Array.from({ length: 16 }, (_, i) => renderScanJpeg(new Prng('big-bundle-scan', i), { width: 800, height: 1131, quality: 40, noise: 13 }));
  const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', compress: true });
  const tmp = `${FILE}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  doc.pipe(out);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  for (let n = 1; n <= PAGES; n++) {
    if (n % 2 === 0) {
      doc.addPage({ size: 'A4', margin: 0 });
      doc.image(scans[prng.int(0, scans.length - 1)] as Buffer, 0, 0, { width: 595.28, height: 841.89 });
    } else {
      doc.addPage({ size: 'A4', margin: 56 });
      const words = Array.from({ length: 420 }, () => prng.pick(['the', 'witness', 'said', 'defendant', 'officer', 'knife', 'car', 'street', 'saw', 'ran', 'police', 'arrested', 'custody', 'statement']));
      doc.font('Times-Roman').fontSize(10.5).text(`Page ${n}. ${words.join(' ')}.`, { width: 483, height: 700 });
    }
  }
  doc.end();
  await done;
  renameSync(tmp, FILE);
  return FILE;
}

export async function measureBigBundle(workers = 1): Promise<BigBundleFigures> {
  const file = await ensureBigBundle();
  const temp = mkdtempSync(path.join(os.tmpdir(), 'bluebag-search-big-'));
  try {
    const opened = openDatabase({ file: path.join(temp, 'cache.db'), key: randomBytes(32) });
    const db = opened.db;
    const vault = new Vault(path.join(temp, 'vault'), randomBytes(32), { syncIntervalBytes: 1 << 30 });
    const caseId = randomUUID();
    const documentId = randomUUID();
    const materialId = randomUUID();
    const size = statSync(file).size;
    const writer = await vault.openWriter(materialId);
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) await writer.write(chunk as Buffer);
    await writer.finish();
    db.prepare(`INSERT INTO cases (id, urn, status, version, synced_at) VALUES (?, '01XX0000000', 'ACTIVE', 1, '2026-03-10')`).run(caseId);
    db.prepare(`INSERT INTO documents (id, case_id, section, name, defendant_ids_json, is_removed) VALUES (?, ?, 'IDPC', 'Big bundle', '[]', 0)`).run(documentId, caseId);
    db.prepare(`INSERT INTO materials (id, document_id, uploaded_at, size, sha256, download_state) VALUES (?, ?, '2026-03-01', ?, '-', 'stored')`).run(materialId, documentId, size);

    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    let heapPeak = heapBefore;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      heapPeak = Math.max(heapPeak, m.heapUsed);
      rssPeak = Math.max(rssPeak, m.rss);
    }, 50);
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    const index = new SearchIndex({ db, vault, workers });
    const started = performance.now();
    index.start();
    while (index.status().pendingDocuments > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    const seconds = (performance.now() - started) / 1000;
    lag.disable();
    clearInterval(sampler);
    const status = index.status();
    await index.stop();
    opened.close();
    if (status.indexedDocuments !== 1) throw new Error('the big bundle did not index');
    const mb = (bytes: number) => round(bytes / 1024 ** 2, 0);
    return {
      pages: status.indexedPages,
      file_mb: mb(size),
      index_s: round(seconds, 1),
      pages_per_s: round(status.indexedPages / seconds, 0),
      image_only_pages: status.imageOnlyPages,
      main_heap_before_mb: mb(heapBefore),
      main_heap_peak_mb: mb(heapPeak),
      rss_before_mb: mb(rssBefore),
      rss_peak_mb: mb(rssPeak),
      max_event_loop_block_ms: round(lag.max / 1e6, 1),
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await measureBigBundle();
  const width = Math.max(...Object.keys(figures).map((key) => key.length));
  console.log('\nsearch: one big bundle');
  console.log('-'.repeat(width + 14));
  for (const [key, value] of Object.entries(figures)) console.log(`${key.padEnd(width)}  ${String(value).padStart(12)}`);
}
