// @vitest-environment node
//
// Runs electron-builder's real packing step (`--dir`, Linux x64) offline, with the repository's
// electron-builder.yml, on a small fake app built in a temp folder (so it does not need dist/).
// The only overrides are the ones a machine without the Electron runtime needs — the same as
//   npx electron-builder --linux dir -c.electronDist=<stub> -c.electronVersion=41.7.1 -c.npmRebuild=false
// - electronDist: a stub "electron" executable instead of the downloaded runtime zip. It carries a
//   copy of Electron's fuse wire, so the configured fuses are really flipped and checked.
// - npmRebuild: false — never rebuild native modules against Node's headers (see TOOLCHAIN.md).
// Installers (NSIS, MSI, dmg, AppImage, deb) are not built: they need downloaded toolsets.
import { chmod, cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electronBuilder, repoRoot } from './electron-builder-internals';

const ELECTRON_VERSION = '41.7.1';
// @electron/fuses' sentinel, followed by wire version 1, the wire length, and one byte per fuse.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect,
// EmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar, BrowserV8Snapshot, GrantFileProtocolExtraPrivileges.
const DEFAULT_FUSES = '10110001';

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function put(file: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
}

/** A minimal project: the real electron-builder.yml and resources/, a fake build output and deps. */
async function makeFakeProject(withData: boolean): Promise<{ projectDir: string; electronDist: string }> {
  const root = await mkdtemp(join(tmpdir(), 'bluebag-eb-pack-'));
  tempDirs.push(root);
  const projectDir = join(root, 'project');
  await mkdir(projectDir);
  await cp(join(repoRoot, 'electron-builder.yml'), join(projectDir, 'electron-builder.yml'));
  await cp(join(repoRoot, 'resources'), join(projectDir, 'resources'), {
    recursive: true,
    filter: (src) => !src.startsWith(join(repoRoot, 'resources', 'data')),
  });
  if (withData) {
    await put(join(projectDir, 'resources/data/bank-holidays.json'), '{"england-and-wales":[]}\n');
  }
  await put(
    join(projectDir, 'package.json'),
    JSON.stringify(
      {
        name: 'bluebag',
        productName: 'Bluebag',
        version: '0.1.0',
        description: 'packaging test fixture',
        type: 'module',
        main: 'dist/main/main.js',
        author: 'Bluebag',
        license: 'UNLICENSED',
        dependencies: { 'fake-native': '1.0.0' },
        devDependencies: { 'fake-dev-tool': '1.0.0' },
      },
      null,
      2,
    ),
  );
  await put(join(projectDir, 'dist/main/main.js'), 'console.log("main");\n');
  await put(join(projectDir, 'dist/renderer/index.html'), '<!doctype html><title>Bluebag</title>\n');
  await put(join(projectDir, 'src-main/not-shipped.ts'), 'export const secret = 1;\n');
  // A production dependency with a native addon, and a dev dependency that must not ship.
  const nativeDir = join(projectDir, 'node_modules/fake-native');
  await put(join(nativeDir, 'package.json'), '{"name":"fake-native","version":"1.0.0","main":"index.js"}\n');
  await put(join(nativeDir, 'index.js'), "module.exports = require('./build/Release/fake.node');\n");
  await put(join(nativeDir, 'build/Release/fake.node'), Buffer.from('\x7fELF not really a binary'));
  const devDir = join(projectDir, 'node_modules/fake-dev-tool');
  await put(join(devDir, 'package.json'), '{"name":"fake-dev-tool","version":"1.0.0","main":"index.js"}\n');
  await put(join(devDir, 'index.js'), 'module.exports = 1;\n');

  const electronDist = join(root, 'electron-dist');
  const stub = join(electronDist, 'electron');
  await put(
    stub,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stub Electron for packaging tests"\nexit 0\n# '),
      Buffer.from(FUSE_SENTINEL, 'ascii'),
      Buffer.from([1, DEFAULT_FUSES.length]),
      Buffer.from(DEFAULT_FUSES, 'ascii'),
      Buffer.from('\n'),
    ]),
  );
  await chmod(stub, 0o755);
  return { projectDir, electronDist };
}

async function packDir(projectDir: string, electronDist: string): Promise<string> {
  const { build, Platform, Arch } = electronBuilder;
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    config: { electronDist, electronVersion: ELECTRON_VERSION, npmRebuild: false },
    publish: 'never',
  });
  return join(projectDir, 'release', 'linux-unpacked');
}

/** Paths of all files in an asar archive (header: 4 pickle uint32s, then the JSON file tree). */
async function asarFiles(asarPath: string): Promise<string[]> {
  const buf = await readFile(asarPath);
  const jsonLength = buf.readUInt32LE(12);
  type Node = { files?: Record<string, Node> };
  const tree = JSON.parse(buf.toString('utf8', 16, 16 + jsonLength)) as Node;
  const out: string[] = [];
  const walk = (node: Node, prefix: string): void => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, path);
      else out.push(path);
    }
  };
  walk(tree, '');
  return out;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

describe('electron-builder --dir with the release config (offline, stub Electron)', () => {
  it('packs app.asar, unpacks native addons, copies resources/data and flips the fuses', { timeout: 60_000 }, async () => {
    const { projectDir, electronDist } = await makeFakeProject(true);
    const appDir = await packDir(projectDir, electronDist);

    // The stub runtime became the app's executable (linux.executableName).
    const exe = await stat(join(appDir, 'bluebag'));
    expect(exe.mode & 0o111).not.toBe(0);

    const files = await asarFiles(join(appDir, 'resources/app.asar'));
    expect(files).toEqual(expect.arrayContaining(['dist/main/main.js', 'dist/renderer/index.html', 'package.json']));
    // Only dist/ and package.json from the project; no sources, config or build resources.
    expect(files.filter((f) => f.startsWith('src-main/') || f.startsWith('resources/'))).toEqual([]);
    expect(files).not.toContain('electron-builder.yml');
    // Production dependencies ship, devDependencies do not.
    expect(files).toContain('node_modules/fake-native/package.json');
    expect(files.filter((f) => f.includes('fake-dev-tool'))).toEqual([]);
    // The native addon is outside the archive, where it can be loaded.
    expect(await exists(join(appDir, 'resources/app.asar.unpacked/node_modules/fake-native/build/Release/fake.node'))).toBe(
      true,
    );
    // extraResources: resources/data/** -> <resources>/data/
    expect(await readFile(join(appDir, 'resources/data/bank-holidays.json'), 'utf8')).toContain('england-and-wales');

    // Fuses from electron-builder.yml were written into the executable.
    const exeBytes = await readFile(join(appDir, 'bluebag'));
    const at = exeBytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    const wire = exeBytes.toString('ascii', at + 2, at + 2 + DEFAULT_FUSES.length);
    expect(wire[0]).toBe('0'); // runAsNode: false
    expect(wire[1]).toBe('1'); // enableCookieEncryption: true
    expect(wire[2]).toBe('0'); // enableNodeOptionsEnvironmentVariable: false
    expect(wire[3]).toBe('0'); // enableNodeCliInspectArguments: false
    expect(wire[5]).toBe('1'); // onlyLoadAppFromAsar: true
  });

  it('still packs when resources/data does not exist yet', { timeout: 60_000 }, async () => {
    const { projectDir, electronDist } = await makeFakeProject(false);
    const appDir = await packDir(projectDir, electronDist);
    expect(await exists(join(appDir, 'resources/app.asar'))).toBe(true);
    expect(await exists(join(appDir, 'resources/data'))).toBe(false);
  });
});
