/**
 * `npm run bench -- outbox`: serving documents on the court.
 *
 * upload_ratio — 100 queued documents of 5 MB each, drained by the app's outbox to the sandbox over
 * loopback (the sandbox in its own process), against a plain HTTP upload of the same bytes to the same
 * endpoint in the same run (one at a time, as the outbox sends: a POST of the file's bytes, nothing
 * else). The app reads each document back out of its encrypted vault, sends its SHA-256 as a
 * Content-Digest, checks CP's receipt and stores it with the deemed-service date, one by one.
 *
 * outbox_render_ms — the Outbox screen with 1,000 items (the 200 accepted ones plus 800 more written
 * into the encrypted database: queued, refused, accepted, drafts), in Chromium, browser mode: page
 * load → the list shown; a filter change; scrolled to the end, the last item is the right one.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import type { CaseSummary, OutboxStatus, SearchStatus, ServiceItem, SessionStatus, SyncStatus } from '../../src-preload/api';
import type { CoreApp } from '../../src-main/core';
import { makeCore } from '../helpers/core';
import { browserSignIn } from '../main/auth/helpers';
import { openCacheDatabase, until } from '../main/serving/serving-fixtures';
import { SCRIPT_CLIENT } from '../../src-sandbox/seed/firms';
import jpeg from 'jpeg-js';
import PDFDocument from 'pdfkit';
import { startBrowserMode } from '../e2e/browser-mode';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { percentile, report, round } from './report';
import { startJsonChild, stopChild } from './sync-processes';

const DOCUMENTS = 100;
const DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Two batches of DOCUMENTS are served (sync paused, then running); the Outbox is filled up to this. */
const RENDER_ITEMS = 1000;
const MB = 1024 * 1024;
const NEXT_FRAME = 'new Promise((resolve) => requestAnimationFrame(() => resolve(null)))';

/**
 * A document like a scanned statement: one page whose image is a JPEG of noise (which does not
 * compress), about `bytes` long, with its own line of text so every document's bytes differ.
 */
function scannedPdf(label: string, image: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 36 });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text(label);
    doc.image(image, 36, 72, { fit: [523, 700] });
    doc.end();
  });
}

function noiseJpeg(bytes: number): Buffer {
  // Noise at quality 90 takes about 1.9 bytes a pixel.
  const side = Math.ceil(Math.sqrt(bytes / 1.88));
  const data = Buffer.alloc(side * side * 4);
  let x = 0x9e3779b9;
  for (let i = 0; i < data.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    data[i] = (i & 3) === 3 ? 255 : x & 0xff;
  }
  return jpeg.encode({ data, width: side, height: side }, 90).data;
}

function call<T>(core: CoreApp) {
  return async (method: string, args: unknown = {}): Promise<T> => {
    const result = await core.dispatch(method, args);
    if (!result.ok) throw new Error(`${method}: ${result.error.messageKey}`);
    return result.value as T;
  };
}

async function setFaults(controlUrl: string, patch: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${controlUrl}/faults`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(patch) });
  if (res.status !== 200) throw new Error(`faults: ${res.status}`);
}

async function scriptToken(url: string): Promise<string> {
  const res = await fetch(`${url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: SCRIPT_CLIENT.clientId, client_secret: SCRIPT_CLIENT.clientSecret }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** The baseline: the same bytes POSTed one after another, as any HTTP client would upload a file. */
async function plainUpload(url: string, token: string, caseId: string, documents: readonly Buffer[]): Promise<number> {
  const started = performance.now();
  for (const [n, bytes] of documents.entries()) {
    const query = new URLSearchParams({ documentTypeDescription: 'Witness statement', name: `baseline-${n}.pdf` });
    const res = await fetch(`${url}/prosecutionCases/${caseId}/courtDocuments?${query}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/pdf', 'Idempotency-Key': randomUUID() },
      body: bytes,
    });
    if (res.status !== 201) throw new Error(`baseline upload: ${res.status}`);
    await res.arrayBuffer();
  }
  return performance.now() - started;
}

/** 900 more items of every kind, written straight into the encrypted database (display only). */
async function addItems(dataDir: string, caseId: string, urn: string, count: number): Promise<void> {
  const { db, close } = await openCacheDatabase(dataDir);
  try {
    const insert = db.prepare(
      `INSERT INTO service_items (id, case_id, urn, defendant_ids_json, defendant_names_json, document_type, name, size, page_count, sha256, state,
         created_at, queued_at, receipt_id, court_document_id, material_id, received_at, deemed_served_on, late_reason, error_key)
       VALUES (?, ?, ?, '[]', '[]', 'witnessStatement', ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const states = ['accepted', 'queued', 'accepted', 'refused', 'draft', 'accepted'] as const;
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const state = states[i % states.length] ?? 'accepted';
        const at = new Date(Date.UTC(2026, 10, 2, 9, 0, 0) + i * 60_000).toISOString();
        const accepted = state === 'accepted';
        insert.run(
          randomUUID(),
          caseId,
          urn,
          `Statement ${String(i).padStart(4, '0')}.pdf`,
          100_000 + i,
          createHash('sha256').update(String(i)).digest('hex'),
          state,
          at,
          state === 'draft' ? null : at,
          accepted ? randomUUID() : null,
          accepted ? randomUUID() : null,
          accepted ? randomUUID() : null,
          accepted ? at.replace('Z', '+00:00') : null,
          accepted ? at.slice(0, 10) : null,
          null,
          state === 'refused' ? 'errors.cpRefused' : null,
        );
      }
    })();
  } finally {
    close();
  }
}

export async function outboxBench(): Promise<void> {
  const sandbox = await startJsonChild<{ url: string; controlUrl: string }>('./outbox-sandbox.ts', [], 'sandbox');
  const { url, controlUrl } = sandbox.message;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bluebag-bench-outbox-'));
  let core: CoreApp | null = makeCore(dataDir, { connectivity: { timeoutMs: 1_000, onlineIntervalMs: 500, offlineIntervalMs: 200 } });
  try {
    const c = call<unknown>(core);
    await c('cp.connect', { baseUrl: url });
    const signIn = await until(() => (core as CoreApp).dispatch('session.signIn', {}), (r) => r.ok, 10_000);
    if (!signIn.ok) throw new Error('sign-in did not start');
    await browserSignIn((signIn.value as { authorizationUrl: string }).authorizationUrl, 'sokafor');
    await until(() => c('session.getStatus') as Promise<SessionStatus>, (s) => s.state === 'signedIn', 20_000);
    const cases = await until(() => c('cases.list') as Promise<CaseSummary[]>, (list) => list.some((k) => k.jurisdiction === 'MAGISTRATES'), 30_000);
    const target = cases.find((k) => k.jurisdiction === 'MAGISTRATES') as CaseSummary;
    // The cases' documents download and are indexed first: at court the cache is already full, and
    // the drain must not share the machine with the first sync.
    await until(() => c('sync.getStatus') as Promise<SyncStatus>, (st) => st.state === 'idle' && st.downloads.queued + st.downloads.active === 0, 300_000, 200);
    await until(() => c('search.status') as Promise<SearchStatus>, (st) => st.pendingDocuments === 0, 300_000, 200);
    const defendantId = target.defendants[0]?.id ?? '';

    const image = noiseJpeg(DOCUMENT_BYTES);
    const documents = await Promise.all(Array.from({ length: DOCUMENTS }, (_, n) => scannedPdf(`Statement ${n} ${randomBytes(8).toString('hex')}`, image)));
    const totalBytes = documents.reduce((sum, d) => sum + d.length, 0);

    // The baseline once before the app's run and twice after it (fastest kept), on the same sandbox.
    const token = await scriptToken(url);
    const baselineRuns = [await plainUpload(url, token, target.id, documents)];

    /**
     * Queues the documents while CP cannot be reached (as at court), then the connection returns and
     * the outbox drains them. Timed from "send now" to the app's own "serving.changed" saying nothing
     * is unsent (events, not polling, so the benchmark does not load the app it measures).
     */
    const queueAndDrain = async (round: string): Promise<{ stagingMs: number; drainMs: number; lagMaxMs: number }> => {
      const app = core as CoreApp;
      await setFaults(controlUrl, { offline: true });
      const stagingStarted = performance.now();
      const itemIds: string[] = [];
      for (const [n, bytes] of documents.entries()) {
        async function* body(): AsyncGenerator<Uint8Array> {
          for (let at = 0; at < bytes.length; at += 256 * 1024) yield bytes.subarray(at, Math.min(bytes.length, at + 256 * 1024));
        }
        const staged = await app.stageDocument(target.id, `${round}-${n}.pdf`, bytes.length, body());
        if (!('item' in staged)) throw new Error(`staging refused: ${staged.error.messageKey}`);
        itemIds.push(staged.item.id);
      }
      const stagingMs = performance.now() - stagingStarted;
      for (let at = 0; at < itemIds.length; at += 50) {
        await c('serving.queue', { itemIds: itemIds.slice(at, at + 50), defendantIds: [defendantId], documentType: 'witnessStatement' });
      }
      const lag = monitorEventLoopDelay({ resolution: 10 });
      const allSent = new Promise<void>((resolve) => {
        const off = app.onEvent((name, payload) => {
          if (name === 'serving.changed' && (payload as { status: OutboxStatus }).status.unsent === 0) {
            off();
            resolve();
          }
        });
      });
      await setFaults(controlUrl, { offline: false });
      lag.enable();
      const drainStarted = performance.now();
      if (process.env['OUTBOX_BENCH_MARK']) console.error(`drain-start-us ${process.hrtime.bigint() / 1000n}`);
      await c('serving.sendNow');
      await allSent;
      const drainMs = performance.now() - drainStarted;
      if (process.env['OUTBOX_BENCH_MARK']) console.error(`drain-end-us ${process.hrtime.bigint() / 1000n}`);
      lag.disable();
      const items = ((await c('serving.list', {})) as { items: ServiceItem[] }).items.filter((i) => itemIds.includes(i.id));
      if (items.some((i) => i.state !== 'accepted' || i.receipt === null)) throw new Error(`${round}: not every document was accepted with a receipt`);
      return { stagingMs, drainMs, lagMaxMs: lag.max / 1e6 };
    };

    // The outbox's own speed: sync paused, so the documents CP now lists in the case (the ones just
    // served) are not downloaded back and indexed at the same time.
    const settled = async () => {
      await until(() => c('sync.getStatus') as Promise<SyncStatus>, (st) => st.state === 'idle' && st.downloads.queued + st.downloads.active === 0, 600_000, 200);
      await until(() => c('search.status') as Promise<SearchStatus>, (st) => st.pendingDocuments === 0, 600_000, 200);
    };
    await c('sync.pause');
    const alone = await queueAndDrain('alone');
    await c('sync.resume');
    // The first batch is on CP now: let the app fetch and index it before the second batch starts.
    await c('sync.now');
    await settled();
    // As it happens in the app: sync fetches the served documents back while the rest still go.
    const withSync = await queueAndDrain('withSync');
    const { stagingMs, drainMs } = alone;

    baselineRuns.push(await plainUpload(url, token, target.id, documents), await plainUpload(url, token, target.id, documents));
    const baselineMs = Math.min(...baselineRuns);

    await core.dispose();
    core = null;
    await addItems(dataDir, target.id, target.urn, RENDER_ITEMS - 2 * DOCUMENTS);

    const app = await startBrowserMode({ dataDir });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
    const renders: number[] = [];
    let filterMs = Number.NaN;
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      for (let run = 0; run < 4; run++) {
        const started = performance.now();
        await page.goto(run === 0 ? app.url : new URL('/', app.url).toString());
        await page.getByRole('button', { name: /^Outbox/ }).click();
        await page.getByText(`Shown: ${RENDER_ITEMS} of ${RENDER_ITEMS}`).waitFor({ timeout: 60_000 });
        await page.evaluate(NEXT_FRAME);
        renders.push(performance.now() - started);
      }
      const filterStarted = performance.now();
      await page.getByLabel('Show').selectOption({ label: 'Accepted' });
      await page.getByText(/Shown: \d+ of 1000/).waitFor();
      await page.evaluate(NEXT_FRAME);
      filterMs = performance.now() - filterStarted;
    } finally {
      await browser.close();
      await app.stop();
    }

    const mbPerS = (bytes: number, ms: number) => bytes / MB / (ms / 1000);
    report(
      'outbox',
      {
        documents: DOCUMENTS,
        document_mb: round(totalBytes / DOCUMENTS / MB, 2),
        upload_ratio: round(baselineMs / drainMs, 2),
        upload_ratio_with_sync: round(baselineMs / withSync.drainMs, 2),
        outbox_drain_ms: round(drainMs, 0),
        outbox_mb_per_s: round(mbPerS(totalBytes, drainMs), 1),
        baseline_ms: round(baselineMs, 0),
        baseline_mb_per_s: round(mbPerS(totalBytes, baselineMs), 1),
        baseline_runs_mb_per_s: baselineRuns.map((ms) => round(mbPerS(totalBytes, ms), 0)).join(' / '),
        staging_mb_per_s: round(mbPerS(totalBytes, stagingMs), 1),
        max_event_loop_lag_ms: round(Math.max(alone.lagMaxMs, withSync.lagMaxMs), 0),
        outbox_items: RENDER_ITEMS,
        outbox_render_ms: round(percentile(renders.slice(1), 50), 0),
        outbox_first_open_ms: round(renders[0] ?? Number.NaN, 0),
        outbox_filter_ms: round(filterMs, 0),
      },
      {
        upload_ratio: 'baseline_ms / outbox_drain_ms (sync paused); target ≥ 0.7',
        upload_ratio_with_sync: 'the same with sync running (CP coming back starts both; the outbox goes first, then the sync fetches the served documents back)',
        outbox_drain_ms: '"send now" → all 100 accepted (vault read + decrypt, Content-Digest, upload, receipt check, deemed date, audit)',
        baseline_ms: 'fastest of 3 runs (1 before, 2 after the drain): the same 100 × 5 MB POSTed one at a time by fetch, to the same endpoint',
        staging_mb_per_s: 'dropping the files in: type check, pdf.js check in a worker, hash, encrypt into the outbox vault',
        max_event_loop_lag_ms: "the app's main event loop while draining",
        outbox_render_ms: 'reload → Outbox → "Shown: 1000 of 1000", median of 3 warm runs',
        outbox_filter_ms: 'filter to Accepted → list updated and painted',
      },
    );
  } finally {
    await core?.dispose();
    await stopChild(sandbox.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await outboxBench();
