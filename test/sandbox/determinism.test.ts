/**
 * Same seed + anchor ⇒ identical JSON and identical PDF bytes, across two fresh
 * generations (one with worker threads, one without). Also checks the generated PDFs
 * with poppler (pdfinfo/pdftotext, independent of pdfkit): page counts, text on typed
 * pages, no text at all on scanned pages.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src-sandbox/index';
import type { Manifest } from '../../src-sandbox/pdf/cache';
import { generateDataset } from '../../src-sandbox/seed/dataset';
import { apiJson, clientCredentialsToken, ANCHOR, SEED } from './helpers';
import { inspectPages } from './pdf-inspect';

const dirs: string[] = [];
const sandboxes: Sandbox[] = [];

afterAll(async () => {
  for (const sb of sandboxes) await sb.stop();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function datasetJsonHash(): string {
  const d = generateDataset('small', SEED, ANCHOR);
  // Maps (form locks) are serialised as entries so they count too.
  const json = JSON.stringify(d, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v));
  return createHash('sha256').update(json).digest('hex');
}

async function fresh(workers: number): Promise<{ sb: Sandbox; manifest: Manifest; dir: string }> {
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'bluebag-sandbox-determinism-'));
  dirs.push(cacheDir);
  const sb = await startSandbox({ dataset: 'small', seed: SEED, anchorDate: ANCHOR, cacheDir, generationWorkers: workers });
  sandboxes.push(sb);
  expect(sb.generation.generated).toBe(true);
  const manifest = JSON.parse(await readFile(path.join(sb.generation.cacheDir, 'manifest.json'), 'utf8')) as Manifest;
  return { sb, manifest, dir: sb.generation.cacheDir };
}

function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('determinism', () => {
  let a: Awaited<ReturnType<typeof fresh>>;
  let b: Awaited<ReturnType<typeof fresh>>;

  it('the seeded JSON is identical across runs', () => {
    expect(datasetJsonHash()).toBe(datasetJsonHash());
  });

  it('two fresh generations (workers vs. inline) give byte-identical PDFs', async () => {
    a = await fresh(2);
    b = await fresh(0);
    const hashesA = Object.fromEntries(Object.entries(a.manifest.materials).map(([id, m]) => [id, m.sha256]));
    const hashesB = Object.fromEntries(Object.entries(b.manifest.materials).map(([id, m]) => [id, m.sha256]));
    expect(Object.keys(hashesA).length).toBeGreaterThan(100);
    expect(hashesB).toEqual(hashesA);
    // Re-hash a few files from disk: the manifest tells the truth.
    for (const [id, m] of Object.entries(a.manifest.materials).slice(0, 5)) {
      const bytes = await readFile(path.join(a.dir, m.fileName));
      expect(createHash('sha256').update(bytes).digest('hex'), id).toBe(m.sha256);
    }
  }, 180_000);

  it('API answers are identical across the two instances', async () => {
    const urns = generateDataset('small', SEED, ANCHOR).cases.slice(0, 8).map((c) => c.urn);
    const answer = async (sb: Sandbox): Promise<string> => {
      const token = await clientCredentialsToken(sb);
      const parts: string[] = [];
      for (const urn of urns) parts.push(JSON.stringify((await apiJson<unknown>(sb, token, `/prosecutionCases?prosecutionCaseReference=${urn}`)).body));
      parts.push(JSON.stringify((await apiJson<unknown>(sb, token, '/associatedCases?limit=200')).body));
      return createHash('sha256').update(parts.join('\n')).digest('hex');
    };
    expect(await answer(a.sb)).toBe(await answer(b.sb));
  });

  it('a second start reuses the cache instead of generating', async () => {
    const again = await startSandbox({ dataset: 'small', seed: SEED, anchorDate: ANCHOR, cacheDir: path.dirname(a.dir) });
    sandboxes.push(again);
    expect(again.generation.generated).toBe(false);
    expect(again.generation.ms).toBeLessThan(2000);
  });

  it('without poppler too: typed pages carry text operators, scanned pages only an image', async () => {
    const data = generateDataset('small', SEED, ANCHOR);
    let scans = 0;
    let typed = 0;
    for (const m of data.documents.flatMap((d) => d.materials).slice(0, 40)) {
      const entry = a.manifest.materials[m.id];
      if (!entry) throw new Error('not in manifest');
      const pages = inspectPages(await readFile(path.join(a.dir, entry.fileName)));
      expect(pages).toHaveLength(entry.pageCount);
      let n = 0;
      for (const part of m.plan.parts) {
        const count = part.kind === 'index' ? 1 : part.pages;
        for (let i = 0; i < count; i++, n++) {
          const p = pages[n];
          if (part.kind === 'scans') {
            expect(p).toEqual({ hasText: false, drawsImage: true });
            scans++;
          } else {
            expect(p?.hasText).toBe(true);
            typed++;
          }
        }
      }
    }
    expect(scans).toBeGreaterThan(10);
    expect(typed).toBeGreaterThan(10);
  });

  it.skipIf(!hasPoppler())('poppler: page counts match; typed pages have text, scanned pages have none', () => {
    const data = generateDataset('small', SEED, ANCHOR);
    // The 400-page IDPC bundle: typed sections first, then scans.
    const big = data.documents.flatMap((d) => d.materials).find((m) => m.plan.parts.reduce((n, p) => n + (p.kind === 'index' ? 1 : p.pages), 0) === 400);
    if (!big) throw new Error('no 400-page bundle');
    const entry = a.manifest.materials[big.id];
    if (!entry) throw new Error('not in manifest');
    const file = path.join(a.dir, entry.fileName);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+400/);
    expect(entry.pageCount).toBe(400);
    const pageText = (n: number): string => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], { encoding: 'utf8' }).replace(/\f/g, '').trim();
    expect(pageText(1)).toContain('IDPC bundle');
    let typed = 0;
    let page = 1;
    for (const part of big.plan.parts) {
      const count = part.kind === 'index' ? 1 : part.pages;
      if (part.kind === 'scans') {
        for (const n of [page, page + Math.floor(count / 2), page + count - 1]) expect(pageText(n), `scan page ${n}`).toBe('');
      } else {
        const text = pageText(page);
        expect(text.length, `typed page ${page}`).toBeGreaterThan(50);
        if (part.kind === 'statement' && !('further' in part && part.further)) expect(text).toContain('is true to the best of my knowledge and belief');
        typed++;
      }
      page += count;
    }
    expect(typed).toBeGreaterThan(5);
    // The republished IDPC bundle: same document, different page count.
    const republished = data.documents.find((d) => d.section === 'IDPC' && d.materials.length === 2);
    const [v1, v2] = (republished?.materials ?? []).map((m) => a.manifest.materials[m.id]);
    expect(v1 && v2 && v1.sha256 !== v2.sha256).toBe(true);
    expect(v2?.pageCount).toBe((v1?.pageCount ?? 0) + 1); // +3 further statement pages, -2 withdrawn scans
  });
});
