// @vitest-environment node
//
// Validates electron-builder.yml offline with electron-builder's OWN loader and JSON schema
// (app-builder-lib getConfig + validateConfiguration), the same checks `electron-builder` runs
// before it downloads anything. Real packaging cannot run on this project's machines (it downloads
// the Electron runtime), so this is what keeps the release config from rotting.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appBuilderLibVersion,
  type Configuration,
  loadConfig,
  repoRoot,
  targetNames,
  validateConfig,
} from './electron-builder-internals';

const configPath = join(repoRoot, 'electron-builder.yml');
const load = (): Promise<Configuration> => loadConfig(repoRoot, configPath);

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('electron-builder.yml', () => {
  it('is checked by electron-builder 26 (the schema this test relies on)', () => {
    expect(Number(appBuilderLibVersion.split('.')[0])).toBeGreaterThanOrEqual(26);
  });

  it("passes electron-builder's own schema validation", async () => {
    const config = await load();
    await expect(validateConfig(config)).resolves.toBeUndefined();
  });

  it('identifies the app and writes installers to release/', async () => {
    const config = await load();
    expect(config.appId).toBe('uk.bluebag.app');
    expect(config.productName).toBe('Bluebag');
    expect(config.directories?.output).toBe('release');
    expect(config.directories?.buildResources).toBe('resources');
  });

  it('builds NSIS + MSI for Windows, dmg for macOS, AppImage + deb for Linux', async () => {
    const config = await load();
    expect(targetNames(config.win?.target)).toEqual(expect.arrayContaining(['nsis', 'msi']));
    expect(targetNames(config.mac?.target)).toEqual(expect.arrayContaining(['dmg']));
    expect(targetNames(config.linux?.target)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('has the installer behaviour firms rely on', async () => {
    const config = await load();
    // Assisted installer with install-for-all-users choice and a choosable directory.
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
    expect(config.nsis?.deleteAppDataOnUninstall).not.toBe(true);
    // MSI for Group Policy: per machine, silent, never launched as SYSTEM, stable upgrade code.
    expect(config.msi).toMatchObject({ perMachine: true, runAfterFinish: false });
    expect(config.msi?.upgradeCode).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(config.mac).toMatchObject({ category: 'public.app-category.productivity', hardenedRuntime: true });
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/); // deb needs "Name <email>"
  });

  it('packs the built app into asar with native modules unpacked and rebuilt for Electron', async () => {
    const config = await load();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node']));
    // The release setting; tests override it to false (see electron-builder-pack.test.ts).
    expect(config.npmRebuild).toBe(true);
    // getConfig normalises `files` into file sets; the patterns must cover the build output and package.json.
    const patterns = (config.files as Array<{ filter?: string[] }>).flatMap((set) => set.filter ?? []);
    expect(patterns).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    expect(config.extraResources).toEqual(
      expect.arrayContaining([expect.objectContaining({ from: 'resources/data', to: 'data' })]),
    );
    expect(config.publish).toBeNull();
  });

  it('keeps the Electron hardening fuses', async () => {
    const config = await load();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });
});

describe('schema validation rejects invalid configurations (so the check above can fail)', () => {
  it('rejects an unknown top-level option', async () => {
    const config = { ...(await load()), notARealOption: true } as Configuration;
    await expect(validateConfig(config)).rejects.toThrow(/unknown property 'notARealOption'/);
  });

  it('rejects a misspelt installer option', async () => {
    const config = await load();
    const bad = { ...config, nsis: { ...config.nsis, oneclick: false } } as Configuration;
    // electron-builder reports the offending section, not the key, for options nested in anyOf schemas.
    await expect(validateConfig(bad)).rejects.toThrow(/configuration\.nsis /);
  });

  it('rejects an option placed under the wrong target', async () => {
    const config = await load();
    // allowToChangeInstallationDirectory is an NSIS option; the MSI schema does not have it.
    const bad = { ...config, msi: { ...config.msi, allowToChangeInstallationDirectory: true } } as Configuration;
    await expect(validateConfig(bad)).rejects.toThrow(/configuration\.msi /);
  });

  it('rejects a bad file loaded from disk the same way', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bluebag-eb-config-'));
    tempDirs.push(dir);
    const badPath = join(dir, 'electron-builder.yml');
    await writeFile(badPath, `${await readFile(configPath, 'utf8')}\nnotARealOption: true\n`);
    const config = await loadConfig(dir, badPath);
    await expect(validateConfig(config)).rejects.toThrow(/unknown property 'notARealOption'/);
  });
});

// electron-builder fails a release build (late, after downloading Electron) if icons are missing
// or too small: Windows needs an .ico with a 256 px image, macOS an .icns or a >= 512 px PNG.
describe('icons referenced by electron-builder.yml', () => {
  const pngSize = (buf: Buffer): { width: number; height: number } => {
    expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  };

  it('Windows: a valid .ico that includes a 256x256 image', async () => {
    const config = await load();
    const icon = config.win?.icon;
    expect(icon).toBe('resources/icon.ico');
    const buf = await readFile(join(repoRoot, String(icon)));
    expect(buf.readUInt16LE(0)).toBe(0);
    expect(buf.readUInt16LE(2)).toBe(1); // type 1 = icon
    const count = buf.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const width = buf.readUInt8(entry) || 256;
      const length = buf.readUInt32LE(entry + 8);
      const offset = buf.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(buf.length);
      sizes.push(width);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('macOS: a well-formed .icns with 512 px and 1024 px images', async () => {
    const config = await load();
    const icon = config.mac?.icon;
    expect(icon).toBe('resources/icon.icns');
    const buf = await readFile(join(repoRoot, String(icon)));
    expect(buf.toString('ascii', 0, 4)).toBe('icns');
    expect(buf.readUInt32BE(4)).toBe(buf.length);
    const types = new Map<string, Buffer>();
    for (let offset = 8; offset < buf.length; ) {
      const length = buf.readUInt32BE(offset + 4);
      expect(length).toBeGreaterThan(8);
      types.set(buf.toString('ascii', offset, offset + 4), buf.subarray(offset + 8, offset + length));
      offset += length;
    }
    expect(pngSize(types.get('ic09') ?? Buffer.alloc(0))).toEqual({ width: 512, height: 512 });
    expect(pngSize(types.get('ic10') ?? Buffer.alloc(0))).toEqual({ width: 1024, height: 1024 });
  });

  it('Linux: one correctly sized PNG per hicolor size up to 512', async () => {
    const config = await load();
    const icon = config.linux?.icon;
    expect(icon).toBe('resources/icons');
    const dir = join(repoRoot, String(icon));
    const files = (await readdir(dir)).filter((f) => f.endsWith('.png'));
    const sizes = [];
    for (const file of files) {
      const match = /^(\d+)x(\d+)\.png$/.exec(file);
      expect(match, file).not.toBeNull();
      const size = Number(match?.[1]);
      expect(pngSize(await readFile(join(dir, file)))).toEqual({ width: size, height: size });
      sizes.push(size);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 64, 128, 256, 512]));
  });

  it('the 1024 px master PNG and its SVG source exist', async () => {
    expect(pngSize(await readFile(join(repoRoot, 'resources/icon.png')))).toEqual({ width: 1024, height: 1024 });
    expect(existsSync(join(repoRoot, 'resources/icon.svg'))).toBe(true);
  });
});
