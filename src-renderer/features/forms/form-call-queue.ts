/**
 * The calls one form screen makes (read, save, submit…), run one after another in the order they were
 * made. Each answer therefore reflects every call queued before it, whatever the transport does: in
 * browser mode each call is its own HTTP request, and a read sent just after a save can reach main
 * first on another connection and answer with the answers from before that save.
 */
export class FormCallQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #queued = 0;

  /** Queues a call behind every earlier one: its place in the order at once, its answer when it comes. */
  enqueue<R>(call: () => Promise<R>): { seq: number; answer: Promise<R> } {
    const seq = ++this.#queued;
    const answer = this.#tail.then(call);
    // A call that fails (or throws) must not hold up the ones behind it.
    this.#tail = answer.catch(() => undefined);
    return { seq, answer };
  }
}
