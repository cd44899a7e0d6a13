// Builds everything `npm start` and the e2e tests need: the renderer (Vite), the main process and the
// browser-mode host (esbuild, ESM, dependencies left in node_modules), and the sandboxed preload
// (esbuild, one CommonJS file: sandboxed preloads cannot load ES modules or other files).
import { readFileSync, rmSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { MAIN_BUNDLE_OPTIONS } from './main-bundle-options.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const quiet = process.argv.includes('--quiet');
const started = Date.now();

rmSync('dist/main', { recursive: true, force: true });
rmSync('dist/preload', { recursive: true, force: true });

await Promise.all([
  viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'error' : 'warn' }),
  esbuild({
    // `worker` is the sandbox's PDF-generation thread; src-sandbox/pdf/cache.ts looks for it beside
    // the chunk that starts it (and falls back to one thread if it is missing).
    // `vault-writer-worker` is the vault's writer thread; src-main/core/vault/writer-thread.ts looks for
    // it the same way (and writes on the main thread if it is missing). `checkpoint-worker` checkpoints
    // the cache's WAL (src-main/core/db/wal-checkpointer.ts; main checkpoints itself if it is missing).
    entryPoints: {
      main: 'src-main/main.ts',
      host: 'src-main/host/main.ts',
      worker: 'src-sandbox/pdf/worker.ts',
      'extraction-worker': 'src-main/core/search/extraction-worker.ts',
      'vault-writer-worker': 'src-main/core/vault/vault-writer-worker.ts',
      'checkpoint-worker': 'src-main/core/db/checkpoint-worker.ts',
    },
    outdir: 'dist/main',
    ...MAIN_BUNDLE_OPTIONS,
    sourcemap: true,
    define: { __BLUEBAG_VERSION__: JSON.stringify(version) },
    logLevel: 'warning',
  }),
  esbuild({
    entryPoints: ['src-preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'chrome130',
    external: ['electron'],
    logLevel: 'warning',
  }),
]);

if (!quiet) console.log(`Built Bluebag ${version} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
