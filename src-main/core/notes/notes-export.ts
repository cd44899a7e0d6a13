import type { Language } from '../../../src-preload/api';
import type { Database } from '../db';
import { safeFileName } from './export-file-name';
import { EXPORT_LABELS } from './export-labels';
import { renderNotesMarkdown } from './export-markdown';
import { loadExportModel } from './export-model';
import { renderNotesPdf } from './export-pdf';

export type NotesExportFormat = 'markdown' | 'pdf';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/**
 * A case's private notes as a file for the user to keep or print: grouped by document and page, each
 * with its quote, body, colour, dates and whether it was left on an old version. Made in memory and
 * handed to the renderer to save; nothing is written to disk here and nothing is logged.
 */
export async function exportCaseNotes(db: Database, caseId: string, format: NotesExportFormat, now: Date, language: Language = 'en'): Promise<ExportedFile> {
  const labels = EXPORT_LABELS[language];
  const model = loadExportModel(db, caseId);
  // The URN without its print spacing, and the date the user sees on their calendar (UK time).
  const stem = [labels.filePrefix, model.urn.replace(/\s+/g, ''), ukCalendarDate(now)];
  switch (format) {
    case 'markdown':
      return {
        fileName: safeFileName(stem, 'md'),
        mimeType: 'text/markdown; charset=utf-8',
        base64: Buffer.from(renderNotesMarkdown(model, labels, now), 'utf8').toString('base64'),
      };
    case 'pdf':
      return { fileName: safeFileName(stem, 'pdf'), mimeType: 'application/pdf', base64: (await renderNotesPdf(model, labels, now)).toString('base64') };
  }
}

function ukCalendarDate(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
