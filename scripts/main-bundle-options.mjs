// How the main process is bundled (esbuild): ESM, bundled, code split so worker entries sit beside the
// chunks that start them, dependencies left in node_modules. One place, because the sync benchmark and
// the bundle test build parts of main "exactly as the app ships" and must not drift from it.
/** @type {Readonly<import('esbuild').BuildOptions>} */
export const MAIN_BUNDLE_OPTIONS = Object.freeze({
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
});
