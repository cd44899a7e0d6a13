import type { DocumentSession } from './document-session';
import { FindController, type SelectedMatch } from './find-controller';
import type { PagePainter } from './page-painter';
import type { PaneStore } from './pane-state';

/** What find needs from its pane. */
export interface PaneFindHost {
  readonly store: PaneStore;
  readonly painter: PagePainter;
  viewport(): HTMLDivElement | null;
  visiblePages(): number[];
  goToPage(page: number): void;
}

/**
 * A pane's find: the find bar's state, the search over the document, and the hits marked in the text
 * layers on screen — the selected one brought into view, going to its page first if need be.
 */
export class PaneFind {
  readonly #host: PaneFindHost;
  #find: FindController | null = null;
  /** A hit to scroll to once its page's text layer is up. */
  #reveal: SelectedMatch | null = null;

  constructor(host: PaneFindHost) {
    this.#host = host;
  }

  /** The document is open: find can start (the session getter follows a document reopened for memory). */
  attach(session: () => DocumentSession): void {
    this.#find = new FindController(
      session,
      (find) => {
        this.#host.store.setState({ find });
        for (const page of this.#host.painter.textLayerPages) this.highlight(page);
      },
      (match) => this.#revealMatch(match),
    );
  }

  setBarOpen(open: boolean): void {
    this.#host.store.setState({ findBarOpen: open });
    if (!open) this.#find?.stop();
  }

  find(query: string): void {
    this.#find?.start(query, this.#host.store.getState().currentPage);
  }

  /** Shows a full-text search hit: the find bar open on its words, highlighted on its page. */
  showSearchHit(query: string, page: number): void {
    this.#host.store.setState({ findBarOpen: true });
    void this.#find?.startForHit(query, page);
  }

  next(): void {
    void this.#find?.next(this.#host.store.getState().currentPage);
  }

  previous(): void {
    void this.#find?.previous(this.#host.store.getState().currentPage);
  }

  stop(): void {
    this.#find?.stop();
  }

  /** Marks the hits in a page's text layer (called when the layer is built, and when hits change). */
  highlight(page: number): void {
    const layer = this.#host.painter.textLayer(page);
    const find = this.#find;
    if (!layer || !find) return;
    const matches = find.matchesOnShownPage(page);
    const selected = find.selected?.page === page ? find.selected.index : null;
    const element = layer.highlight(matches, selected);
    if (element && this.#reveal && this.#reveal.page === page && this.#reveal.index === selected) {
      this.#reveal = null;
      this.#scrollIntoView(element);
    }
  }

  #revealMatch(match: SelectedMatch): void {
    this.#reveal = match;
    if (this.#host.painter.textLayer(match.page)) this.highlight(match.page);
    else if (!this.#host.visiblePages().includes(match.page)) this.#host.goToPage(match.page);
  }

  #scrollIntoView(element: HTMLElement): void {
    const viewport = this.#host.viewport();
    if (!viewport) return;
    const box = element.getBoundingClientRect();
    const view = viewport.getBoundingClientRect();
    if (box.top < view.top + 40 || box.bottom > view.bottom - 40) viewport.scrollTop += box.top - view.top - view.height / 3;
    if (box.left < view.left || box.right > view.right) viewport.scrollLeft += box.left - view.left - view.width / 3;
  }
}
