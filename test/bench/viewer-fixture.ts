/**
 * The viewer benchmark's bundle: 2,000 pages, over 150 MB, built like a scanned IDPC bundle — 100
 * documents of 20 pages, each a typed first page (with a bookmark, as CPS bundles are bookmarked) and 19
 * scanned pages, every one its own JPEG image object. A few pages are awkward on purpose: landscape,
 * /Rotate 90, and one A0 sheet. Generated once and kept under the OS temp folder (it is never committed).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jpeg from 'jpeg-js';
import PDFDocument from 'pdfkit';
import { pipePdfToFile } from '../../src-sandbox/pdf/pdf-file-writer';
import { seededRandom as prng } from '../helpers/seeded-random';

export const FIXTURE_VERSION = 1;
export const DOCUMENTS = 100;
export const PAGES_PER_DOCUMENT = 20;
export const FIXTURE_PAGES = DOCUMENTS * PAGES_PER_DOCUMENT;
const SCAN_POOL = 48;
const SCAN_WIDTH = 960;
const SCAN_HEIGHT = 1358;
const A4: [number, number] = [595.28, 841.89];
const A0: [number, number] = [2383.94, 3370.39];

export interface ViewerFixture {
  file: string;
  size: number;
  pages: number;
  sha256: string;
  generatedMs: number | null;
}

export function fixtureDir(): string {
  return path.join(os.tmpdir(), 'bluebag-bench-viewer');
}

/** The phrase only document `d`'s typed page holds (the find benchmark looks for it). */
export function markerPhrase(document: number): string {
  return `bench marker ${String(document).padStart(3, '0')}`;
}

export async function ensureViewerFixture(): Promise<ViewerFixture> {
  const dir = fixtureDir();
  const file = path.join(dir, `bundle-v${FIXTURE_VERSION}.pdf`);
  const metaFile = `${file}.json`;
  if (existsSync(file) && existsSync(metaFile)) {
    return { ...(JSON.parse(readFileSync(metaFile, 'utf8')) as Omit<ViewerFixture, 'generatedMs'>), generatedMs: null };
  }
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const { size, sha256 } = await writeBundle(`${file}.tmp`);
  renameSync(`${file}.tmp`, file);
  const meta = { file, size, pages: FIXTURE_PAGES, sha256 };
  writeFileSync(metaFile, JSON.stringify(meta));
  return { ...meta, generatedMs: performance.now() - started };
}

/** A grey photocopied sheet with rows of text-like strokes and scanner noise, as a JPEG. */
function scanImage(seed: number): Buffer {
  const random = prng(seed);
  const data = Buffer.alloc(SCAN_WIDTH * SCAN_HEIGHT * 4);
  const paper = 214 + Math.floor(random() * 20);
  const lineHeight = 22 + Math.floor(random() * 6);
  const margin = 90;
  // One line of "words" (ink or not per column), shifted along for each line of the page.
  const span = SCAN_WIDTH - 2 * margin;
  const ink = new Uint8Array(span);
  for (let x = 0; x < span; ) {
    const width = 12 + Math.floor(random() * 60);
    ink.fill(1, x, Math.min(x + width, span));
    x += width + 8 + Math.floor(random() * 8);
  }
  for (let y = 0; y < SCAN_HEIGHT; y++) {
    const inLine = y > margin && y < SCAN_HEIGHT - margin && y % lineHeight > 6 && y % lineHeight < 16 && Math.floor(y / lineHeight) % 7 !== 3;
    const shift = Math.floor(y / lineHeight) * 13;
    for (let x = 0; x < SCAN_WIDTH; x++) {
      const dark = inLine && x >= margin && x < SCAN_WIDTH - margin && ink[(x - margin + shift) % span] === 1;
      const value = (dark ? 58 : paper) + (random() - 0.5) * 6;
      const offset = (y * SCAN_WIDTH + x) * 4;
      data[offset] = value;
      data[offset + 1] = value;
      data[offset + 2] = value;
      data[offset + 3] = 255;
    }
  }
  return jpeg.encode({ width: SCAN_WIDTH, height: SCAN_HEIGHT, data }, 36).data;
}

async function writeBundle(target: string): Promise<{ size: number; sha256: string }> {
  const pool = Array.from({ length: SCAN_POOL }, (_, index) => scanImage(1000 + index));
  const fixed = new Date('2026-01-05T09:00:00Z');
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    info: { Title: 'Viewer benchmark bundle', Author: 'Bluebag benchmark', CreationDate: fixed, ModDate: fixed },
  });
  const written = pipePdfToFile(doc, target);
  const text = prng(42);
  const sentence = () =>
    Array.from({ length: 14 + Math.floor(text() * 10) }, () => ['the', 'defendant', 'said', 'officer', 'vehicle', 'premises', 'at', 'approximately', 'hours', 'and', 'I', 'saw', 'that', 'was', 'statement', 'custody'][Math.floor(text() * 16)]).join(' ');

  for (let d = 1; d <= DOCUMENTS; d++) {
    for (let p = 1; p <= PAGES_PER_DOCUMENT; p++) {
      const n = (d - 1) * PAGES_PER_DOCUMENT + p;
      if (p === 1) {
        doc.addPage({ size: 'A4', margin: 56 });
        doc.outline.addItem(`Document ${d}: statement of witness ${d} (MG11)`);
        doc.font('Helvetica-Bold').fontSize(14).text(`WITNESS STATEMENT ${d}`);
        doc.moveDown(0.5).font('Helvetica').fontSize(10).text(`Criminal Justice Act 1967, s.9. Page ${n} of ${FIXTURE_PAGES}. Reference ${markerPhrase(d)}.`);
        doc.moveDown(0.5).font('Times-Roman').fontSize(11);
        for (let paragraph = 0; paragraph < 6; paragraph++) doc.text(`${sentence()}. ${sentence()}. ${sentence()}.`, { align: 'justify', paragraphGap: 6 });
        continue;
      }
      const image = pool[(n * 7) % SCAN_POOL] as Buffer;
      if (d === 50 && p === 10) {
        // An A0 plan: the pixel cap's case.
        doc.addPage({ size: A0, margin: 0 });
        doc.image(image, 0, 0, { width: A0[0], height: A0[1] });
      } else if (d % 10 === 0 && p === 5) {
        doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
        doc.image(image, 120, 0, { height: A4[0] });
      } else {
        doc.addPage({ size: 'A4', margin: 0 });
        if (d % 7 === 0 && p === 3) (doc.page.dictionary as unknown as { data: Record<string, unknown> }).data.Rotate = 90;
        doc.image(image, 0, 0, { width: A4[0], height: A4[1] });
      }
    }
  }
  doc.end();
  return written.done();
}
