/** Reads fetch the form's view; writes (save, submit, discard…) change it and answer with it. */
export type FormCallKind = 'read' | 'write';

/**
 * The calls one form screen makes, in order. A read starts only once every call queued before it has
 * answered, so its answer reflects all of them whatever the transport does: in browser mode each call
 * is its own HTTP request, and a read sent just after a save could reach main first on another
 * connection and answer with the answers from before that save. A write waits only for earlier
 * writes, never for a read: the save made as the window closes must go at once.
 */
export class FormCallQueue {
  #all: Promise<unknown> = Promise.resolve();
  #writes: Promise<unknown> = Promise.resolve();
  #queued = 0;

  /** Queues a call: its place in the order at once, its answer when it comes. */
  enqueue<R>(call: () => Promise<R>, kind: FormCallKind): { seq: number; answer: Promise<R> } {
    const seq = ++this.#queued;
    const answer = (kind === 'read' ? this.#all : this.#writes).then(call);
    // A call that fails (or throws) must not hold up the ones behind it.
    const settled = answer.catch(() => undefined);
    this.#all = Promise.all([this.#all, settled]);
    if (kind === 'write') this.#writes = settled;
    return { seq, answer };
  }
}
