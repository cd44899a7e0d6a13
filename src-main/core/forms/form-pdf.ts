/**
 * The printable copy of a PET or BCM form: every part in order, each question that the form asks
 * (hidden follow-ups are left out, as on screen) with its answer, as real, extractable text. A draft
 * says so on every page, in the header and as a watermark, so a printout can never pass for what CP holds.
 */
import { A4, openA4Document } from '../pdf-export';
import { displayAnswer } from './answer-display';
import { AnswerReader, type AnswerFrame } from '../../../src-preload/contract/forms/condition-evaluation';
import type { FormDefinition, Part, RepeatingGroupQuestion, Role, Section } from '../../../src-preload/contract/forms/form-definition-schema';
import { isRecord, type FormAnswers } from '../../../src-preload/contract/forms/form-answers';
import { FORM_PRINT_LABELS, printDate, printDateTime, type FormPrintLabels, type PrintLanguage } from './form-print-labels';
import { sectionRoles, type PlacedQuestion } from '../../../src-preload/contract/forms/question-scopes';

export interface FormCaseInfo {
  readonly urn: string;
  readonly defendantNames: readonly string[];
  readonly courtName?: string | null;
}

export interface FormPdfOptions {
  readonly status: 'draft' | 'submitted';
  readonly language: PrintLanguage;
  readonly caseInfo: FormCaseInfo;
  readonly generatedAt: Date;
}

const PAGE_WIDTH = A4.width;
const PAGE_HEIGHT = A4.height;
const MARGIN = { top: 72, bottom: 64, left: 56, right: 56 };
const CONTENT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;
const INDENT = 14;
const TEXT = '#1b1f24';
const MUTED = '#4a525c';
const DRAFT = '#a3260f';
type Font = 'regular' | 'bold' | 'italic';

export async function renderFormPdf(definition: FormDefinition, answers: FormAnswers, options: FormPdfOptions): Promise<Buffer> {
  const labels = FORM_PRINT_LABELS[options.language];
  const title = definition.title[options.language];
  const { doc, finished } = openA4Document({
    margins: MARGIN,
    lang: labels.locale,
    info: {
      Title: `${title} — ${options.caseInfo.urn}`,
      Subject: options.status === 'draft' ? labels.draftMark : labels.submittedMark,
      Creator: 'Bluebag',
      Producer: 'Bluebag',
      CreationDate: options.generatedAt,
      ModDate: options.generatedAt,
    },
  });

  const printer = new FormPrinter(doc, new AnswerReader(definition, answers, null), labels, options.language);
  printer.write('bold', 18, TEXT, title);
  printer.write('regular', 9.5, MUTED, labels.version(printDate(definition.version, labels)));
  doc.moveDown(0.5);
  printer.statusBanner(options.status);
  printer.write('regular', 10.5, TEXT, `${labels.urn}: ${options.caseInfo.urn}`);
  if (options.caseInfo.defendantNames.length > 0) printer.write('regular', 10.5, TEXT, `${labels.defendants}: ${options.caseInfo.defendantNames.join(', ')}`);
  if (options.caseInfo.courtName) printer.write('regular', 10.5, TEXT, `${labels.court}: ${options.caseInfo.courtName}`);
  printer.write('regular', 10.5, TEXT, `${labels.printed}: ${printDateTime(options.generatedAt, labels)}`);
  for (const part of definition.parts) printer.part(part);

  stampPages(doc, `${options.caseInfo.urn} — ${title}`, options.status, labels);
  doc.end();
  return finished;
}

class FormPrinter {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly reader: AnswerReader,
    private readonly labels: FormPrintLabels,
    private readonly language: PrintLanguage,
  ) {}

  write(font: Font, size: number, colour: string, text: string, indent = 0): void {
    this.doc.font(font).fontSize(size).fillColor(colour).text(text, MARGIN.left + indent, this.doc.y, { width: CONTENT_WIDTH - indent });
  }

  private height(font: Font, size: number, text: string, indent = 0): number {
    return this.doc.font(font).fontSize(size).heightOfString(text, { width: CONTENT_WIDTH - indent });
  }

  private ensureSpace(height: number): void {
    if (this.doc.y + height > PAGE_HEIGHT - MARGIN.bottom) this.doc.addPage();
  }

  statusBanner(status: 'draft' | 'submitted'): void {
    const [mark, detail, colour] = status === 'draft' ? [this.labels.draftMark, this.labels.draftDetail, DRAFT] : [this.labels.submittedMark, this.labels.submittedDetail, '#0b2a4a'];
    const height = this.height('bold', 12, mark, 24) + this.height('regular', 9.5, detail, 24) + 16;
    const top = this.doc.y;
    this.doc.rect(MARGIN.left, top, CONTENT_WIDTH, height).fill('#f3f5f7');
    this.doc.rect(MARGIN.left, top, 4, height).fill(colour);
    this.doc.font('bold').fontSize(12).fillColor(colour).text(mark, MARGIN.left + 14, top + 7, { width: CONTENT_WIDTH - 24 });
    this.doc.font('regular').fontSize(9.5).fillColor(TEXT).text(detail, MARGIN.left + 14, this.doc.y + 1, { width: CONTENT_WIDTH - 24 });
    this.doc.y = top + height + 10;
  }

  part(part: Part): void {
    const frame = this.reader.partFrame(part);
    const heading = this.labels.part(part.number, part.title[this.language]);
    this.ensureSpace(90);
    this.doc.moveDown(1);
    this.write('bold', 14, TEXT, heading);
    const y = this.doc.y + 2;
    this.doc.moveTo(MARGIN.left, y).lineTo(PAGE_WIDTH - MARGIN.right, y).lineWidth(0.75).strokeColor('#8a949e').stroke();
    this.doc.y = y + 5;
    this.write('italic', 9, MUTED, this.completedByLine(part.completedBy));
    for (const section of part.sections) {
      if (!this.reader.isSectionVisible(section, frame)) continue;
      this.ensureSpace(60);
      this.doc.moveDown(0.6);
      this.write('bold', 11.5, TEXT, section.title[this.language]);
      if (section.completedBy) this.write('italic', 9, MUTED, this.completedByLine(sectionRoles(part, section)));
      this.doc.moveDown(0.2);
      this.questions(frame, section, 0);
    }
  }

  private completedByLine(roles: readonly Role[]): string {
    const line = this.labels.completedBy(roles);
    return roles.includes('defence') ? line : `${line} (${this.labels.readOnlyForDefence})`;
  }

  private questions(frame: AnswerFrame, section: Section, indent: number): void {
    for (const placed of frame.scope.placed) {
      if (placed.section !== section || !this.reader.isVisible(placed, frame)) continue;
      this.question(placed, frame, indent + followUpDepth(placed) * INDENT);
    }
  }

  private question(placed: PlacedQuestion, frame: AnswerFrame, indent: number): void {
    const question = placed.question;
    const label = question.label[this.language];
    const value = frame.answers[question.id];
    if (question.type === 'repeatingGroup') return this.group(question, placed.section, frame, label, value, indent);
    const answer = displayAnswer(question, value, frame, this.reader, this.labels, this.language);
    const [font, colour, text]: [Font, string, string] = answer === null ? ['italic', MUTED, this.labels.notAnswered] : ['regular', TEXT, answer];
    // A question and the start of its answer stay on one page.
    this.ensureSpace(this.height('bold', 9.5, label, indent) + Math.min(this.height(font, 10.5, text, indent), 60) + 6);
    this.write('bold', 9.5, MUTED, label, indent);
    this.write(font, 10.5, colour, text, indent);
    this.doc.moveDown(0.45);
  }

  private group(group: RepeatingGroupQuestion, section: Section, frame: AnswerFrame, label: string, value: unknown, indent: number): void {
    const items = Array.isArray(value) ? value.filter(isRecord) : [];
    this.ensureSpace(this.height('bold', 10, label, indent) + 30);
    this.write('bold', 10, TEXT, label, indent);
    this.doc.moveDown(0.2);
    if (items.length === 0) {
      this.write('italic', 10.5, MUTED, this.labels.noneListed, indent);
      this.doc.moveDown(0.45);
      return;
    }
    items.forEach((item, index) => {
      const itemFrame = this.reader.itemFrame(group, section, item, frame);
      const heading = group.itemLabel[this.language].replaceAll('{{n}}', String(index + 1));
      this.ensureSpace(50);
      this.write('bold', 10, TEXT, heading, indent + INDENT / 2);
      this.doc.moveDown(0.15);
      this.questions(itemFrame, section, indent + INDENT);
    });
  }
}

function followUpDepth(placed: PlacedQuestion): number {
  let depth = 0;
  for (let p = placed.shownBy; p; p = p.parent.shownBy) depth++;
  return depth;
}

/** Header (with the draft mark), watermark and "Page n of N" on every page, once the total is known. */
function stampPages(doc: PDFKit.PDFDocument, header: string, status: 'draft' | 'submitted', labels: FormPrintLabels): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin meanwhile.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (status === 'draft') {
      doc.save();
      doc.rotate(-40, { origin: [PAGE_WIDTH / 2, PAGE_HEIGHT / 2] });
      doc.font('bold').fontSize(110).fillColor(DRAFT).fillOpacity(0.07);
      doc.text(labels.watermark, 0, PAGE_HEIGHT / 2 - 60, { width: PAGE_WIDTH, align: 'center', lineBreak: false });
      doc.restore();
      doc.font('bold').fontSize(9).fillColor(DRAFT).fillOpacity(1);
      doc.text(labels.draftMark, MARGIN.left, 32, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
    }
    doc.font('regular').fontSize(8).fillColor(MUTED).fillOpacity(1);
    doc.text(header, MARGIN.left, status === 'draft' ? 44 : 32, { width: CONTENT_WIDTH, lineBreak: false, ellipsis: true });
    doc.text(labels.footer(index - range.start + 1, range.count), MARGIN.left, PAGE_HEIGHT - 40, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
