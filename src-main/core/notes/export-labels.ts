import type { Language, Note } from '../../../src-preload/api';

/**
 * The words in an exported notes file. They live in main (the file is made here, not in the
 * renderer), in the same two languages as the app, chosen by the user's language setting.
 */
export interface ExportLabels {
  locale: string;
  filePrefix: string;
  title(urn: string): string;
  defendants: string;
  privacy: string;
  exported: string;
  unknownDocument: string;
  page(page: number): string;
  earlierVersionPage(published: string, page: number): string;
  unlistedVersionPage(page: number): string;
  note(number: number, colour: string): string;
  colours: Record<Note['colour'], string>;
  created: string;
  edited: string;
  leftOnOldVersion: string;
  leftOnOldVersionDetail: string;
  noBody: string;
  noNotes: string;
  footer(page: number, total: number): string;
}

export const EXPORT_LABELS: Record<Language, ExportLabels> = {
  en: {
    locale: 'en-GB',
    filePrefix: 'notes',
    title: (urn) => `Notes on case ${urn}`,
    defendants: 'Defendants',
    privacy: 'Private notes — not sent to Common Platform',
    exported: 'Exported',
    unknownDocument: 'A document Common Platform no longer lists',
    page: (page) => `Page ${page}`,
    earlierVersionPage: (published, page) => `Earlier version (published ${published}), page ${page}`,
    unlistedVersionPage: (page) => `A version Common Platform no longer lists, page ${page}`,
    note: (number, colour) => `Note ${number} (${colour})`,
    colours: { yellow: 'yellow', green: 'green', blue: 'blue', pink: 'pink' },
    created: 'Created',
    edited: 'edited',
    leftOnOldVersion: 'Left on the old version',
    leftOnOldVersionDetail: 'its text was not found in the new version of this document.',
    noBody: '(no text)',
    noNotes: 'There are no notes on this case.',
    footer: (page, total) => `Page ${page} of ${total}`,
  },
  cy: {
    locale: 'cy-GB',
    filePrefix: 'nodiadau',
    title: (urn) => `Nodiadau ar achos ${urn}`,
    defendants: 'Diffynyddion',
    privacy: 'Nodiadau preifat — heb eu hanfon i’r Platfform Cyffredin',
    exported: 'Allforiwyd',
    unknownDocument: 'Dogfen nad yw’r Platfform Cyffredin yn ei rhestru mwyach',
    page: (page) => `Tudalen ${page}`,
    earlierVersionPage: (published, page) => `Fersiwn gynharach (cyhoeddwyd ${published}), tudalen ${page}`,
    unlistedVersionPage: (page) => `Fersiwn nad yw’r Platfform Cyffredin yn ei rhestru mwyach, tudalen ${page}`,
    note: (number, colour) => `Nodyn ${number} (${colour})`,
    colours: { yellow: 'melyn', green: 'gwyrdd', blue: 'glas', pink: 'pinc' },
    created: 'Crëwyd',
    edited: 'golygwyd',
    leftOnOldVersion: 'Wedi’i adael ar yr hen fersiwn',
    leftOnOldVersionDetail: 'ni chafwyd hyd i’w destun yn fersiwn newydd y ddogfen hon.',
    noBody: '(dim testun)',
    noNotes: 'Nid oes nodiadau ar yr achos hwn.',
    footer: (page, total) => `Tudalen ${page} o ${total}`,
  },
};

/** "3 March 2025, 14:05" in UK time, built from parts so it reads the same on every ICU version. */
export function formatExportDateTime(iso: string, labels: ExportLabels): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat(labels.locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/London',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}`;
}

/** "3 March 2025" (a CP published date is a calendar date, or a time we show only the day of). */
export function formatExportDate(isoOrDate: string, labels: ExportLabels): string {
  const date = new Date(isoOrDate.length === 10 ? `${isoOrDate}T12:00:00Z` : isoOrDate);
  if (Number.isNaN(date.getTime())) return isoOrDate;
  const parts = new Intl.DateTimeFormat(labels.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}`;
}
