/** Names Windows refuses whatever the extension (CON.md is still CON). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const MAX_STEM = 100;

/**
 * A file name that saves as-is on Windows and macOS: only letters, digits, '-', '_' and '.', no
 * leading or trailing dots or spaces, not a reserved device name, and short enough for deep folders.
 * Defendants' names are deliberately left out: a file name shows up in download bars and recent-file
 * lists that others may see.
 */
export function safeFileName(stemParts: readonly string[], extension: string): string {
  const stem = stemParts
    .map((part) =>
      part
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .replace(/-+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .filter((part) => part.length > 0)
    .join('-')
    .slice(0, MAX_STEM)
    .replace(/[-.]+$/, '');
  const safeStem = stem === '' || WINDOWS_RESERVED.test(stem) ? `notes-${stem}`.replace(/-$/, '') : stem;
  return `${safeStem}.${extension}`;
}
