import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentResponse, requestedRange } from '../../../src-main/core/documents';
import { openDatabase, writeCase, type OpenedDatabase } from '../../../src-main/core/db';
import { Vault } from '../../../src-main/core/vault';
import { makeTempDir } from '../../helpers/temp-dir';

async function collect(body: AsyncIterable<Uint8Array> | null): Promise<Buffer> {
  const parts: Buffer[] = [];
  if (body) for await (const part of body) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

describe('requestedRange', () => {
  it('reads the single-range forms pdf.js sends, and refuses what cannot be met', () => {
    expect(requestedRange(null, 100)).toEqual({ kind: 'whole' });
    expect(requestedRange('bytes=0-9', 100)).toEqual({ kind: 'part', first: 0, last: 9 });
    expect(requestedRange('bytes=90-', 100)).toEqual({ kind: 'part', first: 90, last: 99 });
    expect(requestedRange('bytes=-10', 100)).toEqual({ kind: 'part', first: 90, last: 99 });
    expect(requestedRange('bytes=95-500', 100)).toEqual({ kind: 'part', first: 95, last: 99 });
    expect(requestedRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(requestedRange('bytes=9-3', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(requestedRange('bytes=0-1,5-6', 100)).toEqual({ kind: 'whole' });
    expect(requestedRange('items=0-1', 100)).toEqual({ kind: 'whole' });
  });
});

/** Real encrypted database and vault: what the viewer's `/doc/<id>` gets. */
describe('documentResponse', () => {
  const temp = makeTempDir();
  let opened: OpenedDatabase;
  let vault: Vault;
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300_000)]);
  const materialId = '6f1d9a2e-0000-4000-8000-000000000001';

  beforeAll(async () => {
    opened = openDatabase({ file: path.join(temp.dir, 'cache.db'), key: randomBytes(32) });
    vault = new Vault(path.join(temp.dir, 'vault'), randomBytes(32));
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    opened.db.transaction(() =>
      writeCase(
        opened.db,
        {
          id: 'c1',
          urn: '01EE4342226',
          status: 'ACTIVE',
          initiationCode: 'C',
          prosecutionAuthority: 'CPS',
          version: 1,
          defendants: [],
          hearings: [],
          documents: [
            { id: 'd1', section: 'IDPC', name: 'IDPC bundle', typeDescription: null, mimeType: 'application/pdf', defendantIds: [], isRemoved: false, materials: [{ id: materialId, uploadedAt: '2026-11-01T09:00:00Z', publishedDate: null, size: pdf.length, pageCount: 3, sha256 }] },
          ],
        },
        new Date(),
      ),
    )();
  });
  afterAll(() => {
    opened.close();
    temp.cleanup();
  });

  it('is 404 until the document is stored and verified, then serves whole files and exact ranges', async () => {
    expect(documentResponse(opened.db, vault, materialId, null, 'GET').status).toBe(404);
    const writer = await vault.openWriter(materialId);
    await writer.write(pdf);
    await writer.finish();
    opened.db.prepare("UPDATE materials SET download_state = 'stored' WHERE id = ?").run(materialId);

    const whole = documentResponse(opened.db, vault, materialId, null, 'GET');
    expect(whole.status).toBe(200);
    expect(whole.headers).toMatchObject({ 'content-type': 'application/pdf', 'content-length': String(pdf.length), 'accept-ranges': 'bytes', 'cache-control': 'no-store' });
    expect((await collect(whole.body)).equals(pdf)).toBe(true);

    // A range across a chunk boundary decrypts only what it touches and is byte-exact.
    const part = documentResponse(opened.db, vault, materialId, 'bytes=65000-200123', 'GET');
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 65000-200123/${pdf.length}`);
    expect((await collect(part.body)).equals(pdf.subarray(65000, 200124))).toBe(true);

    expect(documentResponse(opened.db, vault, materialId, `bytes=${pdf.length}-`, 'GET')).toMatchObject({ status: 416, headers: { 'content-range': `bytes */${pdf.length}` } });
    expect(documentResponse(opened.db, vault, materialId, 'bytes=0-9', 'HEAD').body).toBeNull();
  });

  it('refuses ids that are not ids, without touching the disk', () => {
    expect(documentResponse(opened.db, vault, '../../etc/passwd', null, 'GET').status).toBe(400);
    expect(documentResponse(opened.db, vault, 'unknown-id', null, 'GET').status).toBe(404);
  });
});
