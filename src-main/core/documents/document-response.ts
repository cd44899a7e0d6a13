import type { Database } from '../db';
import type { Vault } from '../vault';
import { requestedRange } from './byte-range';

/** A transport-neutral HTTP answer: the Electron protocol handler and the browser-mode host both send it. */
export interface DocumentResponse {
  status: 200 | 206 | 400 | 404 | 416;
  headers: Record<string, string>;
  body: AsyncIterable<Uint8Array> | null;
}

const MATERIAL_ID = /^[0-9A-Za-z-]{1,128}$/;
/** Documents are fetched by pdf.js from the app's own origin only, never cached, never sniffed. */
const DOCUMENT_HEADERS = {
  'accept-ranges': 'bytes',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
  'content-security-policy': "default-src 'none'; sandbox",
} as const;

/**
 * A stored document's bytes, decrypted from the vault for exactly the range asked for, so pdf.js can
 * load a 2,000-page bundle lazily and the renderer never holds (or sees the path of) the whole file.
 * Only materials of cached cases whose download finished and verified are served.
 */
export function documentResponse(db: Database, vault: Vault, materialId: string, rangeHeader: string | null, method: 'GET' | 'HEAD'): DocumentResponse {
  if (!MATERIAL_ID.test(materialId)) return plain(400, 'Bad document id');
  const row = db.prepare("SELECT size FROM materials WHERE id = ? AND download_state = 'stored'").get(materialId) as { size: number } | undefined;
  const size = row ? vault.size(materialId) : null;
  if (!row || size === null || size !== row.size) return plain(404, 'Not on this laptop');
  const range = requestedRange(rangeHeader, size);
  switch (range.kind) {
    case 'unsatisfiable':
      return { status: 416, headers: { ...DOCUMENT_HEADERS, 'content-range': `bytes */${size}` }, body: null };
    case 'whole':
      return {
        status: 200,
        headers: { ...DOCUMENT_HEADERS, 'content-type': 'application/pdf', 'content-length': String(size) },
        body: method === 'HEAD' || size === 0 ? null : vault.readAll(materialId),
      };
    case 'part':
      return {
        status: 206,
        headers: {
          ...DOCUMENT_HEADERS,
          'content-type': 'application/pdf',
          'content-length': String(range.last - range.first + 1),
          'content-range': `bytes ${range.first}-${range.last}/${size}`,
        },
        body: method === 'HEAD' ? null : vault.readRange(materialId, range.first, range.last),
      };
  }
}

function plain(status: 400 | 404, text: string): DocumentResponse {
  const bytes = Buffer.from(text, 'utf8');
  return {
    status,
    headers: { ...DOCUMENT_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'content-length': String(bytes.length) },
    body: (async function* () {
      yield bytes;
    })(),
  };
}
