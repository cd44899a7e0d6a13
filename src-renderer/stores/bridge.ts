import type { BluebagApi } from '../../src-preload/api';
import { createWebBridge } from '../../src-preload/web-bridge';

declare global {
  interface Window {
    bluebag?: BluebagApi;
  }
}

/** The contract's client: the Electron preload's when present, the loopback bridge in browser mode. */
export const bridge: BluebagApi = window.bluebag ?? createWebBridge();
