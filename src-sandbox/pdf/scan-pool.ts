/**
 * A small pool of scanned-page JPEGs written once into the cache and reused by
 * every generated PDF: encoding JPEGs in JavaScript is the slow part, embedding
 * existing bytes is cheap.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Prng } from '../seed/prng';
import type { ScanMode } from './plan';
import type { ScanPool } from './render';
import { renderScanJpeg, type ScanImageOptions } from './scan-image';

const POOL: Readonly<Record<ScanMode, { readonly count: number; readonly image: ScanImageOptions }>> = {
  // Small dataset: light images, reused within a PDF, so CI and first demo start stay quick.
  shared: { count: 4, image: { width: 560, height: 792, quality: 45, noise: 6 } },
  // Large dataset: heavier, distinct per page, to reach realistic volume (>= 1 GB) cheaply.
  distinct: { count: 16, image: { width: 700, height: 990, quality: 40, noise: 10 } },
};

export async function ensureScanPool(dir: string, mode: ScanMode): Promise<ScanPool> {
  const spec = POOL[mode];
  const paths: string[] = [];
  const buffers: Buffer[] = [];
  for (let i = 0; i < spec.count; i++) {
    const file = path.join(dir, `scan-${mode}-${String(i).padStart(2, '0')}.jpg`);
    let bytes: Buffer;
    if (existsSync(file)) bytes = await readFile(file);
    else {
      bytes = renderScanJpeg(new Prng('scan-pool', mode, i), spec.image);
      await writeFile(file, bytes);
    }
    paths.push(file);
    buffers.push(bytes);
  }
  return { paths, buffers };
}

export async function loadScanPool(paths: readonly string[]): Promise<ScanPool> {
  const buffers = await Promise.all(paths.map((p) => readFile(p)));
  return { paths, buffers };
}
