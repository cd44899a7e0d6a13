/**
 * Full-text search across every cached case, offline. This is the only module other code imports from.
 */
export { SearchIndex, type SearchIndexOptions } from './search-index';
export { ExtractionPool, type ExtractionOutcome, type PageSource } from './extraction-pool';
export { MAX_PAGES } from './worker-messages';
export type { PageInfo, SearchAnswer, SearchQuery } from './search-reads';
export { SearchFailedError } from './search-errors';
export { toFtsQuery } from './fts-query';
export { readIndexedPages, type IndexedPage } from './indexed-pages';
