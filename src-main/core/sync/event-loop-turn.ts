/**
 * Resumes after one whole turn of the event loop: timers and I/O (the renderer's calls, the downloads'
 * bytes) run first. One setImmediate is not enough: a response arrives in the poll phase and the
 * immediate runs in the check phase straight after it, so timers and I/O would wait for both halves.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
