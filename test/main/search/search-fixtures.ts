/**
 * Shared set-up for the search tests: a real encrypted database and a real vault on disk, case /
 * document / material rows as sync would write them, and PDFs drawn with pdfkit (text pages, scanned
 * image-only pages, a password-protected one) stored through the vault's own writer.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { openDatabase, type Database, type OpenedDatabase } from '../../../src-main/core/db';
import { deriveKey } from '../../../src-main/core/keys';
import { Vault } from '../../../src-main/core/vault';
import { renderScanJpeg } from '../../../src-sandbox/pdf/scan-image';
import { Prng } from '../../../src-sandbox/seed/prng';

/** A page to draw: its text, or `null` for a scanned page (an image, no text layer). */
export type PageSpec = string | null;

const A4: [number, number] = [595.28, 841.89];
let scan: Buffer | null = null;

export async function makePdf(pages: readonly PageSpec[], options: { userPassword?: string } = {}): Promise<Buffer> {
  scan ??= renderScanJpeg(new Prng('search-test-scan'), { width: 280, height: 396, quality: 40, noise: 6 });
  const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', margin: 56, compress: true, ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const page of pages) {
    if (page === null) {
      doc.addPage({ size: 'A4', margin: 0 });
      doc.image(scan, 0, 0, { width: A4[0], height: A4[1] });
      continue;
    }
    doc.addPage({ size: 'A4', margin: 56 });
    doc.font('Times-Roman').fontSize(11).text(page, { width: A4[0] - 112, height: A4[1] - 140 });
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

export interface TestStore {
  readonly dir: string;
  readonly key: Buffer;
  readonly opened: OpenedDatabase;
  readonly db: Database;
  readonly vault: Vault;
}

export function openStore(dir: string, key: Buffer = randomBytes(32)): TestStore {
  const opened = openDatabase({ file: path.join(dir, 'cache.db'), key: deriveKey(key, 'database') });
  const vault = new Vault(path.join(dir, 'vault'), deriveKey(key, 'vault'));
  return { dir, key, opened, db: opened.db, vault };
}

export interface AddedCase {
  readonly caseId: string;
  readonly urn: string;
}

export function addCase(db: Database, urn = `01AB${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`): AddedCase {
  const caseId = randomUUID();
  db.prepare(
    `INSERT INTO cases (id, urn, status, version, synced_at) VALUES (?, ?, 'ACTIVE', 1, '2026-03-10T09:00:00Z')`,
  ).run(caseId, urn);
  return { caseId, urn };
}

export interface AddedDocument {
  readonly documentId: string;
  readonly materialId: string;
  readonly size: number;
}

/** A document with one material, stored in the vault (download_state 'stored'), waiting to be indexed. */
export async function addDocument(
  store: TestStore,
  caseId: string,
  pdf: Buffer,
  meta: { name?: string; section?: string; stored?: boolean } = {},
): Promise<AddedDocument> {
  const documentId = randomUUID();
  const materialId = randomUUID();
  // Blob first, as the download queue does: a row says 'stored' only once its bytes are in place.
  if (meta.stored !== false) await storeBlob(store.vault, materialId, pdf);
  store.db
    .prepare(`INSERT INTO documents (id, case_id, section, name, defendant_ids_json, is_removed) VALUES (?, ?, ?, ?, '[]', 0)`)
    .run(documentId, caseId, meta.section ?? 'IDPC', meta.name ?? 'IDPC bundle');
  store.db
    .prepare(`INSERT INTO materials (id, document_id, uploaded_at, size, sha256, download_state) VALUES (?, ?, '2026-03-01T10:00:00Z', ?, 'x', ?)`)
    .run(materialId, documentId, pdf.length, meta.stored === false ? 'queued' : 'stored');
  return { documentId, materialId, size: pdf.length };
}

export async function storeBlob(vault: Vault, id: string, bytes: Buffer): Promise<void> {
  const writer = await vault.openWriter(id);
  await writer.write(bytes);
  await writer.finish();
}

export function indexState(db: Database, materialId: string): string | undefined {
  return (db.prepare('SELECT index_state AS s FROM materials WHERE id = ?').get(materialId) as { s: string } | undefined)?.s;
}

export async function until<T>(read: () => T, ok: (value: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`condition not met in time: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Plausible statement prose: different per page so ranking and snippets have something to choose. */
export function statementText(seed: number, extra = ''): string {
  const bank = [
    'I am a police officer with the Metropolitan Police Service.',
    'At about 2130 hours I attended the premises on the High Street.',
    'I saw a person wearing a dark grey hooded top standing by the door.',
    'The lighting was good and nothing blocked my view of the person.',
    'I arrested the defendant and cautioned them at the scene.',
    'The body-worn video camera was recording throughout the incident.',
    'I seized the CCTV footage from the shop and exhibit it as ABC/1.',
    'In reply to caution the defendant made no comment.',
    'I later interviewed the defendant in the presence of the duty solicitor.',
  ];
  const prng = new Prng('statement', seed);
  const lines: string[] = [];
  for (let i = 0; i < 14; i++) lines.push(prng.pick(bank));
  if (extra) lines.splice(prng.int(0, lines.length), 0, extra);
  return lines.join(' ');
}
