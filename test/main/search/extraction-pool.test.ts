/**
 * The extraction pool with misbehaving workers (real worker threads running small scripts): a worker
 * that dies on a document fails that document only; one that hangs is abandoned; one that never starts
 * leaves documents untouched; out-of-bounds reads and vault errors end the job, never main.
 */
import { describe, expect, it } from 'vitest';
import { ExtractionPool, type ExtractionJob, type PageSource } from '../../../src-main/core/search/extraction-pool';
import type { WorkerLaunch } from '../../../src-main/core/search/worker-launch';

const script = (body: string): (() => WorkerLaunch) => () => ({
  source: `const { parentPort } = require('node:worker_threads');\n${body}`,
  eval: true,
  workerData: {},
});

const bytes = Buffer.from('0123456789abcdef');
const source: PageSource = {
  size: () => bytes.length,
  readRange: async function* (id, start, end) {
    if (id === 'missing') throw Object.assign(new Error('gone'), { name: 'VaultNotFoundError' });
    yield bytes.subarray(start, end + 1);
  },
};

const job = (materialId = 'm1', onPages: ExtractionJob['onPages'] = () => true): ExtractionJob => ({ materialId, size: bytes.length, fromPage: 1, onPages });

describe('ExtractionPool', () => {
  it('serves reads, writes batches, and reports done', async () => {
    const pool = new ExtractionPool({
      source,
      workers: 1,
      launch: script(`
        parentPort.on('message', (m) => {
          if (m.type === 'extract') parentPort.postMessage({ type: 'read', jobId: m.jobId, requestId: 7, begin: 2, end: 6 });
          if (m.type === 'range') parentPort.postMessage({ type: 'pages', jobId: 1, pages: [{ page: 1, text: Buffer.from(m.data).toString() }] });
          if (m.type === 'ack') parentPort.postMessage({ type: 'done', jobId: m.jobId, pageCount: 1 });
        });`),
    });
    const written: string[] = [];
    const outcome = await pool.run(job('m1', (pages) => (written.push(...pages.map((p) => p.text)), true)));
    expect(outcome).toEqual({ kind: 'done', pageCount: 1 });
    expect(written).toEqual(['2345']);
    await pool.stop();
  });

  it('fails the document a worker dies on, and the next document gets a fresh worker', async () => {
    let started = 0;
    const crashOnFirst = script(`
      parentPort.on('message', (m) => {
        if (m.type !== 'extract') return;
        parentPort.postMessage({ type: 'read', jobId: m.jobId, requestId: 1, begin: 0, end: 4 });
        if (m.jobId === 1) setTimeout(() => process.exit(3), 10);
        else parentPort.postMessage({ type: 'done', jobId: m.jobId, pageCount: 3 });
      });`);
    const pool = new ExtractionPool({ source, workers: 1, launch: () => (started++, crashOnFirst()) });
    expect(await pool.run(job())).toEqual({ kind: 'failed', reason: 'crashed' });
    expect(await pool.run(job('m2'))).toEqual({ kind: 'done', pageCount: 3 });
    expect(started).toBe(2);
    await pool.stop();
  });

  it('abandons a job that makes no progress', async () => {
    const pool = new ExtractionPool({ source, workers: 1, stallMs: 200, launch: script(`parentPort.on('message', () => {});`) });
    expect(await pool.run(job())).toEqual({ kind: 'failed', reason: 'timedOut' });
    await pool.stop();
  });

  it('leaves documents untouched when no worker can start', async () => {
    const missing = new ExtractionPool({ source, workers: 1, launch: () => null });
    expect(await missing.run(job())).toEqual({ kind: 'unavailable' });
    const dying = new ExtractionPool({ source, workers: 1, launch: script('process.exit(1);') });
    expect(await dying.run(job())).toEqual({ kind: 'unavailable' });
    await dying.stop();
  });

  it('refuses reads outside the document, and reports vault errors as read failures', async () => {
    const pool = new ExtractionPool({
      source,
      workers: 1,
      launch: script(`
        parentPort.on('message', (m) => {
          if (m.type === 'extract') parentPort.postMessage({ type: 'read', jobId: m.jobId, requestId: 1, begin: 0, end: m.size + 1 });
        });`),
    });
    expect(await pool.run(job())).toEqual({ kind: 'failed', reason: 'unreadable' });
    const reader = new ExtractionPool({
      source,
      workers: 1,
      launch: script(`
        parentPort.on('message', (m) => {
          if (m.type === 'extract') parentPort.postMessage({ type: 'read', jobId: m.jobId, requestId: 1, begin: 0, end: 4 });
        });`),
    });
    const outcome = await reader.run(job('missing'));
    expect(outcome.kind).toBe('readFailed');
    await pool.stop();
    await reader.stop();
  });

  it('stops a document whose rows were deleted meanwhile, and a write that throws ends only its job', async () => {
    const launch = script(`
      parentPort.on('message', (m) => {
        if (m.type === 'extract') parentPort.postMessage({ type: 'pages', jobId: m.jobId, pages: [{ page: 1, text: 'x' }] });
        if (m.type === 'ack') parentPort.postMessage({ type: 'done', jobId: m.jobId, pageCount: 1 });
      });`);
    const pool = new ExtractionPool({ source, workers: 1, launch });
    expect(await pool.run(job('m1', () => false))).toEqual({ kind: 'cancelled' });
    const failed = await pool.run(
      job('m2', () => {
        throw new Error('disk full');
      }),
    );
    expect(failed.kind).toBe('writeFailed');
    expect(await pool.run(job('m3'))).toEqual({ kind: 'done', pageCount: 1 });
    await pool.stop();
  });

  it('stop() settles running jobs as stopped, and the pool works again afterwards', async () => {
    const launch = script(`
      parentPort.on('message', (m) => {
        if (m.type === 'extract' && m.jobId > 1) parentPort.postMessage({ type: 'done', jobId: m.jobId, pageCount: 2 });
      });`);
    const pool = new ExtractionPool({ source, workers: 1, launch });
    const running = pool.run(job());
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pool.stop();
    expect(await running).toEqual({ kind: 'stopped' });
    expect(await pool.run(job('m2'))).toEqual({ kind: 'done', pageCount: 2 });
    await pool.stop();
  });
});
