/**
 * Debian's Chromium, as the e2e tests and the benchmarks launch it (Playwright cannot download its own
 * browser here). Without the background-networking switches Chromium keeps trying to reach Google from
 * this closed network and slows down.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
