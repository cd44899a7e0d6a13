import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OutlineEntry } from './document-session';
import { NO_FIND, type FindStatus } from './find-controller';
import type { Rotation } from './page-geometry';
import type { OpenFailure, PasswordRequest } from './pdf-loader';
import { FIT_WIDTH, type Zoom } from './zoom';

export type PanePhase = 'opening' | 'password' | 'ready' | 'failed';

/** Everything the pane's React parts show; the controller is the only writer. */
export interface PaneState {
  materialId: string;
  phase: PanePhase;
  failure: OpenFailure | null;
  password: PasswordRequest | null;
  /** Bytes fetched so far while opening (of the whole file; pdf.js fetches only what it needs). */
  progress: { loaded: number; total: number } | null;
  pageCount: number;
  currentPage: number;
  zoom: Zoom;
  scale: number;
  rotation: Rotation;
  /** Pages mounted in the scroll (visible ones and a couple either side). */
  firstMounted: number;
  lastMounted: number;
  /** Bumped whenever page boxes move, so the page list re-renders and the scroll is re-anchored. */
  layoutVersion: number;
  contentWidth: number;
  contentHeight: number;
  outline: OutlineEntry[] | null;
  pageLabels: string[] | null;
  /** Pages whose canvas shows (any zoom): the others show "Loading page…". */
  paintedPages: ReadonlySet<number>;
  failedPages: ReadonlySet<number>;
  /** Pages with no text (scans): from the search index, or found while reading the page. */
  textlessPages: ReadonlySet<number>;
  find: FindStatus;
  findBarOpen: boolean;
  /** For the benchmark and tests: when page 1 (or the first page shown) was first painted. */
  firstPaintAt: number | null;
}

export type PaneStore = StoreApi<PaneState>;

export function createPaneStore(materialId: string): PaneStore {
  return createStore<PaneState>()(() => ({
    materialId,
    phase: 'opening',
    failure: null,
    password: null,
    progress: null,
    pageCount: 0,
    currentPage: 1,
    zoom: FIT_WIDTH,
    scale: 1,
    rotation: 0,
    firstMounted: 1,
    lastMounted: 0,
    layoutVersion: 0,
    contentWidth: 0,
    contentHeight: 0,
    outline: null,
    pageLabels: null,
    paintedPages: new Set(),
    failedPages: new Set(),
    textlessPages: new Set(),
    find: NO_FIND,
    findBarOpen: false,
    firstPaintAt: null,
  }));
}

export function withMember(set: ReadonlySet<number>, page: number, member: boolean): ReadonlySet<number> {
  if (set.has(page) === member) return set;
  const next = new Set(set);
  if (member) next.add(page);
  else next.delete(page);
  return next;
}
