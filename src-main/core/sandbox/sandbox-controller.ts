import path from 'node:path';
import type { SandboxStatus } from '../../../src-preload/api';
import type { Faults } from '../../../src-sandbox/faults-schema';
import { BluebagError } from '../errors';
import type { EventBus } from '../events';
import type * as SandboxEntry from '../../../src-sandbox/index';
import { readRememberedFaults, rememberFaults } from './remembered-faults';
import { readRememberedPort, rememberPort } from './remembered-port';

type SandboxModule = typeof SandboxEntry;
type Sandbox = Awaited<ReturnType<SandboxModule['startSandbox']>>;
type Dataset = 'small' | 'large';

export interface SandboxControllerOptions {
  /**
   * Folder for the sample world's state (`state-small.json`, `state-large.json` and their `.files/`
   * folders) and the last port (`port.json`). With it, an app restart finds the same world on the same
   * URL: still signed in, associations, forms and served documents kept, fault switches as they were
   * left (`faults.json`). Without it (tests), every start
   * is fresh, in memory, on any free port.
   */
  readonly stateDir?: string;
  /** Loads the sandbox module; lazily by default, since its data generator is heavy and real-CP users never need it. */
  readonly load?: () => Promise<SandboxModule>;
}

const STOPPED: SandboxStatus = {
  state: 'stopped',
  dataset: null,
  url: null,
  progress: null,
  faults: null,
  errorKey: null,
};

/**
 * Runs the Common Platform sandbox inside the app for "Explore with sample cases". The app talks to it
 * only over HTTP, exactly as it would to CP; this controller merely starts, stops and sets its fault
 * switches (the demo's "pretend the court Wi-Fi dropped" controls).
 */
export class SandboxController {
  #status: SandboxStatus = STOPPED;
  #sandbox: Sandbox | null = null;
  #starting: Promise<SandboxStatus> | null = null;

  readonly #stateDir: string | null;
  readonly #load: () => Promise<SandboxModule>;

  constructor(
    private readonly bus: EventBus,
    private readonly cacheDir: string,
    options: SandboxControllerOptions = {},
  ) {
    this.#stateDir = options.stateDir ?? null;
    this.#load = options.load ?? (() => import('../../../src-sandbox/index'));
  }

  status(): SandboxStatus {
    return this.#status;
  }

  url(): string | null {
    return this.#sandbox?.url ?? null;
  }

  start(dataset: Dataset): Promise<SandboxStatus> {
    if (this.#starting) return this.#starting;
    if (this.#sandbox && this.#sandbox.dataset === dataset) return Promise.resolve(this.#status);
    this.#starting = this.#start(dataset).finally(() => {
      this.#starting = null;
    });
    return this.#starting;
  }

  async stop(): Promise<SandboxStatus> {
    await this.#starting?.catch(() => undefined);
    const sandbox = this.#sandbox;
    this.#sandbox = null;
    if (sandbox) await sandbox.stop();
    this.#set(STOPPED);
    return this.#status;
  }

  async setFaults(patch: Partial<Faults>): Promise<SandboxStatus> {
    const sandbox = this.#requireRunning();
    return this.#faultsChanged(await sandbox.setFaults(patch));
  }

  async resetFaults(): Promise<SandboxStatus> {
    const sandbox = this.#requireRunning();
    return this.#faultsChanged(await sandbox.resetFaults());
  }

  /** Kept for the next start: a server the user switched off must not come back on by itself. */
  async #faultsChanged(faults: Faults): Promise<SandboxStatus> {
    this.#set({ ...this.#status, faults });
    if (this.#stateDir !== null) {
      await rememberFaults(this.#stateDir, faults).catch((error: unknown) => {
        console.warn('[sandbox] could not remember its fault switches:', (error as NodeJS.ErrnoException).code ?? 'unknown');
      });
    }
    return this.#status;
  }

  async #start(dataset: Dataset): Promise<SandboxStatus> {
    if (this.#sandbox) await this.stop();
    this.#set({ ...STOPPED, state: 'starting', dataset, progress: { done: 0, total: 0 } });
    try {
      const { startSandbox } = await this.#load();
      const stateDir = this.#stateDir;
      const options: Parameters<SandboxModule['startSandbox']>[0] = {
        port: 0,
        dataset,
        cacheDir: this.cacheDir,
        // One file per dataset: switching between small and large keeps both worlds.
        ...(stateDir === null ? {} : { stateFile: path.join(stateDir, `state-${dataset}.json`) }),
        onProgress: ({ done, total }) => {
          if (this.#status.state === 'starting') this.#set({ ...this.#status, progress: { done, total } });
        },
      };
      const preferred = stateDir === null ? null : await readRememberedPort(stateDir);
      let sandbox: Sandbox;
      try {
        sandbox = await startSandbox({ ...options, port: preferred ?? 0 });
      } catch (error) {
        // Someone else has the old port now: any port will do (the user signs in again there).
        if (preferred === null || !isPortUnavailable(error)) throw error;
        sandbox = await startSandbox(options);
      }
      if (stateDir !== null && sandbox.port !== preferred) {
        await rememberPort(stateDir, sandbox.port).catch((error: unknown) => {
          console.warn('[sandbox] could not remember its port:', (error as NodeJS.ErrnoException).code ?? 'unknown');
        });
      }
      const remembered = stateDir === null ? null : await readRememberedFaults(stateDir);
      if (remembered) await sandbox.setFaults(remembered);
      this.#sandbox = sandbox;
      this.#set({
        state: 'running',
        dataset,
        url: sandbox.url,
        progress: null,
        faults: sandbox.getFaults(),
        errorKey: null,
      });
    } catch (error) {
      console.error('[sandbox] failed to start:', error instanceof Error ? error.message : 'unknown');
      this.#set({ ...STOPPED, state: 'failed', dataset, errorKey: 'errors.sandboxFailed' });
      throw new BluebagError('unavailable', 'errors.sandboxFailed', { cause: error });
    }
    return this.#status;
  }

  #requireRunning(): Sandbox {
    if (!this.#sandbox) throw new BluebagError('conflict', 'errors.sandboxNotRunning');
    return this.#sandbox;
  }

  #set(next: SandboxStatus): void {
    this.#status = next;
    this.bus.emit('sandbox.changed', next);
  }
}

function isPortUnavailable(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EADDRINUSE' || code === 'EACCES';
}
