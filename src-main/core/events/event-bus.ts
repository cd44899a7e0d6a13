import type { EventName, EventPayload } from '../../../src-preload/api';

export type AnyEventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** Typed fan-out of contract events to whichever transports are attached (IPC window, SSE clients). */
export class EventBus {
  readonly #listeners = new Set<AnyEventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners) {
      try {
        listener(name, payload);
      } catch (error) {
        // One broken transport must not stop the others from hearing the event.
        console.error(`[events] a listener failed on ${name}:`, error instanceof Error ? error.name : 'unknown');
      }
    }
  }

  subscribe(listener: AnyEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
