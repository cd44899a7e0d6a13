// Access to electron-builder's own configuration loader and schema validator, for the build tests.
//
// electron-builder does not export these from its public entry point, so they are loaded from
// app-builder-lib (electron-builder's implementation package) by path. Modules are resolved from
// electron-builder's own location, so this keeps working whether or not npm hoists app-builder-lib
// and builder-util to the top of node_modules.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as ElectronBuilder from 'electron-builder';
import type { Configuration } from 'electron-builder';

export type { Configuration };

/** The repository root (this file lives in test/build/). */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const requireHere = createRequire(import.meta.url);
const requireFromElectronBuilder = createRequire(requireHere.resolve('electron-builder/package.json'));
const requireFromAppBuilderLib = createRequire(requireFromElectronBuilder.resolve('app-builder-lib/package.json'));

interface DebugLoggerLike {
  readonly isEnabled: boolean;
  add(key: string, value: unknown): void;
}

interface ConfigModule {
  /** Loads electron-builder.yml (or package.json "build"), applies `extends` and the CLI-style overrides. */
  getConfig(projectDir: string, configPath: string | null, configFromOptions: Configuration | null): Promise<Configuration>;
  /** Throws if the configuration does not match electron-builder's JSON schema (scheme.json). */
  validateConfiguration(config: Configuration, debugLogger: DebugLoggerLike): Promise<void>;
}

interface BuilderUtilModule {
  DebugLogger: new (isEnabled?: boolean) => DebugLoggerLike;
}

const configModule = requireFromAppBuilderLib('./out/util/config/config.js') as ConfigModule;
const builderUtil = requireFromAppBuilderLib('builder-util') as BuilderUtilModule;

/** The electron-builder package itself (CommonJS), for programmatic builds. */
export const electronBuilder = requireHere('electron-builder') as typeof ElectronBuilder;

/** electron-builder's version, as reported by the package that validates and builds. */
export const appBuilderLibVersion = (requireFromElectronBuilder('app-builder-lib/package.json') as { version: string })
  .version;

export function loadConfig(projectDir: string, configPath: string): Promise<Configuration> {
  return configModule.getConfig(projectDir, configPath, null);
}

export function validateConfig(config: Configuration): Promise<void> {
  return configModule.validateConfiguration(config, new builderUtil.DebugLogger(false));
}

type TargetConfigType = Configuration['linux'] extends infer L ? (L extends { target?: infer T } ? T : never) : never;

/** Target names of a platform's `target` option, whatever form it was written in. */
export function targetNames(target: TargetConfigType | undefined): string[] {
  if (target == null) return [];
  const list = Array.isArray(target) ? target : [target];
  return list.map((t) => (typeof t === 'string' ? t : t.target));
}
