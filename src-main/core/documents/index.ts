/** Serving stored documents to the viewer: decrypted byte ranges, the same for both shells. */
export { documentResponse, type DocumentResponse } from './document-response';
export { requestedRange, type RequestedRange } from './byte-range';
export const DOCUMENT_PATH_PREFIX = '/doc/';
