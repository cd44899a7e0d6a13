import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BluebagError } from '../../../src-main/core/errors';
import { exportCaseNotes } from '../../../src-main/core/notes';
import { safeFileName } from '../../../src-main/core/notes/export-file-name';
import { CASE_ID, seedExportCase } from './export-seed';
import { insertNote, openTestDb } from './reading-fixtures';

const NOW = new Date('2025-03-08T15:04:00Z');

function decode(file: { base64: string }): Buffer {
  return Buffer.from(file.base64, 'base64');
}

/** The PDF's text as poppler reads it: proves the export is real text, not pictures of text. */
function pdfText(dir: string, bytes: Buffer): { text: string; info: string } {
  const file = path.join(dir, 'notes.pdf');
  writeFileSync(file, bytes);
  return { text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }), info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }) };
}

describe('exporting a case’s notes', () => {
  it('writes Markdown grouped by document (bundle order), version and page, with everything a note holds', async () => {
    const { db } = openTestDb();
    seedExportCase(db);
    const file = await exportCaseNotes(db, CASE_ID, 'markdown', NOW);
    expect(file.fileName).toBe('notes-01AB2345678-2025-03-08.md');
    expect(file.mimeType).toBe('text/markdown; charset=utf-8');
    expect(decode(file).toString('utf8')).toBe(
      [
        '# Notes on case 01 AB 23456 78',
        '',
        '**Private notes — not sent to Common Platform**',
        '',
        '- Defendants: Sam TAYLOR, Acme Haulage Ltd',
        '- Exported: 8 March 2025, 15:04',
        '',
        '## IDPC bundle - 01AB2345678 (IDPC)',
        '',
        '### Page 3',
        '',
        '#### Note 1 (green)',
        '',
        '\\# not a heading, \\*not bold\\*, \\[not a link\\](x)',
        '',
        '*Created 6 March 2025, 09:00; edited 7 March 2025, 14:30*',
        '',
        '### Page 12',
        '',
        '#### Note 2 (yellow)',
        '',
        '> I saw a man in a red jacket',
        '',
        'Identification weak: distance?  ',
        'Check lighting.',
        '',
        '*Created 6 March 2025, 10:00*',
        '',
        '### Earlier version (published 1 March 2025), page 7',
        '',
        '#### Note 3 (pink)',
        '',
        '> found the complainant distressed',
        '',
        'Res gestae?',
        '',
        '*Created 6 March 2025, 10:00*',
        '',
        '**Left on the old version:** its text was not found in the new version of this document.',
        '',
        '## MG11 statement of Alex Jones (WS)',
        '',
        '### Page 1',
        '',
        '#### Note 4 (blue)',
        '',
        '> dark red',
        '',
        'Gŵr ifanc — ŷd',
        '',
        '*Created 6 March 2025, 10:00*',
        '',
        '## A document Common Platform no longer lists',
        '',
        '### A version Common Platform no longer lists, page 2',
        '',
        '#### Note 5 (yellow)',
        '',
        'Still here',
        '',
        '*Created 6 March 2025, 10:00*',
        '',
      ].join('\n'),
    );
  });

  it('says so when a case has no notes, and refuses a case that is not cached', async () => {
    const { db } = openTestDb();
    seedExportCase(db);
    db.prepare('DELETE FROM notes').run();
    const text = decode(await exportCaseNotes(db, CASE_ID, 'markdown', NOW)).toString('utf8');
    expect(text).toContain('There are no notes on this case.');
    expect(text).not.toContain('##');
    await expect(exportCaseNotes(db, 'no-such-case', 'markdown', NOW)).rejects.toThrow(BluebagError);
    await expect(exportCaseNotes(db, 'no-such-case', 'pdf', NOW)).rejects.toMatchObject({ code: 'not_found', messageKey: 'errors.caseNotFound' });
  });

  it('writes an A4 PDF of real text with the same content, page numbers, and Welsh letters intact', async () => {
    const test = openTestDb();
    seedExportCase(test.db);
    const file = await exportCaseNotes(test.db, CASE_ID, 'pdf', NOW);
    expect(file.fileName).toBe('notes-01AB2345678-2025-03-08.pdf');
    expect(file.mimeType).toBe('application/pdf');
    const bytes = decode(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, info } = pdfText(test.dir, bytes);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Title:\s+Notes on case 01 AB 23456 78/);
    const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    // Running header, title block, then the notes in export order, then the footer.
    expect(lines).toEqual([
      '01 AB 23456 78 — Private notes — not sent to Common Platform',
      'Notes on case 01 AB 23456 78',
      'Private notes — not sent to Common Platform',
      'Defendants: Sam TAYLOR, Acme Haulage Ltd',
      'Exported: 8 March 2025, 15:04',
      'IDPC bundle - 01AB2345678 (IDPC)',
      'Page 3',
      'Note 1 (green)',
      '# not a heading, *not bold*, [not a link](x)',
      'Created 6 March 2025, 09:00; edited 7 March 2025, 14:30',
      'Page 12',
      'Note 2 (yellow)',
      'I saw a man in a red jacket',
      'Identification weak: distance?',
      'Check lighting.',
      'Created 6 March 2025, 10:00',
      'Earlier version (published 1 March 2025), page 7',
      'Note 3 (pink)',
      'found the complainant distressed',
      'Res gestae?',
      'Created 6 March 2025, 10:00',
      'Left on the old version: its text was not found in the new version of this document.',
      'MG11 statement of Alex Jones (WS)',
      'Page 1',
      'Note 4 (blue)',
      'dark red',
      'Gŵr ifanc — ŷd',
      'Created 6 March 2025, 10:00',
      'A document Common Platform no longer lists',
      'A version Common Platform no longer lists, page 2',
      'Note 5 (yellow)',
      'Still here',
      'Created 6 March 2025, 10:00',
      'Page 1 of 1',
    ]);
  });

  it('numbers every page of a long PDF and repeats the private-notes header on each', async () => {
    const test = openTestDb();
    seedExportCase(test.db);
    for (let i = 0; i < 60; i++) {
      insertNote(test.db, {
        id: `long-${String(i).padStart(2, '0')}`,
        caseId: CASE_ID,
        documentId: 'doc-ws',
        materialId: 'ws-v1',
        page: i + 2,
        quote: `quoted passage number ${i}`,
        body: `Observation ${i}: ${'the witness could not have seen the road from the bus stop. '.repeat(3)}`,
      });
    }
    const { text, info } = pdfText(test.dir, decode(await exportCaseNotes(test.db, CASE_ID, 'pdf', NOW)));
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(3);
    const byPage = text.split('\f').filter((page) => page.trim() !== '');
    expect(byPage).toHaveLength(pages);
    byPage.forEach((page, index) => {
      expect(page).toContain('01 AB 23456 78 — Private notes — not sent to Common Platform');
      expect(page).toContain(`Page ${index + 1} of ${pages}`);
    });
    for (let i = 0; i < 60; i++) expect(text).toContain(`quoted passage number ${i}`);
  });

  it('speaks Welsh when the user does', async () => {
    const test = openTestDb();
    seedExportCase(test.db);
    const markdown = await exportCaseNotes(test.db, CASE_ID, 'markdown', NOW, 'cy');
    expect(markdown.fileName).toBe('nodiadau-01AB2345678-2025-03-08.md');
    const text = decode(markdown).toString('utf8');
    expect(text).toContain('# Nodiadau ar achos 01 AB 23456 78');
    expect(text).toContain('**Nodiadau preifat — heb eu hanfon i’r Platfform Cyffredin**');
    expect(text).toContain('### Fersiwn gynharach (cyhoeddwyd 1 Mawrth 2025), tudalen 7');
    const { text: pdf } = pdfText(test.dir, decode(await exportCaseNotes(test.db, CASE_ID, 'pdf', NOW, 'cy')));
    expect(pdf).toContain('Tudalen 1 o 1');
    expect(pdf).toContain('Wedi’i adael ar yr hen fersiwn');
  });

  it('logs nothing (notes and names are personal data)', async () => {
    const { db } = openTestDb();
    seedExportCase(db);
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level));
    await exportCaseNotes(db, CASE_ID, 'markdown', NOW);
    await exportCaseNotes(db, CASE_ID, 'pdf', NOW);
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
});

describe('export file names', () => {
  it('are safe on Windows and macOS', () => {
    expect(safeFileName(['notes', '01AB2345678', '2025-03-08'], 'md')).toBe('notes-01AB2345678-2025-03-08.md');
    expect(safeFileName(['notes', 'A/B\\C:D*E?F"G<H>I|J', '2025-03-08'], 'pdf')).toBe('notes-A-B-C-D-E-F-G-H-I-J-2025-03-08.pdf');
    expect(safeFileName(['nodiadau', 'Ŵyn', 'ŷd'], 'md')).toBe('nodiadau-Wyn-yd.md');
    expect(safeFileName(['CON'], 'md')).toBe('notes-CON.md');
    expect(safeFileName(['...', '  '], 'md')).toBe('notes.md');
    const long = safeFileName(['notes', 'x'.repeat(300)], 'md');
    expect(long.length).toBeLessThanOrEqual(103);
    expect(long.endsWith('.md')).toBe(true);
  });
});
