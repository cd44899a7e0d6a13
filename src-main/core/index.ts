export { createCoreApp, type CoreApp, type CoreOptions } from './app';
export { confSettingsStore, type SettingsStore } from './settings';
export { BluebagError } from './errors';
export { CONTENT_SECURITY_POLICY, RENDERER_SECURITY_HEADERS, readRendererFile } from './security';
export { DOCUMENT_PATH_PREFIX, type DocumentResponse } from './documents';
export { MAX_SERVE_BYTES, STAGE_PATH, type StageResult } from './serving';
