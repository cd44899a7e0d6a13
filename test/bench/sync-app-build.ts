/**
 * Builds the sync benchmark's app side as the shipped app is built (scripts/build.mjs: esbuild, ESM,
 * bundled, dependencies left in node_modules, the vault's writer thread an entry of its own beside the
 * chunk that starts it), so the bench can measure the app as it runs for users: from compiled
 * JavaScript, with no TypeScript loader in the main thread or in the writer thread. Run from source
 * (`--import tsx`), every thread also carries tsx and its module-hooks thread, which the app never has.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { MAIN_BUNDLE_OPTIONS } from '../../scripts/main-bundle-options.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Inside the repository, so the bundle resolves its external packages from node_modules. */
export const SYNC_APP_BUILD_DIR = path.join(ROOT, 'dist', 'bench-sync');

/** Returns the built entry (dist/bench-sync/sync-app.js). */
export async function buildSyncApp(): Promise<string> {
  rmSync(SYNC_APP_BUILD_DIR, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: {
      'sync-app': 'test/bench/sync-app.ts',
      'vault-writer-worker': 'src-main/core/vault/vault-writer-worker.ts',
      'checkpoint-worker': 'src-main/core/db/checkpoint-worker.ts',
    },
    outdir: SYNC_APP_BUILD_DIR,
    ...MAIN_BUNDLE_OPTIONS,
    sourcemap: true,
    logLevel: 'warning',
  });
  return path.join(SYNC_APP_BUILD_DIR, 'sync-app.js');
}
