/**
 * Transport names shared by the two implementations of the contract (Electron IPC and the
 * browser-mode loopback RPC). Kept free of any import so the sandboxed preload bundle stays tiny.
 */
export const IPC_METHOD_PREFIX = 'bluebag:call:';
export const IPC_EVENT_CHANNEL = 'bluebag:event';

export const HTTP_RPC_PREFIX = '/rpc/';
export const HTTP_EVENTS_PATH = '/events';
export const HTTP_TOKEN_COOKIE = 'bluebag_token';
export const HTTP_TOKEN_QUERY = 'token';
/** Set by the browser-mode host on every page so the bridge can tell it is not inside Electron. */
export const HTTP_CSRF_HEADER = 'x-bluebag-request';
