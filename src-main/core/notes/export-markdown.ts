import type { Note } from '../../../src-preload/api';
import { formatExportDate, formatExportDateTime, type ExportLabels } from './export-labels';
import type { ExportModel, ExportPageGroup } from './export-model';

/**
 * The notes as Markdown: readable as plain text, and tidy when opened in anything that renders it.
 * Everything that came from CP or the user is escaped, so a note that starts with "#" or holds
 * "[link](…)" stays the text it was.
 */
export function renderNotesMarkdown(model: ExportModel, labels: ExportLabels, exportedAt: Date): string {
  const lines: string[] = [];
  lines.push(`# ${escapeInline(labels.title(model.urn))}`, '');
  lines.push(`**${labels.privacy}**`, '');
  lines.push(`- ${labels.defendants}: ${escapeInline(model.defendants.join(', '))}`);
  lines.push(`- ${labels.exported}: ${formatExportDateTime(exportedAt.toISOString(), labels)}`, '');
  if (model.noteCount === 0) lines.push(labels.noNotes, '');

  let number = 0;
  for (const document of model.documents) {
    const heading = document.name === null ? labels.unknownDocument : `${document.name} (${document.section ?? ''})`;
    lines.push(`## ${escapeInline(heading)}`, '');
    for (const group of document.groups) {
      lines.push(`### ${escapeInline(groupHeading(group, labels))}`, '');
      for (const note of group.notes) {
        number++;
        lines.push(...noteLines(note, number, labels), '');
      }
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export function groupHeading(group: ExportPageGroup, labels: ExportLabels): string {
  switch (group.version.kind) {
    case 'current':
      return labels.page(group.page);
    case 'earlier':
      return labels.earlierVersionPage(formatExportDate(group.version.published, labels), group.page);
    case 'unlisted':
      return labels.unlistedVersionPage(group.page);
  }
}

export function noteDates(note: Note, labels: ExportLabels): string {
  const created = `${labels.created} ${formatExportDateTime(note.createdAt, labels)}`;
  return note.updatedAt !== note.createdAt ? `${created}; ${labels.edited} ${formatExportDateTime(note.updatedAt, labels)}` : created;
}

function noteLines(note: Note, number: number, labels: ExportLabels): string[] {
  const lines = [`#### ${labels.note(number, labels.colours[note.colour])}`, ''];
  if (note.quote !== null && note.quote.trim() !== '') {
    lines.push(...paragraphs(note.quote).map((line) => (line === '' ? '>' : `> ${line}`)), '');
  }
  lines.push(...(note.body.trim() === '' ? [labels.noBody] : paragraphs(note.body)), '');
  lines.push(`*${escapeInline(noteDates(note, labels))}*`);
  if (note.leftOnOldVersion) lines.push('', `**${labels.leftOnOldVersion}:** ${labels.leftOnOldVersionDetail}`);
  return lines;
}

/** Keeps the writer's line breaks: a trailing double space is Markdown's hard line break. */
function paragraphs(text: string): string[] {
  const raw = text.replace(/\r\n?/g, '\n').trim().split('\n');
  return raw.map((line, index) => {
    const escaped = escapeBlockStart(escapeInline(line.trimEnd()));
    const next = raw[index + 1];
    return escaped !== '' && next !== undefined && next.trim() !== '' ? `${escaped}  ` : escaped;
  });
}

function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`);
}

/** What would turn a line into a heading, list, quote, rule or code block. */
function escapeBlockStart(line: string): string {
  return line
    .replace(/^(\s*)([#>+\-=])/, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3')
    .replace(/^ {4,}/, '');
}
