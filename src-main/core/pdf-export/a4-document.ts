import PDFDocument from 'pdfkit';
import { exportFonts } from './export-fonts';

export const A4 = { width: 595.28, height: 841.89 } as const;

export interface A4DocumentOptions {
  readonly margins: { top: number; bottom: number; left: number; right: number };
  readonly lang: string;
  readonly info: PDFKit.DocumentInfo;
}

/**
 * An A4 pdfkit document with the export fonts registered as 'regular', 'bold' and 'italic' (so Welsh
 * prints right), pages buffered for "Page n of N" footers, and the finished bytes as a promise.
 */
export function openA4Document(options: A4DocumentOptions): { doc: PDFKit.PDFDocument; finished: Promise<Buffer> } {
  const fonts = exportFonts();
  const doc = new PDFDocument({ size: 'A4', margins: options.margins, bufferPages: true, lang: options.lang, displayTitle: true, info: options.info });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('italic', fonts.italic);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, finished };
}
