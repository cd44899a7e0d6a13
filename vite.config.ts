import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Builds the renderer only; main and preload are bundled by scripts/build.mjs with esbuild. */
export default defineConfig({
  root: 'src-renderer',
  base: '/',
  publicDir: false,
  plugins: [react()],
  define: { __BLUEBAG_VERSION__: JSON.stringify(version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // Inlined data: URIs for small assets are allowed by the CSP (img-src data:), fonts are not inlined.
    assetsInlineLimit: 4096,
    modulePreload: { polyfill: false },
  },
});
