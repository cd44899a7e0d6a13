/**
 * The extraction worker as the build ships it: bundled by esbuild with the options scripts/build.mjs
 * uses (ESM, code splitting, packages left in node_modules), the worker entry beside the chunks, run by
 * plain node with no TypeScript loader anywhere.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';
import { MAIN_BUNDLE_OPTIONS } from '../../../scripts/main-bundle-options.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');

describe('the bundled extraction worker', () => {
  // Inside the repository, so the bundle's bare imports (pdfjs-dist, better-sqlite3…) resolve.
  const cache = path.join(repoRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(path.join(cache, 'bluebag-search-bundle-'));
  const data = makeTempDir('bluebag-search-bundle-');
  afterAll(() => {
    rmSync(outdir, { recursive: true, force: true });
    data.cleanup();
  });

  it('indexes a PDF from dist-like output, run by plain node', { timeout: 60_000 }, async () => {
    await build({
      entryPoints: {
        probe: path.join(here, 'bundle-probe.ts'),
        'extraction-worker': path.join(repoRoot, 'src-main/core/search/extraction-worker.ts'),
      },
      outdir,
      ...MAIN_BUNDLE_OPTIONS,
      logLevel: 'error',
    });
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(outdir, 'probe.js'), data.dir], { cwd: repoRoot, timeout: 45_000 });
    const result = JSON.parse(stdout.trim()) as { status: Record<string, number>; total: number; snippet: Array<{ text: string; hit: boolean }> };
    expect(result.status).toMatchObject({ indexedDocuments: 1, pendingDocuments: 0, indexedPages: 2, imageOnlyPages: 1 });
    expect(result.total).toBe(1);
    expect(result.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['aardvark']);
  });
});
