import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VAULT_CHUNK_SIZE, Vault } from '../../../src-main/core/vault';
import { patternBytes, patternSha256 } from './pattern-content';
import { collect, newKey, tempDir } from './vault-fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const script = path.join(here, 'crash-writer.ts');

/**
 * The child gets ArrayBuffer.prototype.transfer as the shipped app's Electron has it (Node 20 only
 * behind a flag), so a kill also lands while the vault frees buffers with it (vault/release-buffer.ts).
 */
const ELECTRON_LIKE_FLAGS = typeof (ArrayBuffer.prototype as { transfer?: unknown }).transfer === 'function' ? [] : ['--harmony-rab-gsab-transfer'];


interface Round {
  resumedAt: number;
  lastCommitted: number;
  finished: boolean;
  signal: NodeJS.Signals | null;
}

/** Runs the writer child and SIGKILLs it once it reports `killAfter` committed bytes (plus a random delay). */
function runChild(dir: string, key: Buffer, id: string, total: number, killAfter: number): Promise<Round> {
  const child = spawn(process.execPath, [...ELECTRON_LIKE_FLAGS, '--import', 'tsx', script, dir, key.toString('hex'), id, String(total)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const round: Round = { resumedAt: -1, lastCommitted: -1, finished: false, signal: null };
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  let killing = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [word, value] = line.split(' ');
    if (word === 'resumed') round.resumedAt = Number(value);
    if (word === 'committed') round.lastCommitted = Number(value);
    if (word === 'finished') round.finished = true;
    if (!killing && round.lastCommitted >= killAfter) {
      killing = true;
      // A little random delay: the child keeps writing meanwhile, so the kill lands mid-write at times.
      setTimeout(() => child.kill('SIGKILL'), Math.random() * 15);
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      round.signal = signal;
      if (signal === null && code !== 0) reject(new Error(`crash-writer exited ${code}: ${stderr}`));
      else resolve(round);
    });
  });
}

describe('vault crash safety (real SIGKILL)', () => {
  it('survives being killed at random moments while writing, then resumes to a correct blob', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const key = newKey();
    const total = 96 * 1024 * 1024 + 4096 + 48;
    let floor = 0;
    let kills = 0;
    for (let attempt = 0; attempt < 5; attempt++) {
      // Aim the kill somewhere in what remains, before the end, so finish() is never reached.
      const killAfter = floor + Math.floor(Math.random() * 0.18 * (total - floor));
      const round = await runChild(dir, key, 'bundle', total, killAfter);
      // Everything a killed process handed to the OS survives it: the resume point never goes back.
      expect(round.resumedAt, `attempt ${attempt}`).toBeGreaterThanOrEqual(floor);
      expect(round.resumedAt % VAULT_CHUNK_SIZE).toBe(0);
      if (round.finished) break;
      expect(round.signal).toBe('SIGKILL');
      kills++;
      floor = Math.max(round.lastCommitted, round.resumedAt);
    }
    expect(kills).toBeGreaterThanOrEqual(4);

    const vault = new Vault(dir, key);
    const writer = await vault.openWriter('bundle');
    expect(writer.committedBytes).toBeGreaterThanOrEqual(floor);
    expect(writer.committedBytes % VAULT_CHUNK_SIZE).toBe(0);
    for (let at = writer.committedBytes; at < total; at += 1024 * 1024) {
      await writer.write(patternBytes(at, Math.min(1024 * 1024, total - at)));
    }
    const expected = patternSha256(total);
    expect(await writer.finish()).toEqual({ size: total, sha256: expected });
    expect(await vault.sha256('bundle')).toBe(expected);
    for (let i = 0; i < 20; i++) {
      const start = 16 * Math.floor((Math.random() * (total - 300_000)) / 16);
      const got = await collect(vault.readRange('bundle', start, start + 299_999));
      expect(got.equals(patternBytes(start, 300_000))).toBe(true);
    }
  });
});
