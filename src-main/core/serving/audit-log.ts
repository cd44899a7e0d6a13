/**
 * The local audit log of everything served and checked in: append-only (the table's triggers refuse
 * changes), exported as CSV or JSON for the firm's records. It holds what was sent and CP's receipts,
 * by this machine's clock and by CP's — never a document's contents, never a defendant's name.
 */
import type { Database } from '../db';
import { safeFileName, type ExportedFile } from '../notes';

export type AuditEvent =
  | 'queued'
  | 'sent'
  | 'accepted'
  | 'refused'
  | 'cancelled'
  | 'retried'
  | 'discarded'
  | 'checkInQueued'
  | 'checkedIn'
  | 'checkInRefused'
  /** An accepted document's deemed-service date, computed again with a bank-holiday list that now reaches it. */
  | 'deemedDateRevised';

export interface AuditEntry {
  readonly event: AuditEvent;
  readonly itemId: string;
  readonly urn?: string | null;
  readonly documentName?: string | null;
  readonly size?: number | null;
  readonly sha256?: string | null;
  readonly attempt?: number | null;
  readonly idempotencyKey?: string | null;
  readonly receiptId?: string | null;
  readonly courtDocumentId?: string | null;
  /** CP's receipt (or check-in) time, as CP wrote it. */
  readonly cpReceivedAt?: string | null;
  readonly deemedServedOn?: string | null;
  readonly errorKey?: string | null;
}

const COLUMNS = [
  ['seq', 'seq'],
  ['at', 'at'],
  ['event', 'event'],
  ['itemId', 'item_id'],
  ['urn', 'urn'],
  ['documentName', 'document_name'],
  ['size', 'size'],
  ['sha256', 'sha256'],
  ['attempt', 'attempt'],
  ['idempotencyKey', 'idempotency_key'],
  ['receiptId', 'receipt_id'],
  ['courtDocumentId', 'court_document_id'],
  ['cpReceivedAt', 'cp_received_at'],
  ['deemedServedOn', 'deemed_served_on'],
  ['errorKey', 'error_key'],
] as const;

type ExportRow = Record<(typeof COLUMNS)[number][0], string | number | null>;

/** Appends one entry, stamped with this machine's clock. Call it in the transaction of the change it records. */
export function appendAudit(db: Database, entry: AuditEntry, now: Date): void {
  db.prepare(
    `INSERT INTO audit_log (at, event, item_id, urn, document_name, size, sha256, attempt, idempotency_key, receipt_id, court_document_id, cp_received_at, deemed_served_on, error_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    now.toISOString(),
    entry.event,
    entry.itemId,
    entry.urn ?? null,
    entry.documentName ?? null,
    entry.size ?? null,
    entry.sha256 ?? null,
    entry.attempt ?? null,
    entry.idempotencyKey ?? null,
    entry.receiptId ?? null,
    entry.courtDocumentId ?? null,
    entry.cpReceivedAt ?? null,
    entry.deemedServedOn ?? null,
    entry.errorKey ?? null,
  );
}

function readAll(db: Database): ExportRow[] {
  const select = COLUMNS.map(([name, column]) => `${column} AS ${name}`).join(', ');
  return db.prepare(`SELECT ${select} FROM audit_log ORDER BY seq`).all() as ExportRow[];
}

export function exportAudit(db: Database, format: 'csv' | 'json', now: Date): ExportedFile {
  const rows = readAll(db);
  const stem = ['bluebag-audit', now.toISOString().slice(0, 10)];
  switch (format) {
    case 'json':
      return {
        fileName: safeFileName(stem, 'json'),
        mimeType: 'application/json; charset=utf-8',
        base64: Buffer.from(JSON.stringify({ exportedAt: now.toISOString(), entries: rows }, null, 2), 'utf8').toString('base64'),
      };
    case 'csv': {
      const lines = [COLUMNS.map(([name]) => name).join(','), ...rows.map((row) => COLUMNS.map(([name]) => csvField(row[name])).join(','))];
      return { fileName: safeFileName(stem, 'csv'), mimeType: 'text/csv; charset=utf-8', base64: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64') };
    }
  }
}

/**
 * RFC 4180 quoting, and a leading apostrophe for text a spreadsheet would run as a formula (a
 * document named "=HYPERLINK(…)" must open as text).
 */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
