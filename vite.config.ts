import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * pdf.js's data files, served from the app itself (nothing from a CDN): CMaps, standard fonts, ICC
 * profiles and the wasm image decoders with their plain-JS fallbacks. They land in `pdfjs/<dir>/` beside
 * the renderer (the worker comes in through a `?url` import). The JS scripting sandbox (quickjs) is left
 * out on purpose: the viewer never runs a PDF's scripts.
 */
function pdfjsAssets(): Plugin {
  const root = fileURLToPath(new URL('./node_modules/pdfjs-dist/', import.meta.url));
  const dirs = ['cmaps', 'standard_fonts', 'iccs', 'wasm'] as const;
  const shipped = (dir: string, name: string) => !(dir === 'wasm' && name.startsWith('quickjs'));
  const files = () =>
    dirs.flatMap((dir) =>
      readdirSync(path.join(root, dir))
        .filter((name) => shipped(dir, name))
        .map((name) => ({ url: `pdfjs/${dir}/${name}`, file: path.join(root, dir, name) })),
    );
  return {
    name: 'bluebag-pdfjs-assets',
    configureServer(server) {
      const byUrl = new Map(files().map((entry) => [`/${entry.url}`, entry.file]));
      server.middlewares.use((req, res, next) => {
        const file = byUrl.get((req.url ?? '').split('?')[0] ?? '');
        if (!file) return next();
        res.setHeader('content-type', file.endsWith('.wasm') ? 'application/wasm' : file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const entry of files()) this.emitFile({ type: 'asset', fileName: entry.url, source: readFileSync(entry.file) });
    },
  };
}

/**
 * Reading a huge bundle lazily. pdf.js's worker, on the first page it opens, fetches every page
 * dictionary listed directly under the root of the page tree (to walk it faster later), and finding a
 * bookmark's page fetches every page before it. With a flat page tree — one /Kids list of all the
 * pages, as pdfkit, Chromium and many scanners write — pages lie all through the file, so opening a
 * 2,000-page, 220 MB bundle read nearly all of it and fired so many range requests at once that Chromium
 * refused some (net::ERR_INSUFFICIENT_RESOURCES). A node whose /Count equals its number of kids holds
 * only pages, so the page wanted is simply kid number n: these patches go straight to it (checking it is
 * a page, and falling back to pdf.js's own walk if not). The build fails if pdf.js changes under them.
 */
function pdfjsWorkerPatches(): Plugin {
  const patches = [
    {
      name: 'getPageDict: go straight to kid n of an all-pages node',
      find: `      for (let last = kids.length - 1; last >= 0; last--) {
        const lastKid = kids[last];
        nodesToVisit.push(lastKid);
        if (currentNode === this.toplevelPagesDict && lastKid instanceof Ref && !pageDictCache.has(lastKid)) {`,
      replace: `      if (count === kids.length && pageIndex - currentPageIndex < kids.length) {
        const directKid = kids[pageIndex - currentPageIndex];
        if (directKid instanceof Ref && !visitedNodes.has(directKid)) {
          const directObj = await (pageDictCache.get(directKid) || xref.fetchAsync(directKid));
          if (directObj instanceof Dict && (isName(directObj.getRaw("Type"), "Page") || !directObj.has("Kids"))) {
            pageKidsCountCache.put(directKid, 1);
            pageIndexCache.put(directKid, pageIndex);
            return [directObj, directKid];
          }
        }
      }
      for (let last = kids.length - 1; last >= 0; last--) {
        const lastKid = kids[last];
        nodesToVisit.push(lastKid);
        if (count !== kids.length && currentNode === this.toplevelPagesDict && lastKid instanceof Ref && !pageDictCache.has(lastKid)) {`,
    },
    {
      name: 'getPageIndex: count the kids before it in an all-pages node',
      find: `      const kidPromises = [];
      let found = false;
      for (const kid of kids) {`,
      replace: `      const parentCount = parent.getRaw("Count");
      if (Number.isInteger(parentCount) && parentCount === kids.length) {
        const position = kids.findIndex(kid => isRefsEqual(kid, ref));
        if (position >= 0) {
          total += position;
          ref = parentRef;
          continue;
        }
      }
      const kidPromises = [];
      let found = false;
      for (const kid of kids) {`,
    },
  ];
  return {
    name: 'bluebag-pdfjs-worker-patches',
    transform(code, id) {
      // The worker's own source only (not the `?worker&url` stub that points at it).
      if (!/pdfjs-dist[\\/]build[\\/]pdf\.worker\.mjs$/.test(id)) return null;
      let patched = code;
      for (const patch of patches) {
        if (!patched.includes(patch.find)) this.error(`pdf.js worker patch "${patch.name}" no longer applies: check it against this pdfjs-dist`);
        patched = patched.replace(patch.find, patch.replace);
      }
      return { code: patched, map: null };
    },
  };
}

/** Builds the renderer only; main and preload are bundled by scripts/build.mjs with esbuild. */
export default defineConfig({
  root: 'src-renderer',
  base: '/',
  publicDir: false,
  plugins: [react(), pdfjsAssets(), pdfjsWorkerPatches()],
  // pdf.js's worker is an ES module; built by Vite so the patches above apply and it is minified.
  worker: { format: 'es', plugins: () => [pdfjsWorkerPatches()] },
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
