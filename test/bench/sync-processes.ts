/**
 * The sync benchmark's child processes: each is `node --import tsx <script>` (or `node <built.js>`) and says what it has to
 * say as one JSON line on stdout (other lines are passed through to stderr).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface JsonChild<T> {
  child: ChildProcess;
  /** The first JSON line the child printed. */
  message: T;
}

/**
 * Starts a bench script in its own Node process and waits for its JSON line (rejects if it exits
 * first). `script` is a .ts beside this file, run through tsx, or an absolute path to built
 * JavaScript, run as it is.
 */
export async function startJsonChild<T>(script: string, args: readonly string[], label: string, nodeArgs: readonly string[] = []): Promise<JsonChild<T>> {
  const built = path.isAbsolute(script) && script.endsWith('.js');
  const file = built ? script : fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(process.execPath, [...nodeArgs, ...(built ? [] : ['--import', 'tsx']), file, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  if (!child.stdout) throw new Error(`no stdout from ${label}`);
  const lines = createInterface({ input: child.stdout });
  const message = await new Promise<T>((resolve, reject) => {
    // 'close' (not 'exit'): by then every line it printed has been read.
    child.once('close', (code, signal) => reject(new Error(`${label} exited (${code ?? signal}) before it reported`)));
    lines.on('line', (line) => {
      if (line.startsWith('{')) {
        try {
          resolve(JSON.parse(line) as T);
          return;
        } catch {
          // not ours: pass it through
        }
      }
      process.stderr.write(`${label}: ${line}\n`);
    });
  });
  child.removeAllListeners('close');
  return { child, message };
}

/** Ends a child (SIGTERM) and waits until it has gone. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** Waits for a child that ends by itself; rejects on a non-zero exit. */
export function childExit(child: ChildProcess, label: string): Promise<void> {
  const settle = (code: number | null): Promise<void> => (code === 0 ? Promise.resolve() : Promise.reject(new Error(`${label} exited ${code}`)));
  if (child.exitCode !== null) return settle(child.exitCode);
  return new Promise((resolve, reject) => child.once('exit', (code) => settle(code).then(resolve, reject)));
}
