import type { Note } from '../../../src-preload/api';
import { A4, openA4Document } from '../pdf-export';
import { formatExportDateTime, type ExportLabels } from './export-labels';
import { groupHeading, noteDates } from './export-markdown';
import type { ExportModel } from './export-model';

const PAGE_WIDTH = A4.width;
const PAGE_HEIGHT = A4.height;
const MARGIN = { top: 72, bottom: 64, left: 56, right: 56 };
const CONTENT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;
const TEXT = '#1b1f24';
const MUTED = '#4a525c';
const WARN = '#8a4b00';
/** The highlight colours as swatches, so a printed page still shows which colour a note was. */
const SWATCH: Record<Note['colour'], string> = { yellow: '#f2c200', green: '#3aa657', blue: '#3f7fd0', pink: '#e05599' };

/**
 * The notes as an A4 PDF of real text (searchable, selectable, read aloud by screen readers), with a
 * running header that says these are private notes and "Page n of N" on every page.
 */
export async function renderNotesPdf(model: ExportModel, labels: ExportLabels, exportedAt: Date): Promise<Buffer> {
  const title = labels.title(model.urn);
  const { doc, finished } = openA4Document({ margins: MARGIN, lang: labels.locale, info: { Title: title, Subject: labels.privacy, Creator: 'Bluebag', Producer: 'Bluebag', CreationDate: exportedAt, ModDate: exportedAt } });

  const ensureSpace = (height: number) => {
    if (doc.y + height > PAGE_HEIGHT - MARGIN.bottom) doc.addPage();
  };
  const write = (font: 'regular' | 'bold' | 'italic', size: number, colour: string, text: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.font(font).fontSize(size).fillColor(colour).text(text, MARGIN.left + (options.indent ?? 0), doc.y, { width: CONTENT_WIDTH - (options.indent ?? 0), ...options, indent: 0 });

  write('bold', 18, TEXT, title);
  doc.moveDown(0.4);
  privacyBanner(doc, labels.privacy);
  write('regular', 10.5, TEXT, `${labels.defendants}: ${model.defendants.join(', ')}`);
  write('regular', 10.5, TEXT, `${labels.exported}: ${formatExportDateTime(exportedAt.toISOString(), labels)}`);
  doc.moveDown(1);
  if (model.noteCount === 0) write('regular', 10.5, TEXT, labels.noNotes);

  // A note is kept on one page when it fits on one, and a heading never ends a page on its own.
  const usable = PAGE_HEIGHT - MARGIN.top - MARGIN.bottom;
  const firstNoteHeight = (notes: readonly Note[]) => (notes[0] ? Math.min(noteHeight(doc, notes[0], labels), usable / 3) : 0);
  let number = 0;
  for (const document of model.documents) {
    ensureSpace(60 + firstNoteHeight(document.groups[0]?.notes ?? []));
    doc.moveDown(0.6);
    write('bold', 14, TEXT, document.name === null ? labels.unknownDocument : `${document.name} (${document.section ?? ''})`);
    rule(doc);
    for (const group of document.groups) {
      ensureSpace(30 + firstNoteHeight(group.notes));
      doc.moveDown(0.5);
      write('bold', 11.5, TEXT, groupHeading(group, labels));
      doc.moveDown(0.3);
      for (const note of group.notes) {
        number++;
        ensureSpace(Math.min(noteHeight(doc, note, labels), usable));
        noteBlock(doc, note, number, labels, write);
        doc.moveDown(0.8);
      }
    }
  }

  stampPages(doc, `${model.urn} — ${labels.privacy}`, labels);
  doc.end();
  return finished;
}

type Write = (font: 'regular' | 'bold' | 'italic', size: number, colour: string, text: string, options?: PDFKit.Mixins.TextOptions) => PDFKit.PDFDocument;

function noteBlock(doc: PDFKit.PDFDocument, note: Note, number: number, labels: ExportLabels, write: Write): void {
  const top = doc.y;
  doc.rect(MARGIN.left, top + 2, 9, 9).fill(SWATCH[note.colour]);
  doc.font('bold').fontSize(10.5).fillColor(TEXT).text(labels.note(number, labels.colours[note.colour]), MARGIN.left + 15, top, { width: CONTENT_WIDTH - 15 });
  doc.moveDown(0.2);
  if (note.quote !== null && note.quote.trim() !== '') {
    const quoteTop = doc.y;
    const pageBefore = currentPageIndex(doc);
    write('italic', 10, MUTED, note.quote.trim(), { indent: 12 });
    // The bar marks the quote as the document's words; drawn only when the quote stayed on one page.
    if (currentPageIndex(doc) === pageBefore) doc.rect(MARGIN.left + 2, quoteTop, 2.5, doc.y - quoteTop).fill('#8a949e');
    doc.moveDown(0.3);
  }
  write('regular', 10.5, TEXT, note.body.trim() === '' ? labels.noBody : note.body.trim());
  doc.moveDown(0.2);
  write('regular', 8.5, MUTED, noteDates(note, labels));
  if (note.leftOnOldVersion) {
    doc.moveDown(0.2);
    write('bold', 9.5, WARN, `${labels.leftOnOldVersion}: ${labels.leftOnOldVersionDetail}`);
  }
}

/** About how tall noteBlock will draw this note (the same fonts and widths, measured not drawn). */
function noteHeight(doc: PDFKit.PDFDocument, note: Note, labels: ExportLabels): number {
  const measure = (font: 'regular' | 'bold' | 'italic', size: number, text: string, indent = 0) =>
    doc.font(font).fontSize(size).heightOfString(text, { width: CONTENT_WIDTH - indent });
  let height = measure('bold', 10.5, labels.note(1, labels.colours[note.colour]), 15) + 4;
  if (note.quote !== null && note.quote.trim() !== '') height += measure('italic', 10, note.quote.trim(), 12) + 6;
  height += measure('regular', 10.5, note.body.trim() === '' ? labels.noBody : note.body.trim()) + 4;
  height += measure('regular', 8.5, noteDates(note, labels));
  if (note.leftOnOldVersion) height += measure('bold', 9.5, `${labels.leftOnOldVersion}: ${labels.leftOnOldVersionDetail}`) + 4;
  return height;
}

function privacyBanner(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('bold').fontSize(11);
  const height = doc.heightOfString(text, { width: CONTENT_WIDTH - 24 }) + 14;
  const top = doc.y;
  doc.rect(MARGIN.left, top, CONTENT_WIDTH, height).fill('#f3f5f7');
  doc.rect(MARGIN.left, top, 4, height).fill('#0b2a4a');
  doc.fillColor(TEXT).text(text, MARGIN.left + 14, top + 7, { width: CONTENT_WIDTH - 24 });
  doc.y = top + height + 10;
}

function rule(doc: PDFKit.PDFDocument): void {
  const y = doc.y + 2;
  doc.moveTo(MARGIN.left, y).lineTo(PAGE_WIDTH - MARGIN.right, y).lineWidth(0.75).strokeColor('#8a949e').stroke();
  doc.y = y + 6;
}

function currentPageIndex(doc: PDFKit.PDFDocument): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count - 1;
}

/** Header and "Page n of N" on every page, once the total is known. */
function stampPages(doc: PDFKit.PDFDocument, header: string, labels: ExportLabels): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin meanwhile.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor(MUTED);
    doc.text(header, MARGIN.left, 32, { width: CONTENT_WIDTH, lineBreak: false, ellipsis: true });
    doc.text(labels.footer(index - range.start + 1, range.count), MARGIN.left, PAGE_HEIGHT - 40, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
