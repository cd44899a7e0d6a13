import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BrowserModeApp {
  /** The address with the token, as `npm start` prints it. */
  url: string;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Sample documents are generated once per machine and reused by every test, as in real use. */
export const SHARED_SANDBOX_CACHE = path.join(os.tmpdir(), 'bluebag-e2e-sandbox-cache');

/**
 * Starts the built browser-mode host (dist/main/host.js) as a real process on a fresh data folder —
 * the same thing `npm start` runs where Electron is missing.
 */
export async function startBrowserMode(options: { dataDir?: string } = {}): Promise<BrowserModeApp> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'bluebag-e2e-'));
  const child = spawn(
    process.execPath,
    ['dist/main/host.js', '--port', '0', '--data-dir', dataDir, '--sandbox-cache-dir', SHARED_SANDBOX_CACHE, '--no-open'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BLUEBAG_NO_OPEN: '1' } },
  );
  const url = await readyUrl(child);
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    stop: async () => {
      await stopProcess(child);
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function readyUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /ready: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
