import { TextLayer, type PDFPageProxy } from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import { PDF_TO_CSS_UNITS, type Rotation } from './page-geometry';
import { buildPageText, matchSegments, type PageText, type TextMatch } from './text-search';

/**
 * A visible page's selectable text (pdf.js's TextLayer: transparent spans over the canvas, so the reader
 * selects and copies real text), plus the find hits marked in it. Built at scale 1 and sized by the page's
 * `--scale-factor`, so zooming needs no rebuild; a new rotation does.
 */
export class PageTextLayer {
  readonly rotation: Rotation;
  readonly #container: HTMLDivElement;
  readonly #items: TextItem[];
  readonly #layer: TextLayer;
  #pageText: PageText | null = null;
  #touched = new Set<number>();

  /** `items` must be `content.items` without marked-content entries, in order (one span each). */
  constructor(container: HTMLDivElement, page: PDFPageProxy, content: TextContent, items: TextItem[], rotation: Rotation) {
    this.rotation = rotation;
    this.#container = container;
    this.#items = items;
    container.replaceChildren();
    this.#layer = new TextLayer({
      textContentSource: content,
      container,
      viewport: page.getViewport({ scale: PDF_TO_CSS_UNITS, rotation }),
    });
  }

  render(): Promise<void> {
    return this.#layer.render();
  }

  cancel(): void {
    this.#layer.cancel();
    this.#container.replaceChildren();
  }

  get itemStrings(): string[] {
    return this.#items.map((item) => item.str);
  }

  /**
   * Marks find hits in the spans; returns the element of the selected hit (to scroll to), if any.
   * Spans touched last time get their plain text back first.
   */
  highlight(matches: readonly TextMatch[] | null, selected: number | null): HTMLElement | null {
    const divs = this.#layer.textDivs;
    for (const index of this.#touched) {
      const div = divs[index];
      if (div) div.textContent = this.#items[index]?.str ?? '';
    }
    this.#touched.clear();
    if (!matches || matches.length === 0) return null;
    this.#pageText ??= buildPageText(this.#items);
    const strings = this.itemStrings;
    const byItem = new Map<number, Array<{ from: number; to: number; selected: boolean }>>();
    matches.forEach((match, index) => {
      for (const segment of matchSegments(this.#pageText as PageText, match, strings)) {
        const list = byItem.get(segment.item) ?? [];
        list.push({ from: segment.from, to: segment.to, selected: index === selected });
        byItem.set(segment.item, list);
      }
    });
    let selectedElement: HTMLElement | null = null;
    for (const [item, segments] of byItem) {
      const div = divs[item];
      const text = strings[item] ?? '';
      if (!div) continue;
      segments.sort((a, b) => a.from - b.from);
      const fragment = document.createDocumentFragment();
      let at = 0;
      for (const segment of segments) {
        if (segment.from < at) continue;
        if (segment.from > at) fragment.append(text.slice(at, segment.from));
        const mark = document.createElement('span');
        mark.className = segment.selected ? 'find-hit find-hit-selected' : 'find-hit';
        mark.textContent = text.slice(segment.from, segment.to);
        fragment.append(mark);
        if (segment.selected && !selectedElement) selectedElement = mark;
        at = segment.to;
      }
      if (at < text.length) fragment.append(text.slice(at));
      div.replaceChildren(fragment);
      this.#touched.add(item);
    }
    return selectedElement;
  }
}
