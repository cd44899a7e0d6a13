/**
 * A minimal, pdfkit-independent look inside the generated PDFs: walks the page tree
 * and inflates each page's content stream, so a test can tell text pages (text-showing
 * operators) from scanned pages (an image and nothing else) without poppler.
 * Only handles what the generator writes (uncompressed object syntax, FlateDecode streams).
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  readonly dict: string;
  readonly stream: Buffer | null;
}

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const s = body.indexOf('stream\n');
    if (s >= 0) {
      const dict = body.slice(0, s);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? '0');
      const byteStart = start + s + 'stream\n'.length;
      objects.set(Number(m[1]), { dict, stream: pdf.subarray(byteStart, byteStart + length) });
    } else objects.set(Number(m[1]), { dict: body, stream: null });
    re.lastIndex = end;
  }
  return objects;
}

const refs = (s: string): number[] => [...s.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

export interface PageInfo {
  readonly hasText: boolean;
  readonly drawsImage: boolean;
}

export function inspectPages(pdf: Buffer): PageInfo[] {
  const objects = parseObjects(pdf);
  const root = [...objects.values()].find((o) => /\/Type \/Catalog/.test(o.dict));
  const pagesRef = /\/Pages (\d+) 0 R/.exec(root?.dict ?? '')?.[1];
  const pages = objects.get(Number(pagesRef));
  const kids = refs(/\/Kids \[([^\]]*)\]/.exec(pages?.dict ?? '')?.[1] ?? '');
  return kids.map((id) => {
    const page = objects.get(id);
    const contentId = /\/Contents (\d+) 0 R/.exec(page?.dict ?? '')?.[1];
    const content = objects.get(Number(contentId));
    const raw = content?.stream ?? Buffer.alloc(0);
    const ops = (/\/FlateDecode/.test(content?.dict ?? '') ? inflateSync(raw) : raw).toString('latin1');
    return { hasText: /\bT[jJ]\b/.test(ops), drawsImage: /\bDo\b/.test(ops) };
  });
}
