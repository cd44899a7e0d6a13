import path from 'node:path';
import { afterEach } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';

const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

/** A database path in a fresh folder on the real disk, removed (with whatever was made beside it) after the current test. */
export function tempDatabaseFile(): string {
  const { dir, cleanup } = makeTempDir();
  temps.push(cleanup);
  return path.join(dir, 'cache.db');
}
