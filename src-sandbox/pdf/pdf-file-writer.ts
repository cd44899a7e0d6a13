import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';

/**
 * Streams a pdfkit document to `file` while hashing it, so a generated PDF's size and SHA-256 are
 * known without reading it back. Call before drawing; `done()` after `doc.end()`.
 */
export function pipePdfToFile(doc: PDFKit.PDFDocument, file: string): { done(): Promise<{ size: number; sha256: string }> } {
  const out = createWriteStream(file);
  const hash = createHash('sha256');
  let size = 0;
  doc.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
  });
  doc.pipe(out);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  return {
    done: async () => {
      await finished;
      return { size, sha256: hash.digest('hex') };
    },
  };
}
