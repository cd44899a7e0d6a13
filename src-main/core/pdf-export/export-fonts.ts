import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ExportFonts {
  regular: string;
  bold: string;
  italic: string;
}

/**
 * PDF's built-in Helvetica only knows Windows-1252, which has no ŵ or ŷ: Welsh text (and many names)
 * would print wrongly. Liberation Sans (SIL OFL, metric-compatible with Arial) ships inside pdfjs-dist,
 * already a dependency for the viewer, so nothing extra is bundled; pdfkit embeds just the glyphs used.
 */
const LIBERATION = { regular: 'LiberationSans-Regular.ttf', bold: 'LiberationSans-Bold.ttf', italic: 'LiberationSans-Italic.ttf' } as const;
const BUILT_IN: ExportFonts = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };

let resolved: ExportFonts | null = null;

/** Font file paths for pdfkit, or its built-in fonts if the files cannot be found (an odd install). */
export function exportFonts(): ExportFonts {
  if (resolved) return resolved;
  try {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts');
    const files: ExportFonts = {
      regular: path.join(dir, LIBERATION.regular),
      bold: path.join(dir, LIBERATION.bold),
      italic: path.join(dir, LIBERATION.italic),
    };
    resolved = Object.values(files).every((file) => existsSync(file)) ? files : BUILT_IN;
  } catch {
    resolved = BUILT_IN;
  }
  return resolved;
}
