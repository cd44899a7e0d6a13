import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { normaliseRotation, type PageSize } from './page-geometry';
import { pageSearchText, type TextItemLike } from './text-search';

/** An entry of the PDF's own outline (bookmarks), with the page it points at once known. */
export interface OutlineEntry {
  id: string;
  title: string;
  /**
   * 1-based page; null when the entry points nowhere in this file (a web link, a broken target);
   * undefined until it has been looked up.
   */
  page: number | null | undefined;
  children: OutlineEntry[];
}

type RawOutline = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>;

/** The parameters every text read uses, so the find index and the text layer see identical items. */
/** Outline entries looked up as the document opens; the rest when the reader picks one. */
const EAGER_OUTLINE_ENTRIES = 400;

export const TEXT_CONTENT_PARAMS = { disableNormalization: true, includeMarkedContent: false } as const;

export function textItemsOf(items: ReadonlyArray<TextItem | TextMarkedContent>): TextItem[] {
  return items.filter((item): item is TextItem => 'str' in item);
}

/**
 * One open PDF: its pages (fetched once, cleaned up when they leave the screen), their sizes, its
 * outline and page labels, and the searchable text of each page read so far. Owns the pdf.js document
 * and destroys it (and its worker) on close.
 */
export class DocumentSession {
  readonly doc: PDFDocumentProxy;
  readonly pageCount: number;
  #pages = new Map<number, Promise<PDFPageProxy>>();
  #texts = new Map<number, string>();
  #textReads = new Map<number, Promise<string>>();
  #outlineDestinations = new Map<string, string | unknown[] | null>();
  #destroyed = false;
  readonly #close: () => Promise<void>;

  /** `close` destroys the loading task that opened `doc` (in pdf.js 5+ the task owns the document). */
  constructor(doc: PDFDocumentProxy, close: () => Promise<void>) {
    this.doc = doc;
    this.pageCount = doc.numPages;
    this.#close = close;
  }

  /** Takes over what an earlier copy of the same file already knew (page texts, bookmark targets). */
  adoptFrom(earlier: DocumentSession): void {
    for (const [page, text] of earlier.#texts) this.#texts.set(page, text);
    for (const [id, dest] of earlier.#outlineDestinations) this.#outlineDestinations.set(id, dest);
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }

  page(number: number): Promise<PDFPageProxy> {
    let page = this.#pages.get(number);
    if (!page) {
      page = this.doc.getPage(number);
      this.#pages.set(number, page);
      // A page that cannot be read is asked for again next time (it may have been a hiccup).
      page.catch(() => this.#pages.delete(number));
    }
    return page;
  }

  /** Frees what drawing a page left behind (operator lists, decoded images) once it is off screen. */
  releasePage(number: number): void {
    void this.#pages.get(number)?.then((page) => page.cleanup(), () => undefined);
  }

  static sizeOf(page: PDFPageProxy): PageSize {
    const [x1 = 0, y1 = 0, x2 = 612, y2 = 792] = page.view;
    return { width: Math.abs(x2 - x1) * page.userUnit, height: Math.abs(y2 - y1) * page.userUnit, rotate: normaliseRotation(page.rotate) };
  }

  /** Records a page's text when its text layer was read anyway, so find does not read it again. */
  rememberText(number: number, items: readonly TextItemLike[]): string {
    const text = pageSearchText(items);
    this.#texts.set(number, text);
    return text;
  }

  knownText(number: number): string | undefined {
    return this.#texts.get(number);
  }

  /** The page's searchable (normalised) text, read from the file the first time. */
  text(number: number): Promise<string> {
    const known = this.#texts.get(number);
    if (known !== undefined) return Promise.resolve(known);
    let read = this.#textReads.get(number);
    if (!read) {
      read = this.page(number)
        .then((page) => page.getTextContent(TEXT_CONTENT_PARAMS))
        .then((content) => this.rememberText(number, textItemsOf(content.items)))
        .finally(() => this.#textReads.delete(number));
      this.#textReads.set(number, read);
    }
    return read;
  }

  async pageLabels(): Promise<string[] | null> {
    try {
      const labels = await this.doc.getPageLabels();
      // Labels that only repeat the page numbers add nothing.
      if (!labels || labels.every((label, index) => label === String(index + 1))) return null;
      return labels;
    } catch {
      return null;
    }
  }

  /**
   * The outline, its entries' pages resolved one after another (top level first: "page within a
   * document" needs those), never all at once — each resolution may read a page object of the file.
   * Entries past the first few hundred are resolved when asked for (`resolveOutlinePage`).
   */
  async outline(onProgress?: (entries: OutlineEntry[]) => void): Promise<OutlineEntry[] | null> {
    let raw: RawOutline;
    try {
      raw = await this.doc.getOutline();
    } catch {
      return null;
    }
    if (!raw || raw.length === 0) return null;
    const levels: OutlineEntry[][] = [];
    const build = (items: RawOutline, prefix: string, depth: number): OutlineEntry[] =>
      items.map((item, index) => {
        const entry: OutlineEntry = {
          id: `${prefix}${index}`,
          title: item.title.trim() || '—',
          page: undefined,
          children: item.items?.length ? build(item.items as RawOutline, `${prefix}${index}.`, depth + 1) : [],
        };
        this.#outlineDestinations.set(entry.id, item.dest);
        (levels[depth] ??= []).push(entry);
        return entry;
      });
    const entries = build(raw, '', 0);
    let resolved = 0;
    for (const level of levels) {
      for (const entry of level) {
        if (this.#destroyed || resolved >= EAGER_OUTLINE_ENTRIES) return entries;
        entry.page = await this.resolveOutlinePage(entry.id);
        resolved++;
      }
      onProgress?.(entries);
    }
    return entries;
  }

  async resolveOutlinePage(id: string): Promise<number | null> {
    return this.#resolveDestination(this.#outlineDestinations.get(id) ?? null);
  }

  async #resolveDestination(dest: string | unknown[] | null): Promise<number | null> {
    try {
      const explicit = typeof dest === 'string' ? await this.doc.getDestination(dest) : dest;
      const target: unknown = Array.isArray(explicit) ? explicit[0] : null;
      if (typeof target === 'number') return target + 1 <= this.pageCount ? target + 1 : null;
      if (target && typeof target === 'object' && 'num' in target && 'gen' in target) {
        const index = await this.doc.getPageIndex(target as { num: number; gen: number });
        return index + 1;
      }
      return null;
    } catch {
      return null;
    }
  }

  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#pages.clear();
    this.#texts.clear();
    await this.#close().catch(() => undefined);
  }
}
