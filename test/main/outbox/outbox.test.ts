import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CpOfflineError, CpRateLimitedError, CpRefusedError, CpServerError } from '../../../src-main/core/cp';
import { openDatabase, type OpenedDatabase } from '../../../src-main/core/db';
import { enqueueJob, JobRefusedError, listOpenJobs, Outbox, readJob, type OutboxHandler } from '../../../src-main/core/outbox';
import { SignInRequiredError } from '../../../src-main/core/auth';
import { classifyFailure } from '../../../src-main/core/sync';
import { makeTempDir } from '../../helpers/temp-dir';

/** The durable outbox on a real encrypted SQLite file: states, order, backoff, pauses, crash recovery. */
describe('outbox', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  function open(dir?: string): { opened: OpenedDatabase; dir: string; key: Buffer } {
    const temp = dir ? { dir, cleanup: () => undefined } : makeTempDir();
    cleanups.push(temp.cleanup);
    const key = randomBytes(32);
    return { opened: openDatabase({ file: path.join(temp.dir, 'cache.db'), key }), dir: temp.dir, key };
  }

  function outboxFor(opened: OpenedDatabase, handler: OutboxHandler, now = () => new Date('2026-12-01T10:00:00Z')) {
    const settled: string[] = [];
    const outbox = new Outbox({ db: opened.db, handlers: { test: handler }, classify: classifyFailure, now, random: () => 0.5, onSettled: (job) => settled.push(`${job.id}:${job.state}`) });
    return { outbox, settled };
  }

  const add = (opened: OpenedDatabase, n: number) =>
    enqueueJob(opened.db, { kind: 'test', caseId: null, payload: { n } }, new Date('2026-12-01T09:59:00Z'));

  it('sends jobs one at a time in the order they were made, each with its own stable idempotency key', async () => {
    const { opened } = open();
    const seen: Array<{ n: number; key: string }> = [];
    const jobs = [add(opened, 1), add(opened, 2), add(opened, 3)];
    const { outbox, settled } = outboxFor(opened, async (job) => {
      seen.push({ n: (job.payload as { n: number }).n, key: job.idempotencyKey });
      return { receipt: `r${(job.payload as { n: number }).n}` };
    });
    outbox.start();
    await outbox.drain();
    expect(seen.map((s) => s.n)).toEqual([1, 2, 3]);
    expect(seen.map((s) => s.key)).toEqual(jobs.map((j) => j.idempotencyKey));
    expect(new Set(seen.map((s) => s.key)).size).toBe(3);
    expect(readJob(opened.db, jobs[1]?.id ?? '')).toMatchObject({ state: 'done', attempts: 1, result: { receipt: 'r2' } });
    expect(settled).toHaveLength(3);
    await outbox.stop();
    opened.close();
  });

  it('sends the kinds named in sendFirst ahead of older jobs, each kind still in its own order', async () => {
    const { opened } = open();
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));
    for (const [minute, kind, n] of [
      [1, 'serve', 1],
      [2, 'serve', 2],
      [3, 'checkIn', 3],
      [4, 'serve', 4],
      [5, 'checkIn', 5],
    ] as const) {
      enqueueJob(opened.db, { kind, caseId: null, payload: { n } }, at(minute));
    }
    const seen: string[] = [];
    const handler: OutboxHandler = async (job) => {
      seen.push(`${job.kind}${(job.payload as { n: number }).n}`);
      return {};
    };
    const outbox = new Outbox({ db: opened.db, handlers: { serve: handler, checkIn: handler }, classify: classifyFailure, sendFirst: ['checkIn'] });
    outbox.start();
    await outbox.drain();
    expect(seen).toEqual(['checkIn3', 'checkIn5', 'serve1', 'serve2', 'serve4']);
    await outbox.stop();
    opened.close();
  });

  it('an inOrder job waits for an older one of the same case that is backing off; others go on', async () => {
    const { opened } = open();
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));
    const associate = enqueueJob(opened.db, { kind: 'associate', caseId: 'case-1', payload: {} }, at(1));
    enqueueJob(opened.db, { kind: 'disassociate', caseId: 'case-1', payload: {} }, at(2));
    enqueueJob(opened.db, { kind: 'associate', caseId: 'case-2', payload: {} }, at(3));
    const seen: string[] = [];
    let failFirst = true;
    const handler: OutboxHandler = async (job) => {
      if (job.id === associate.id && failFirst) {
        failFirst = false;
        throw new CpServerError('associate', 503, null);
      }
      seen.push(`${job.kind}:${job.caseId ?? ''}`);
      return {};
    };
    let clock = new Date('2026-12-01T10:00:00Z');
    const outbox = new Outbox({ db: opened.db, handlers: { associate: handler, disassociate: handler }, classify: classifyFailure, now: () => clock, random: () => 0.5, inOrder: ['associate', 'disassociate'] });
    outbox.start();
    await outbox.drain();
    // The first association backs off: the disassociation after it waits; the other case's goes.
    expect(seen).toEqual(['associate:case-2']);
    clock = new Date('2026-12-01T10:10:00Z');
    await outbox.wake({ now: true });
    expect(seen).toEqual(['associate:case-2', 'associate:case-1', 'disassociate:case-1']);
    await outbox.stop();
    opened.close();
  });

  it('a lost connection pauses the whole queue and costs the job nothing; wake() resumes it', async () => {
    const { opened } = open();
    const a = add(opened, 1);
    add(opened, 2);
    let online = false;
    let calls = 0;
    const { outbox } = outboxFor(opened, async () => {
      calls++;
      if (!online) throw new CpOfflineError('associate', 'ECONNREFUSED');
      return {};
    });
    outbox.start();
    await outbox.drain();
    expect(calls).toBe(1); // the second job was not tried against a dead server
    expect(outbox.pausedFor).toBe('offline');
    expect(readJob(opened.db, a.id)).toMatchObject({ state: 'queued', attempts: 0, lastErrorKey: 'errors.cpOffline' });
    online = true;
    await outbox.wake();
    expect(listOpenJobs(opened.db)).toEqual([]);
    await outbox.stop();
    opened.close();
  });

  it('a 5xx backs the job off with jitter; Retry-After pauses everything that long', async () => {
    const { opened } = open();
    const a = add(opened, 1);
    const { outbox } = outboxFor(opened, async () => {
      throw new CpServerError('associate', 503, null);
    });
    outbox.start();
    await outbox.drain();
    const after = readJob(opened.db, a.id);
    expect(after).toMatchObject({ state: 'queued', attempts: 1, lastErrorKey: 'errors.cpServer' });
    // attempt 1: ceiling 2 s, full jitter with random 0.5 → 1.5 s after "now"
    expect(after?.nextAttemptAt).toBe('2026-12-01T10:00:01.500Z');
    await outbox.stop();

    const { outbox: busy } = outboxFor(opened, async () => {
      throw new CpRateLimitedError('associate', 120_000);
    });
    busy.start();
    await busy.wake({ now: true });
    expect(busy.pausedFor).toBe('serverBusy');
    expect(readJob(opened.db, a.id)?.nextAttemptAt).toBe('2026-12-01T10:02:00.000Z');
    // A new job (or a sync, or the connection returning) does not end CP's pause early.
    const b = add(opened, 2);
    await busy.wake();
    expect(busy.pausedFor).toBe('serverBusy');
    expect(readJob(opened.db, b.id)).toMatchObject({ state: 'queued', attempts: 0 });
    await busy.stop();
    opened.close();
  });

  it('a refusal stops the job for good, keeps why, and lets the next job go', async () => {
    const { opened } = open();
    const a = add(opened, 1);
    const b = add(opened, 2);
    const { outbox, settled } = outboxFor(opened, async (job) => {
      if ((job.payload as { n: number }).n === 1) throw new CpRefusedError('associate', 409, 'ALREADY_ASSOCIATED');
      return {};
    });
    outbox.start();
    await outbox.drain();
    expect(readJob(opened.db, a.id)).toMatchObject({ state: 'failed', lastErrorKey: 'errors.alreadyAssociated' });
    expect(readJob(opened.db, b.id)?.state).toBe('done');
    expect(settled).toEqual([`${a.id}:failed`, `${b.id}:done`]);
    await outbox.stop();
    opened.close();
  });

  it('a job left "active" by a killed run is sent again after restart, with the same key', async () => {
    const first = open();
    const job = add(first.opened, 1);
    first.opened.db.prepare("UPDATE outbox_jobs SET state = 'active' WHERE id = ?").run(job.id);
    first.opened.close();
    const reopened = openDatabase({ file: path.join(first.dir, 'cache.db'), key: first.key });
    const keys: string[] = [];
    const { outbox } = outboxFor(reopened, async (j) => {
      keys.push(j.idempotencyKey);
      return {};
    });
    outbox.start();
    await outbox.drain();
    expect(keys).toEqual([job.idempotencyKey]);
    await outbox.stop();
    reopened.close();
  });

  it('a wake during an attempt wins over that attempt’s "sign in first" or "offline": the queue goes on', async () => {
    const { opened } = open();
    const job = add(opened, 1);
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { outbox } = outboxFor(opened, async () => {
      calls++;
      // The first attempt began before the session was restored; it fails after the app said "signed in".
      if (calls === 1) {
        await gate;
        throw new SignInRequiredError();
      }
      if (calls === 2) throw new CpOfflineError('associate', 'ECONNRESET');
      return {};
    });
    outbox.start();
    const woken = outbox.wake();
    release();
    await woken;
    expect(outbox.pausedFor).toBe('offline');
    expect(calls).toBe(2);
    await outbox.wake();
    expect(readJob(opened.db, job.id)).toMatchObject({ state: 'done' });
    await outbox.stop();
    opened.close();
  });

  it('a handler can refuse its job for good with JobRefusedError (a reason only it can see)', async () => {
    const { opened } = open();
    const job = add(opened, 1);
    const { outbox, settled } = outboxFor(opened, async () => {
      throw new JobRefusedError('errors.serveReceiptMismatch');
    });
    outbox.start();
    await outbox.drain();
    expect(readJob(opened.db, job.id)).toMatchObject({ state: 'failed', lastErrorKey: 'errors.serveReceiptMismatch', attempts: 1 });
    expect(settled).toEqual([`${job.id}:failed`]);
    await outbox.stop();
    opened.close();
  });
});
