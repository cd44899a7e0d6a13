import type { BuildOptions } from 'esbuild';

/** How the main process is bundled; see main-bundle-options.mjs. */
export declare const MAIN_BUNDLE_OPTIONS: Readonly<Pick<BuildOptions, 'bundle' | 'splitting' | 'format' | 'platform' | 'target' | 'packages'>>;
