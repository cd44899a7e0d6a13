/**
 * The printable copy's own words (everything that is not the definition's questions), in English and
 * Welsh. They live in main because the PDF is made in main, like the notes export's labels.
 */
import type { Role } from '../../../src-preload/contract/forms/form-definition-schema';

export type PrintLanguage = 'en' | 'cy';

export interface FormPrintLabels {
  readonly locale: string;
  readonly draftMark: string;
  readonly draftDetail: string;
  readonly submittedMark: string;
  readonly submittedDetail: string;
  readonly watermark: string;
  readonly version: (date: string) => string;
  readonly urn: string;
  readonly defendants: string;
  readonly court: string;
  readonly printed: string;
  readonly part: (number: number, title: string) => string;
  readonly completedBy: (roles: readonly Role[]) => string;
  readonly readOnlyForDefence: string;
  readonly yes: string;
  readonly no: string;
  readonly notAnswered: string;
  readonly noneListed: string;
  readonly footer: (page: number, total: number) => string;
  readonly months: readonly string[];
}

const ROLE_NAMES: Record<PrintLanguage, Record<Role, string>> = {
  en: { prosecution: 'the prosecution', defence: 'the defence', court: 'the court' },
  cy: { prosecution: 'yr erlyniad', defence: 'yr amddiffyniad', court: 'y llys' },
};

function list(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1) ?? ''}`;
}

export const FORM_PRINT_LABELS: Record<PrintLanguage, FormPrintLabels> = {
  en: {
    locale: 'en-GB',
    draftMark: 'DRAFT — not submitted',
    draftDetail: 'These answers have not been sent to Common Platform. They may change before they are submitted.',
    submittedMark: 'Submitted to Common Platform',
    submittedDetail: 'The answers as submitted to Common Platform.',
    watermark: 'DRAFT',
    version: (date) => `Form version of ${date}`,
    urn: 'URN',
    defendants: 'Defendants',
    court: 'Court',
    printed: 'Printed',
    part: (number, title) => `Part ${number}: ${title}`,
    completedBy: (roles) => `Completed by ${list(roles.map((r) => ROLE_NAMES.en[r]), 'and')}`,
    readOnlyForDefence: 'not completed by the defence',
    yes: 'Yes',
    no: 'No',
    notAnswered: 'Not answered',
    noneListed: 'None listed',
    footer: (page, total) => `Page ${page} of ${total}`,
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  },
  cy: {
    locale: 'cy-GB',
    draftMark: 'DRAFFT — heb ei gyflwyno',
    draftDetail: 'Nid yw’r atebion hyn wedi’u hanfon i’r Platfform Cyffredin. Gallant newid cyn eu cyflwyno.',
    submittedMark: 'Wedi’i gyflwyno i’r Platfform Cyffredin',
    submittedDetail: 'Yr atebion fel y’u cyflwynwyd i’r Platfform Cyffredin.',
    watermark: 'DRAFFT',
    version: (date) => `Fersiwn y ffurflen: ${date}`,
    urn: 'URN',
    defendants: 'Diffynyddion',
    court: 'Llys',
    printed: 'Argraffwyd',
    part: (number, title) => `Rhan ${number}: ${title}`,
    completedBy: (roles) => `I’w chwblhau gan ${list(roles.map((r) => ROLE_NAMES.cy[r]), 'a')}`,
    readOnlyForDefence: 'nid yr amddiffyniad sy’n ei chwblhau',
    yes: 'Ie',
    no: 'Na',
    notAnswered: 'Heb ei ateb',
    noneListed: 'Dim wedi’u rhestru',
    footer: (page, total) => `Tudalen ${page} o ${total}`,
    months: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
  },
};

/** "7 June 2021" / "7 Mehefin 2021" from YYYY-MM-DD; anything else is printed as it is. */
export function printDate(value: string, labels: FormPrintLabels): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const month = match ? labels.months[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : value;
}

/** The print time in UK time, "7 June 2021, 14:05". */
export function printDateTime(date: Date, labels: FormPrintLabels): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${printDate(`${get('year')}-${get('month')}-${get('day')}`, labels)}, ${get('hour')}:${get('minute')}`;
}
