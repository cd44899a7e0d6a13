/** The local, encrypted cache of associated cases: database, vault, download queue and sync, assembled. */
export { openCaseCache, CACHE_DB_FILE, VAULT_DIR, type CaseCache, type CaseCacheOptions } from './open-case-cache';
