import type { ReadingPosition } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';

/**
 * Keeps where the reader is in a document, without a write per scroll event: the latest position is
 * saved 500 ms after the reader stops moving, and at once when the document closes or the window hides
 * (so a crash or a closed lid loses at most half a second of reading).
 */
export class ReadingPositionSaver {
  readonly #delayMs: number;
  #pending: ReadingPosition | null = null;
  #lastSaved: string | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(delayMs = 500) {
    this.#delayMs = delayMs;
  }

  update(position: ReadingPosition): void {
    if (JSON.stringify(position) === this.#lastSaved && this.#pending === null) return;
    this.#pending = position;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.#delayMs);
  }

  /** Remembers what was read from the store as already saved (no write just for opening). */
  markSaved(position: ReadingPosition): void {
    this.#lastSaved = JSON.stringify(position);
  }

  async flush(): Promise<void> {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const position = this.#pending;
    this.#pending = null;
    if (!position) return;
    const serialised = JSON.stringify(position);
    if (serialised === this.#lastSaved) return;
    this.#lastSaved = serialised;
    const result = await bridge.call('reading.setPosition', position);
    // Not saved (the cache closed, say): try again with the next move rather than lose it silently.
    if (!result.ok) this.#lastSaved = null;
  }
}
