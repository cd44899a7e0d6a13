import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScratchDirs } from './scratch-dirs';

describe('ScratchDirs', () => {
  it('empties a run’s files after it but keeps their inodes, and deletes the folders only at the end', async () => {
    const scratch = new ScratchDirs();
    const dir = scratch.make('test');
    mkdirSync(path.join(dir, 'vault'));
    const file = path.join(dir, 'vault', 'blob');
    writeFileSync(file, Buffer.alloc(1024 * 1024, 7));
    const inode = statSync(file).ino;

    await scratch.settle();
    expect(statSync(file).size).toBe(0);
    expect(statSync(file).ino).toBe(inode);

    // A folder made after a settle is emptied by the next one only.
    const later = scratch.make('test');
    writeFileSync(path.join(later, 'download'), 'bytes');
    writeFileSync(file, 'written again');
    await scratch.settle();
    expect(statSync(path.join(later, 'download')).size).toBe(0);
    expect(statSync(file).size).toBe('written again'.length);

    scratch.removeAll();
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(later)).toBe(false);
  });

  it('writes back without blocking the event loop, so idle keep-alive connections can close meanwhile', async () => {
    const scratch = new ScratchDirs();
    writeFileSync(path.join(scratch.make('test'), 'download'), Buffer.alloc(64 * 1024, 1));
    let ticked = false;
    setImmediate(() => {
      ticked = true;
    });
    await scratch.settle();
    expect(ticked).toBe(true);
    scratch.removeAll();
  });
});
