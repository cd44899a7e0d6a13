/**
 * How to start a worker thread whose entry sits beside the calling module: the bundled .js next to the
 * running chunk (the app, browser mode, the standalone sandbox), or the .ts source through tsx's API
 * (vitest, `tsx` scripts). A test runner's transform does not reach worker threads, and `--import tsx`
 * in execArgv is not honoured there, so the worker registers tsx itself before importing its entry.
 * Used by the search index's extraction workers and by the sandbox's PDF generators.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface WorkerLaunch {
  readonly source: string | URL;
  readonly eval: boolean;
  /** Merge into the worker's own workerData (the tsx bootstrap reads its two keys from there). */
  readonly workerData: Readonly<Record<string, string>>;
}

/**
 * `callerUrl` is the caller's `import.meta.url`: the entry is looked for beside it, as `<basename>.js`
 * when the caller runs compiled and `<basename>.ts` when it runs from source. Null when the file is not
 * there (a build without that worker entry): callers fall back or report it.
 */
export function workerLaunch(callerUrl: string, basename: string): WorkerLaunch | null {
  const ext = callerUrl.endsWith('.ts') ? '.ts' : '.js';
  const url = new URL(`./${basename}${ext}`, callerUrl);
  if (!existsSync(fileURLToPath(url))) return null;
  if (ext === '.js') return { source: url, eval: false, workerData: {} };
  const tsxDir = path.dirname(createRequire(callerUrl).resolve('tsx/package.json'));
  const api = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = [
    "const { workerData } = require('node:worker_threads');",
    'import(workerData.tsxApi).then((m) => { m.register(); return import(workerData.entry); })',
    '.catch((e) => { console.error(e); process.exit(1); });',
  ].join('\n');
  return { source: boot, eval: true, workerData: { tsxApi: api, entry: url.href } };
}
