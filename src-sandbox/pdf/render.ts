/**
 * Renders one MaterialPlan to a PDF file with pdfkit, hashing while writing.
 * Reproducible bytes: fixed CreationDate/ModDate (pdfkit derives the trailer /ID
 * from the info dictionary, so that is fixed too), standard fonts only (nothing
 * embedded with random subset tags), and a seeded generator for all text choices.
 */
import { rename, unlink } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import { Prng } from '../seed/prng';
import {
  caseSummaryPages,
  chargeSheetPages,
  exhibitListPages,
  indexPage,
  interviewPages,
  previousConvictionPages,
  statementPages,
  unusedSchedulePages,
  type Block,
  type PageBlocks,
} from './page-content';
import { partPages, planPageCount, type MaterialPlan, type PartSpec } from './plan';
import { pipePdfToFile } from './pdf-file-writer';

export interface RenderedMaterial {
  readonly materialId: string;
  readonly fileName: string;
  readonly size: number;
  readonly pageCount: number;
  readonly sha256: string;
}

/** Scan images available to the renderer: file paths (shared mode) and their bytes (distinct mode). */
export interface ScanPool {
  readonly paths: readonly string[];
  readonly buffers: readonly Buffer[];
}

const A4: readonly [number, number] = [595.28, 841.89];
const MARGIN = 56;

type RenderedPage = { readonly kind: 'text'; readonly blocks: PageBlocks } | { readonly kind: 'scan' };

function partLabel(part: PartSpec, plan: MaterialPlan): string {
  switch (part.kind) {
    case 'index': return 'Index';
    case 'chargeSheet': return 'Charge sheet';
    case 'caseSummary': return 'Case summary (MG5)';
    case 'statement': return `${part.further ? 'Further statement' : 'Statement'} of ${plan.context.witnesses[part.witness]?.name ?? 'witness'} (MG11)`;
    case 'exhibitList': return 'Exhibit list (MG12)';
    case 'previousConvictions': return 'Previous convictions';
    case 'interview': return 'Record of interview (MG15)';
    case 'unusedSchedule': return 'Unused material schedule (MG6C)';
    case 'scans': return part.label;
  }
}

function* pagesOf(plan: MaterialPlan): Generator<RenderedPage> {
  const prng = new Prng(plan.seed, 'text');
  const ctx = plan.context;
  let pageNo = 1;
  const entries = plan.parts.map((part) => {
    const e = { label: partLabel(part, plan), firstPage: pageNo };
    pageNo += partPages(part);
    return e;
  });
  for (const part of plan.parts) {
    const text = (pages: PageBlocks[]): RenderedPage[] => pages.map((blocks) => ({ kind: 'text', blocks }));
    switch (part.kind) {
      case 'index': yield { kind: 'text', blocks: indexPage(ctx, plan.title, entries) }; break;
      case 'chargeSheet': yield* text(chargeSheetPages(prng, ctx, part.pages)); break;
      case 'caseSummary': yield* text(caseSummaryPages(prng, ctx, part.pages)); break;
      case 'statement': yield* text(statementPages(prng, ctx, part.witness, part.pages, part.further === true)); break;
      case 'exhibitList': yield* text(exhibitListPages(prng, ctx, part.pages)); break;
      case 'previousConvictions': yield* text(previousConvictionPages(prng, ctx, part.pages)); break;
      case 'interview': yield* text(interviewPages(prng, ctx, part.pages)); break;
      case 'unusedSchedule': yield* text(unusedSchedulePages(prng, ctx, part.pages)); break;
      case 'scans': for (let i = 0; i < part.pages; i++) yield { kind: 'scan' }; break;
    }
  }
}

function drawBlocks(doc: PDFKit.PDFDocument, blocks: PageBlocks): void {
  const maxY = A4[1] - MARGIN - 24;
  const width = A4[0] - 2 * MARGIN;
  for (const b of blocks) {
    const room = maxY - doc.y;
    if (room < 24) return; // never let pdfkit add a page by itself: page counts must be exact
    drawBlock(doc, b, width, room);
  }
}

function drawBlock(doc: PDFKit.PDFDocument, b: Block, width: number, height: number): void {
  switch (b.t) {
    case 'title':
      doc.font('Helvetica-Bold').fontSize(14).fillColor('#000').text(b.text, { width, height });
      doc.moveDown(0.4);
      return;
    case 'heading':
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(11).fillColor('#000').text(b.text, { width, height });
      doc.moveDown(0.2);
      return;
    case 'para':
      doc.font('Times-Roman').fontSize(10.5).fillColor('#000').text(b.text, { width, height, align: 'justify', paragraphGap: 6 });
      return;
    case 'kv':
      doc.font('Helvetica-Bold').fontSize(10).fillColor('#000').text(`${b.key}: `, { width, height, continued: true }).font('Helvetica').text(b.value);
      return;
    case 'small':
      doc.font('Helvetica').fontSize(8).fillColor('#444').text(b.text, { width, height });
      doc.moveDown(0.3);
      return;
  }
}

export async function renderMaterial(plan: MaterialPlan, outPath: string, pool: ScanPool): Promise<RenderedMaterial> {
  const created = new Date(plan.createdAt);
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margin: MARGIN,
    compress: true,
    info: { Title: plan.title, Author: 'Crown Prosecution Service (sandbox)', Creator: 'Bluebag CP sandbox', Producer: 'Bluebag CP sandbox', CreationDate: created, ModDate: created },
  });
  const tmp = `${outPath}.${process.pid}.tmp`;
  const written = pipePdfToFile(doc, tmp);

  const prng = new Prng(plan.seed, 'scans');
  const total = planPageCount(plan);
  let n = 0;
  for (const page of pagesOf(plan)) {
    n++;
    if (page.kind === 'scan') {
      // Image only: no header, no page number, nothing for pdftotext to find.
      doc.addPage({ size: 'A4', margin: 0 });
      const i = prng.int(0, Math.max(0, pool.paths.length - 1));
      const src = plan.scanMode === 'shared' ? pool.paths[i] : pool.buffers[i];
      if (src === undefined) throw new Error('scan pool is empty');
      doc.image(src, 0, 0, { width: A4[0], height: A4[1] });
      continue;
    }
    doc.addPage({ size: 'A4', margin: MARGIN });
    doc.font('Helvetica').fontSize(7.5).fillColor('#555').text(`OFFICIAL-SENSITIVE   ${plan.context.urn}   ${plan.context.policeForce}`, MARGIN, 28, { width: A4[0] - 2 * MARGIN, height: 12, lineBreak: false });
    doc.text(`Page ${n} of ${total}`, MARGIN, A4[1] - 36, { width: A4[0] - 2 * MARGIN, align: 'right', height: 12, lineBreak: false });
    doc.x = MARGIN;
    doc.y = MARGIN;
    drawBlocks(doc, page.blocks);
  }
  doc.end();
  let digest: { size: number; sha256: string };
  try {
    digest = await written.done();
    await rename(tmp, outPath);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  return { materialId: plan.materialId, fileName: plan.fileName, size: digest.size, pageCount: n, sha256: digest.sha256 };
}
