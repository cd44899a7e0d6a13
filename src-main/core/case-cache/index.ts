/** The local, encrypted cache of associated cases: database, vault, download queue and sync, assembled. */
export { openCaseCache, CACHE_DB_FILE, DEFAULT_DELTA_PAGE_SIZE, FIRST_DELTA_PAGE_SIZE, VAULT_DIR, type CaseCache, type CaseCacheOptions } from './open-case-cache';
