/**
 * Serves the viewer benchmark exactly as the app serves the viewer: the built pages with the renderer's
 * CSP and headers (readRendererFile, RENDERER_SECURITY_HEADERS) and `/doc/<id>` as decrypted byte ranges
 * out of a real encrypted vault, looked up in a real encrypted database (documentResponse).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openDatabase, writeCase, type OpenedDatabase } from '../../src-main/core/db';
import { DOCUMENT_PATH_PREFIX, documentResponse } from '../../src-main/core/documents';
import { RENDERER_SECURITY_HEADERS, readRendererFile } from '../../src-main/core/security';
import { Vault } from '../../src-main/core/vault';

export const BENCH_MATERIAL_ID = '7b1f0c52-0000-4000-8000-00000000b001';

export interface StoredFixture {
  opened: OpenedDatabase;
  vault: Vault;
  storeMs: number;
}

/** Stores the PDF as a download would: a case row with its material, the bytes encrypted into the vault. */
export async function storeInVault(dir: string, file: string, size: number, pages: number): Promise<StoredFixture> {
  const started = performance.now();
  const opened = openDatabase({ file: path.join(dir, 'cache.db'), key: randomBytes(32) });
  const vault = new Vault(path.join(dir, 'vault'), randomBytes(32));
  const hash = createHash('sha256');
  const writer = await vault.openWriter(BENCH_MATERIAL_ID);
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    await writer.write(bytes);
  }
  await writer.finish();
  opened.db.transaction(() =>
    writeCase(
      opened.db,
      {
        id: 'bench-case',
        urn: '01BB0000026',
        status: 'ACTIVE',
        initiationCode: 'C',
        prosecutionAuthority: 'CPS',
        version: 1,
        defendants: [],
        hearings: [],
        documents: [
          {
            id: 'bench-document',
            section: 'IDPC',
            name: 'Benchmark bundle',
            typeDescription: 'IDPC bundle',
            mimeType: 'application/pdf',
            defendantIds: [],
            isRemoved: false,
            materials: [{ id: BENCH_MATERIAL_ID, uploadedAt: '2026-01-05T09:00:00Z', publishedDate: null, size, pageCount: pages, sha256: hash.digest('hex') }],
          },
        ],
      },
      new Date(),
    ),
  )();
  opened.db.prepare("UPDATE materials SET download_state = 'stored' WHERE id = ?").run(BENCH_MATERIAL_ID);
  return { opened, vault, storeMs: performance.now() - started };
}

export interface BenchServer {
  origin: string;
  /** Range requests served, and bytes sent for documents (what pdf.js actually fetched). */
  stats: { documentRequests: number; documentBytes: number };
  close(): Promise<void>;
}

export async function serveBench(rendererDir: string, stored: StoredFixture): Promise<BenchServer> {
  const stats = { documentRequests: 0, documentBytes: 0 };
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      // The viewer asks for the relative address `doc/<id>`: at the root in the app, beside the page here.
      const documentAt = url.pathname.lastIndexOf(DOCUMENT_PATH_PREFIX);
      if (documentAt >= 0) {
        const range = typeof req.headers.range === 'string' ? req.headers.range : null;
        const materialId = decodeURIComponent(url.pathname.slice(documentAt + DOCUMENT_PATH_PREFIX.length));
        const answer = documentResponse(stored.opened.db, stored.vault, materialId, range, req.method === 'HEAD' ? 'HEAD' : 'GET');
        stats.documentRequests += 1;
        res.writeHead(answer.status, answer.headers);
        if (!answer.body) return void res.end();
        try {
          await pipeline(
            Readable.from(answer.body),
            async function* (source: AsyncIterable<Uint8Array>) {
              for await (const chunk of source) {
                stats.documentBytes += chunk.length;
                yield chunk;
              }
            },
            res,
          );
        } catch {
          res.destroy();
        }
        return;
      }
      const file = await readRendererFile(rendererDir, url.pathname);
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return void res.end('Not found');
      }
      res.writeHead(200, { ...RENDERER_SECURITY_HEADERS, 'content-type': file.contentType, 'content-length': file.body.length, 'cache-control': 'no-store' });
      res.end(file.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stats,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
