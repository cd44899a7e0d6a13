/**
 * Saves the state file soon after each change: changes arriving close together
 * (a sync touching many cases, a burst of form saves) share one write, writes never
 * overlap, and `flush()` (on stop) waits until everything so far is on disk.
 * The snapshot is taken synchronously when the write starts, so it is never torn.
 */
import path from 'node:path';
import { writeFileAtomic } from './state-file';

export class StateSaver {
  private timer: NodeJS.Timeout | null = null;
  private dirty = false;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly serialise: () => string,
    private readonly log: (line: string) => void,
    private readonly delayMs = 200,
  ) {}

  markDirty(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.save();
    }, this.delayMs);
    // A pending save must not keep a finished test or script alive; stop() flushes it.
    this.timer.unref();
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.save();
  }

  private save(): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      try {
        await writeFileAtomic(this.file, this.serialise());
      } catch (err) {
        this.dirty = true; // try again with the next change or on stop
        this.log(`could not save ${path.basename(this.file)} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    });
    return this.chain;
  }
}
