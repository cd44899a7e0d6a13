import type { SandboxStatus } from '../../../src-preload/api';
import type { Faults } from '../../../src-sandbox/faults-schema';
import { BluebagError } from '../errors';
import type { EventBus } from '../events';
import type * as SandboxEntry from '../../../src-sandbox/index';

type SandboxModule = typeof SandboxEntry;
type Sandbox = Awaited<ReturnType<SandboxModule['startSandbox']>>;
type Dataset = 'small' | 'large';

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

  constructor(
    private readonly bus: EventBus,
    private readonly cacheDir: string,
    // Loaded lazily: the sandbox's data generator is heavy and real-CP users never need it.
    private readonly load: () => Promise<SandboxModule> = () => import('../../../src-sandbox/index'),
  ) {}

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
    const faults = await sandbox.setFaults(patch);
    this.#set({ ...this.#status, faults });
    return this.#status;
  }

  async resetFaults(): Promise<SandboxStatus> {
    const sandbox = this.#requireRunning();
    const faults = await sandbox.resetFaults();
    this.#set({ ...this.#status, faults });
    return this.#status;
  }

  async #start(dataset: Dataset): Promise<SandboxStatus> {
    if (this.#sandbox) await this.stop();
    this.#set({ ...STOPPED, state: 'starting', dataset, progress: { done: 0, total: 0 } });
    try {
      const { startSandbox } = await this.load();
      const sandbox = await startSandbox({
        port: 0,
        dataset,
        cacheDir: this.cacheDir,
        onProgress: ({ done, total }) => {
          if (this.#status.state === 'starting') this.#set({ ...this.#status, progress: { done, total } });
        },
      });
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
