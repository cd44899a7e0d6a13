/**
 * How to start the extraction worker: the bundled .js beside the running chunk (the app, browser mode),
 * or the .ts source through tsx's API (vitest, `tsx` scripts). A test runner's transform does not reach
 * worker threads, and `--import tsx` in execArgv is not honoured there, so the worker registers tsx
 * itself before importing the entry (the sandbox's PDF worker starts the same way).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface WorkerLaunch {
  readonly source: string | URL;
  readonly eval: boolean;
  readonly workerData: Readonly<Record<string, string>>;
}

export const WORKER_BASENAME = 'extraction-worker';

/** Null when the worker file is not where it should be (a build without the worker entry). */
export function extractionWorkerLaunch(): WorkerLaunch | null {
  const here = import.meta.url;
  const ext = here.endsWith('.ts') ? '.ts' : '.js';
  const url = new URL(`./${WORKER_BASENAME}${ext}`, here);
  if (!existsSync(fileURLToPath(url))) return null;
  if (ext === '.js') return { source: url, eval: false, workerData: {} };
  const tsxDir = path.dirname(createRequire(here).resolve('tsx/package.json'));
  const api = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = [
    "const { workerData } = require('node:worker_threads');",
    'import(workerData.tsxApi).then((m) => { m.register(); return import(workerData.entry); })',
    '.catch((e) => { console.error(e); process.exit(1); });',
  ].join('\n');
  return { source: boot, eval: true, workerData: { tsxApi: api, entry: url.href } };
}
