/**
 * What a file really is, from its first bytes rather than its name: CP takes PDF only, and a Word file
 * renamed to .pdf must be told apart from a damaged PDF so the user hears what to do ("save it as PDF").
 *
 * A small table rather than the `file-type` package: only one answer is accepted (PDF, checked as CP
 * does: "%PDF-" at byte 0), and every other type lands in one of three messages, so detecting hundreds
 * of formats would buy nothing; pdf.js then checks the PDF properly. Word's .docx is a ZIP whose entry
 * names ("word/…") are stored uncompressed in the local headers near the start.
 */
export type FileKind = 'pdf' | 'word' | 'image' | 'other';

/** Enough for the signatures below and for the first ZIP entries of a .docx. */
export const SNIFF_BYTES = 64 * 1024;
/** What it takes to recognise a PDF; anything shorter cannot be one. */
export const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');

const starts = (head: Buffer, bytes: readonly number[], at = 0): boolean => bytes.every((byte, i) => head[at + i] === byte);
const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')];

const IMAGE_SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; at?: number }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }, // PNG
  { bytes: [0xff, 0xd8, 0xff] }, // JPEG
  { bytes: ascii('GIF8') },
  { bytes: [0x49, 0x49, 0x2a, 0x00] }, // TIFF, little-endian
  { bytes: [0x4d, 0x4d, 0x00, 0x2a] }, // TIFF, big-endian
  { bytes: ascii('BM') },
  { bytes: ascii('WEBP'), at: 8 },
  { bytes: ascii('ftypheic'), at: 4 },
  { bytes: ascii('ftypheix'), at: 4 },
  { bytes: ascii('ftypmif1'), at: 4 },
];

const OLE_COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .doc (and other old Office files)
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const WORD_ENTRY = Buffer.from('word/', 'latin1');

/** Classifies the first bytes of a file (up to SNIFF_BYTES of them; fewer if the file is shorter). */
export function fileKind(head: Buffer): FileKind {
  if (head.subarray(0, PDF_SIGNATURE.length).equals(PDF_SIGNATURE)) return 'pdf';
  if (starts(head, OLE_COMPOUND_FILE) || starts(head, ascii('{\\rtf'))) return 'word';
  if (starts(head, ZIP_LOCAL_HEADER)) return head.includes(WORD_ENTRY) ? 'word' : 'other';
  if (IMAGE_SIGNATURES.some((signature) => starts(head, signature.bytes, signature.at))) return 'image';
  return 'other';
}
