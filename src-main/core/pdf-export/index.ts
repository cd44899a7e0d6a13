/** What the app's printable exports (notes, forms) share: A4 pages and fonts that print Welsh. */
export { A4, openA4Document, type A4DocumentOptions } from './a4-document';
export { exportFonts, type ExportFonts } from './export-fonts';
