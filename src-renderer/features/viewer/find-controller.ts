import type { DocumentSession } from './document-session';
import { findMatches, parseFindQuery, type FindQuery, type TextMatch } from './text-search';

export interface FindStatus {
  /** What the reader typed ('' when find is not in use). */
  query: string;
  /** Hits found so far (all of them once `done`). */
  total: number;
  /** Which hit is selected, counting from the first page (null when none is). */
  selected: number | null;
  searchedPages: number;
  pageCount: number;
  done: boolean;
}

export interface SelectedMatch {
  page: number;
  /** Which hit on that page, from 0. */
  index: number;
}

export const NO_FIND: FindStatus = { query: '', total: 0, selected: null, searchedPages: 0, pageCount: 0, done: true };

const STATUS_THROTTLE_MS = 120;

/**
 * Find in document: counts hits over every page in the background, starting where the reader is and
 * wrapping round, and moves the selection to the next or previous hit in page order — asking for a
 * page's text first if the background count has not reached it yet, so "next" never waits for the whole
 * document. Text comes from the session (a page read for its text layer is not read again).
 */
export class FindController {
  /** The open document; it may be swapped for a fresh copy of the same file (see PaneController). */
  readonly #currentSession: () => DocumentSession;
  readonly #onStatus: (status: FindStatus) => void;
  readonly #onSelect: (match: SelectedMatch, query: FindQuery) => void;
  #raw = '';
  #query: FindQuery | null = null;
  #generation = 0;
  #matches = new Map<number, TextMatch[]>();
  #total = 0;
  #selected: SelectedMatch | null = null;
  #statusTimer: ReturnType<typeof setTimeout> | null = null;
  #stepping: Promise<void> = Promise.resolve();

  constructor(session: () => DocumentSession, onStatus: (status: FindStatus) => void, onSelect: (match: SelectedMatch, query: FindQuery) => void) {
    this.#currentSession = session;
    this.#onStatus = onStatus;
    this.#onSelect = onSelect;
  }

  get query(): FindQuery | null {
    return this.#query;
  }

  get selected(): SelectedMatch | null {
    return this.#selected;
  }

  /** Hits on a page, or null while the page has not been searched. */
  matchesOn(page: number): TextMatch[] | null {
    return this.#query ? (this.#matches.get(page) ?? null) : null;
  }

  /**
   * Hits on a page whose text is already known (it is on screen), counting them in if the background
   * search has not reached the page yet; null when there is no query or the text is not known.
   */
  matchesOnShownPage(page: number): TextMatch[] | null {
    const query = this.#query;
    if (!query) return null;
    const known = this.#matches.get(page);
    if (known) return known;
    const text = this.#currentSession().knownText(page);
    if (text === undefined) return null;
    const matches = findMatches(text, query);
    this.#matches.set(page, matches);
    this.#total += matches.length;
    this.#publish(false);
    return matches;
  }

  /**
   * Starts a search from `fromPage`. `select`: 'first' selects (and shows) the first hit found from there;
   * 'onPage' only selects a hit on that very page (opening a search hit must not wander off its page).
   */
  start(raw: string, fromPage: number, options: { byTerms?: boolean; select?: 'first' | 'onPage' } = {}): void {
    const generation = ++this.#generation;
    this.#raw = raw;
    this.#query = parseFindQuery(raw, options.byTerms === true);
    this.#matches = new Map();
    this.#total = 0;
    this.#selected = null;
    this.#publish(true);
    if (!this.#query) return;
    void this.#scan(generation, fromPage, options.select ?? 'first');
  }

  /** Opens a full-text search hit: the phrase on its page, or failing that its separate words. */
  async startForHit(raw: string, page: number): Promise<void> {
    const phrase = parseFindQuery(raw);
    if (!phrase) return;
    const text = await this.#text(page);
    this.start(raw, page, { byTerms: findMatches(text, phrase).length === 0, select: 'onPage' });
  }

  stop(): void {
    this.#generation++;
    this.#raw = '';
    this.#query = null;
    this.#matches = new Map();
    this.#total = 0;
    this.#selected = null;
    this.#publish(true);
  }

  next(fromPage: number): Promise<void> {
    return this.#step(1, fromPage);
  }

  previous(fromPage: number): Promise<void> {
    return this.#step(-1, fromPage);
  }

  status(): FindStatus {
    if (!this.#query) return { ...NO_FIND, query: this.#raw, pageCount: this.#currentSession().pageCount };
    let selected: number | null = null;
    if (this.#selected) {
      selected = this.#selected.index + 1;
      for (const [page, matches] of this.#matches) if (page < this.#selected.page) selected += matches.length;
    }
    return {
      query: this.#raw,
      total: this.#total,
      selected,
      searchedPages: this.#matches.size,
      pageCount: this.#currentSession().pageCount,
      done: this.#matches.size >= this.#currentSession().pageCount,
    };
  }

  async #scan(generation: number, fromPage: number, select: 'first' | 'onPage'): Promise<void> {
    const count = this.#currentSession().pageCount;
    for (let step = 0; step < count; step++) {
      const page = ((fromPage - 1 + step) % count) + 1;
      const matches = await this.#matchesOf(page, generation);
      if (matches === null) return;
      if (!this.#selected && matches.length > 0 && (select === 'first' || page === fromPage)) this.#select({ page, index: 0 });
      this.#publish(false);
    }
    this.#publish(true);
  }

  async #matchesOf(page: number, generation: number): Promise<TextMatch[] | null> {
    const known = this.#matches.get(page);
    if (known) return known;
    const text = await this.#text(page);
    const query = this.#query;
    if (generation !== this.#generation || !query) return null;
    const already = this.#matches.get(page);
    if (already) return already;
    const matches = findMatches(text, query);
    this.#matches.set(page, matches);
    this.#total += matches.length;
    return matches;
  }

  /** A page's text; read again from the new copy if the document was swapped while reading. */
  async #text(page: number): Promise<string> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const session = this.#currentSession();
      const text = await session.text(page).catch(() => null);
      if (session === this.#currentSession()) return text ?? '';
    }
    return '';
  }

  #step(direction: 1 | -1, fromPage: number): Promise<void> {
    // One step at a time: pressing Enter quickly must move hit by hit, not race.
    this.#stepping = this.#stepping.then(() => this.#stepOnce(direction, fromPage));
    return this.#stepping;
  }

  async #stepOnce(direction: 1 | -1, fromPage: number): Promise<void> {
    const generation = this.#generation;
    if (!this.#query) return;
    const count = this.#currentSession().pageCount;
    const start = this.#selected ?? { page: fromPage, index: direction > 0 ? -1 : Number.POSITIVE_INFINITY };
    const here = await this.#matchesOf(start.page, generation);
    if (here === null) return;
    const index = start.index + direction;
    if (here.length > 0 && index >= 0 && index < here.length) return this.#select({ page: start.page, index: Math.min(index, here.length - 1) });
    if (here.length > 0 && direction < 0 && start.index === Number.POSITIVE_INFINITY) return this.#select({ page: start.page, index: here.length - 1 });
    for (let step = 1; step <= count; step++) {
      const page = ((((start.page - 1 + direction * step) % count) + count) % count) + 1;
      const matches = await this.#matchesOf(page, generation);
      if (matches === null) return;
      if (matches.length > 0) return this.#select({ page, index: direction > 0 ? 0 : matches.length - 1 });
    }
    this.#publish(true);
  }

  #select(match: SelectedMatch): void {
    this.#selected = match;
    this.#publish(true);
    if (this.#query) this.#onSelect(match, this.#query);
  }

  #publish(now: boolean): void {
    if (now) {
      if (this.#statusTimer !== null) clearTimeout(this.#statusTimer);
      this.#statusTimer = null;
      this.#onStatus(this.status());
      return;
    }
    this.#statusTimer ??= setTimeout(() => {
      this.#statusTimer = null;
      this.#onStatus(this.status());
    }, STATUS_THROTTLE_MS);
  }
}
