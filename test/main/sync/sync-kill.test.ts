/**
 * The reliability test: SIGKILL the syncing process at random moments, at least 20 times in a row,
 * restarting it each time on the same folder — while the server keeps changing (bundles republished,
 * cases lost and regained) — then check that the sync finishes, the database passes its integrity
 * check, every stored document matches its SHA-256, nothing is duplicated or orphaned, and the cache
 * holds exactly what a clean sync would. Kill timings come from a seeded PRNG (SYNC_KILL_SEED to replay).
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/core/db';
import type { Sandbox } from '../../../src-sandbox/index';
import {
  allStored,
  contentSnapshot,
  disassociateFirm1,
  expectStoredHashesCorrect,
  firm1DefendantIds,
  firm1Token,
  openTestCache,
  republishIdpc,
  sandboxForTest,
  sandboxMaterials,
  seedData,
  syncFully,
  tempDir,
  vaultFiles,
} from './sync-fixtures';
import { seededRandom as prng } from '../../helpers/seeded-random';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const childScript = path.join(here, 'sync-child.ts');

/**
 * The child gets ArrayBuffer.prototype.transfer as the shipped app's Electron has it (Node 20 only
 * behind a flag), so a kill also lands while the vault frees buffers with it (vault/release-buffer.ts).
 */
const ELECTRON_LIKE_FLAGS = typeof (ArrayBuffer.prototype as { transfer?: unknown }).transfer === 'function' ? [] : ['--harmony-rab-gsab-transfer'];

const SEED = Number(process.env.SYNC_KILL_SEED ?? 20_240_607);
const KILLS_WANTED = 22;
const MAX_ROUNDS = 45;
/** Small pages, so kills also land between the pages of one sync. */
const PAGE_SIZE = 3;

type Phase = 'starting' | 'syncing' | 'downloading' | 'finishing';

interface Round {
  killed: boolean;
  phase: Phase;
  lines: string[];
}

/** When to kill: so many milliseconds after the child starts, opens the cache, or finishes the feed. */
interface KillPlan {
  after: 'spawn' | 'opened' | 'synced';
  ms: number;
}

/** Runs the child on `dir` and SIGKILLs it as planned (a plan may come too late: then it finishes). */
function runChild(sb: Sandbox, dir: string, key: Buffer, token: string, plan: KillPlan | null, env: Record<string, string> = {}): Promise<Round> {
  const child = spawn(process.execPath, [...ELECTRON_LIKE_FLAGS, '--import', 'tsx', childScript, dir, sb.url, String(PAGE_SIZE)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SYNC_CHILD_KEY: key.toString('hex'), SYNC_CHILD_TOKEN: token, ...env },
  });
  const round: Round = { killed: false, phase: 'starting', lines: [] };
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const armKill = (on: KillPlan['after']) => {
    if (plan?.after === on) setTimeout(() => child.kill('SIGKILL'), plan.ms);
  };
  armKill('spawn');
  createInterface({ input: child.stdout }).on('line', (line) => {
    round.lines.push(line);
    const word = line.split(' ')[0];
    if (word === 'opened') {
      round.phase = 'syncing';
      armKill('opened');
    }
    if (word === 'synced') {
      round.phase = 'downloading';
      armKill('synced');
    }
    if (word === 'done') round.phase = 'finishing';
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') return resolve({ ...round, killed: true });
      if (code !== 0) return reject(new Error(`sync-child exited ${code} (seed ${SEED}): ${round.lines.slice(-5).join(' | ')} ${stderr}`));
      resolve({ ...round, killed: false });
    });
  });
}

/** Firm-1-only cases (every defendant firm 1's, no other firm), so losing and regaining them is clean. */
const TOGGLE_CASES = [3, 4, 9];

describe('sync survives SIGKILL at random moments', () => {
  it(`killed ${KILLS_WANTED}+ times while the server changes, it still ends identical to a clean sync`, { timeout: 120_000 }, async () => {
    const sb = await sandboxForTest();
    // A little latency on every answer stretches each page and each download, so kills land inside them.
    await sb.setFaults({ latencyMs: 40 });
    const token = await firm1Token(sb);
    const dir = tempDir();
    const key = randomBytes(32);
    const random = prng(SEED);
    const seed = seedData();
    const toggles = TOGGLE_CASES.map((i) => seed.cases[i]?.id ?? '');
    const lost = new Set<string>();
    const republishable = [3, 4, 6, 9, 12, 15].map((i) => seed.cases[i]?.id ?? '');

    let kills = 0;
    const phases = new Map<Phase, number>();
    let rounds = 0;
    for (; rounds < MAX_ROUNDS && kills < KILLS_WANTED; rounds++) {
      // The server moves on between runs, so every run has work: a new bundle, and often a case
      // lost or won back as well.
      if (rounds > 0) {
        const caseId = republishable.filter((id) => !lost.has(id))[Math.floor(random() * (republishable.length - lost.size))] ?? '';
        await republishIdpc(sb, caseId);
      }
      if (rounds > 0 && random() < 0.5) {
        const caseId = toggles[Math.floor(random() * toggles.length)] ?? '';
        if (lost.has(caseId)) {
          await reassociateFirm1(sb, token, caseId);
          lost.delete(caseId);
        } else {
          await disassociateFirm1(sb, token, caseId);
          lost.add(caseId);
        }
      }
      // Mostly while downloading (the longest phase), often while paging the feed, sometimes while
      // the process is still starting, opening the database or checking its integrity.
      const when = random();
      const at = random();
      const plan: KillPlan = when < 0.15 ? { after: 'spawn', ms: 200 + at * 350 } : when < 0.45 ? { after: 'opened', ms: at * 120 } : { after: 'synced', ms: at * 150 };
      const round = await runChild(sb, dir, key, token, plan);
      // A kill after the child said "done" interrupted nothing: it does not count.
      if (round.killed && round.phase !== 'finishing') {
        kills++;
        phases.set(round.phase, (phases.get(round.phase) ?? 0) + 1);
      }
    }
    console.log(`sync-kill: seed ${SEED}, ${kills} kills in ${rounds} rounds, by phase ${JSON.stringify(Object.fromEntries(phases))}`);
    expect(kills, `kills in ${rounds} rounds (seed ${SEED})`).toBeGreaterThanOrEqual(KILLS_WANTED);
    // The kills really landed mid-sync: while paging the feed and while downloading.
    expect(phases.get('syncing') ?? 0, `phases ${JSON.stringify([...phases])}`).toBeGreaterThan(2);
    expect(phases.get('downloading') ?? 0, `phases ${JSON.stringify([...phases])}`).toBeGreaterThan(2);

    // One last run, left alone, finishes.
    const last = await runChild(sb, dir, key, token, null);
    expect(last.lines.at(-1)).toBe('done');
    expect(readdirSync(dir).filter((name) => name.includes('.damaged-')), 'the database was never found damaged and moved aside').toEqual([]);

    await sb.resetFaults();
    const survivor = await openTestCache(sb, {}, { dir, masterKey: key });
    const db = survivor.cache.db;
    expect(survivor.cache.opened.recovery).toBeNull();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare("SELECT count(*) AS n FROM materials WHERE download_state <> 'stored'").get()).toEqual({ n: 0 });
    expectNoDuplicates(db);

    // Every stored document reads back to CP's SHA-256, and the vault holds nothing else.
    const served = await sandboxMaterials(sb, token);
    const stored = await expectStoredHashesCorrect(survivor.cache);
    expect(stored).toBe(served.size);
    for (const [id, m] of served) expect(db.prepare('SELECT sha256 FROM materials WHERE id = ?').get(id), id).toEqual({ sha256: m.sha256 });
    expect(vaultFiles(dir), 'no orphaned or half-written blobs').toEqual({ blobs: stored, partials: 0 });

    // And it is exactly what a clean sync of the same server state produces.
    const clean = await openTestCache(sb);
    await syncFully(clean.cache);
    expect(allStored(clean.cache.db)).toBe(true);
    expect(contentSnapshot(db)).toEqual(contentSnapshot(clean.cache.db));
    const kept = (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    expect(kept).toBe(16 - lost.size);
  });
});

describe('a crash between a removal and the deletion of its documents', () => {
  it('the next run deletes them: a lost case never stays on disk', { timeout: 60_000 }, async () => {
    const sb = await sandboxForTest();
    const token = await firm1Token(sb);
    const dir = tempDir();
    const key = randomBytes(32);
    expect((await runChild(sb, dir, key, token, null)).lines.at(-1)).toBe('done');
    const before = vaultFiles(dir);
    const lost = seedData().cases[4]?.id ?? '';
    const lostCount = seedData().documents.filter((d) => d.caseId === lost).flatMap((d) => d.materials).length;
    expect(lostCount).toBeGreaterThan(0);

    await disassociateFirm1(sb, token, lost);
    const crashed = await runChild(sb, dir, key, token, null, { SYNC_CHILD_DIE_AFTER_REMOVAL: '1' });
    expect(crashed.killed).toBe(true);
    // The removal committed, but the process died before deleting a single blob.
    expect(vaultFiles(dir)).toEqual(before);

    expect((await runChild(sb, dir, key, token, null)).lines.at(-1)).toBe('done');
    expect(vaultFiles(dir)).toEqual({ blobs: before.blobs - lostCount, partials: 0 });
    const survivor = await openTestCache(sb, {}, { dir, masterKey: key });
    expect(survivor.cache.db.prepare('SELECT count(*) AS n FROM cases WHERE id = ?').get(lost)).toEqual({ n: 0 });
    expect(await expectStoredHashesCorrect(survivor.cache)).toBe(before.blobs - lostCount);
  });
});

function expectNoDuplicates(db: Database): void {
  const dupes = (sql: string): unknown[] => db.prepare(sql).all();
  expect(dupes('SELECT urn FROM cases GROUP BY urn HAVING count(*) > 1')).toEqual([]);
  expect(dupes('SELECT case_id, position FROM defendants GROUP BY case_id, position HAVING count(*) > 1')).toEqual([]);
  expect(dupes('SELECT defendant_id, position FROM offences GROUP BY defendant_id, position HAVING count(*) > 1')).toEqual([]);
  expect(dupes('SELECT case_id, first_sitting_at, court_name, hearing_type FROM hearings GROUP BY 1, 2, 3, 4 HAVING count(*) > 1')).toEqual([]);
  expect(dupes('SELECT case_id, section, name FROM documents GROUP BY 1, 2, 3 HAVING count(*) > 1')).toEqual([]);
  expect(dupes('SELECT document_id, sha256 FROM materials GROUP BY 1, 2 HAVING count(*) > 1')).toEqual([]);
}

/** Firm 1 takes the defendants back (the client returned), as CP's association API allows. */
async function reassociateFirm1(sb: Sandbox, token: string, caseId: string): Promise<void> {
  for (const defendantId of firm1DefendantIds(caseId)) {
    const res = await fetch(`${sb.url}/prosecutionCases/${caseId}/defendants/${defendantId}/associations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': `kill-${randomUUID()}` },
      body: JSON.stringify({ representationType: 'PRIVATE' }),
    });
    expect(res.status).toBe(201);
    await res.arrayBuffer();
  }
}
