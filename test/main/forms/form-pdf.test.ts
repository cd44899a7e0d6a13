import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFormPdf, type FormDefinition } from '../../../src-main/core/forms/index';
import { completePet, shippedDefinitions } from './form-fixtures';

let pet: FormDefinition;
let dir: string;
beforeAll(async () => {
  ({ pet } = await shippedDefinitions());
  dir = await mkdtemp(path.join(os.tmpdir(), 'bluebag-form-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const caseInfo = { urn: '39GD1116822', defendantNames: ['Gwenllian Ŵyn Pryŷs'], courtName: 'Cardiff Magistrates’ Court' };
const generatedAt = new Date('2026-03-10T14:05:00Z');

async function pdfText(pdf: Buffer, name: string): Promise<{ text: string; pages: string[]; info: string; fonts: string }> {
  const file = path.join(dir, name);
  await writeFile(file, pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' });
  return { text, pages: text.split('\f').filter((p) => p.trim() !== ''), info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }), fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }) };
}

/** pdftotext lays words out as on the page; compare with runs of spaces and line breaks folded. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('renderFormPdf', () => {
  it('a draft: every part, the answers in words, DRAFT on every page, page numbers', async () => {
    const form = completePet();
    (form['part3'] ?? {})['defendantInterpreterLanguage'] = 'Stale hidden answer';
    const pdf = await renderFormPdf(pet, form, { status: 'draft', language: 'en', caseInfo, generatedAt });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages, info } = await pdfText(pdf, 'draft-en.pdf');
    const all = flat(text);
    for (const heading of ['Part 1: Case details', 'Part 2: Prosecution case', 'Part 3: Defence case', 'Part 4: Trial arrangements', 'Part 5: Directions']) expect(all).toContain(heading);
    expect(all).toContain('Preparation for Effective Trial');
    expect(all).toContain('What are the real issues in the case?');
    expect(all).toContain('Identification: the defendant was not in the shop.');
    expect(all).toContain('Not guilty to every offence'); // the option's label, not "notGuilty"
    expect(all).toContain('Sian Evans'); // the witness required, by name rather than item id
    expect(all).toContain('Defence witness 1');
    expect(all).toContain('Owain Price');
    expect(all).toContain('1 May 2026');
    expect(all).toContain('1.5 hours');
    expect(all).toContain('Not answered');
    expect(all).not.toContain('Stale hidden answer');
    expect(all).toContain('Completed by the court (not completed by the defence)');
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(flat(page)).toContain('DRAFT — not submitted');
      expect(flat(page)).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    expect(info).toMatch(/Pages:\s+\d+/);
  });

  it('a submitted copy is not marked draft', async () => {
    const pdf = await renderFormPdf(pet, completePet(), { status: 'submitted', language: 'en', caseInfo, generatedAt });
    const { text } = await pdfText(pdf, 'submitted-en.pdf');
    expect(flat(text)).toContain('Submitted to Common Platform');
    expect(text).not.toContain('DRAFT');
  });

  it('in Welsh, with ŵ and ŷ printed as they are (embedded fonts)', async () => {
    const pdf = await renderFormPdf(pet, completePet(), { status: 'draft', language: 'cy', caseInfo, generatedAt });
    const { text, pages, fonts } = await pdfText(pdf, 'draft-cy.pdf');
    const all = flat(text);
    expect(all).toContain('Paratoi ar gyfer Treial Effeithiol');
    expect(all).toContain('Rhan 3: Achos yr amddiffyniad');
    expect(all).toContain('Beth yw’r gwir faterion sydd dan sylw yn yr achos?');
    expect(all).toContain('Dieuog i bob trosedd');
    expect(all).toContain('1 Mai 2026');
    expect(all).toContain('Gwenllian Ŵyn Pryŷs');
    expect(flat(pages[0] ?? '')).toContain('DRAFFT — heb ei gyflwyno');
    expect(flat(pages.at(-1) ?? '')).toContain(`Tudalen ${pages.length} o ${pages.length}`);
    expect(fonts).toContain('LiberationSans');
  });
});
