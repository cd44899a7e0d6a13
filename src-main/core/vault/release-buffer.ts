/**
 * Frees a buffer's memory now instead of when the garbage collector gets round to it.
 *
 * Every MiB the vault seals is a MiB of fresh ciphertext (Node's cipher.update always allocates its
 * output), garbage as soon as it has been written. V8 frees such memory only when it collects, and it
 * lets about 64 MiB of it pile up per isolate before it does; the writer thread is a second isolate,
 * so that was a second 64 MiB high-water mark in the process's RSS, which the C allocator then keeps.
 * Detaching the ArrayBuffer (`transfer(0)`, ES2024) releases its backing store at once.
 *
 * Only a buffer that is the whole of its ArrayBuffer is released: a view into a larger (pooled or
 * shared) one would take its neighbours with it. Where the runtime lacks `transfer` (Node 20 without
 * --harmony-rab-gsab-transfer; Electron and Node 22+ have it) this does nothing and the collector
 * frees the memory as before.
 */
type Detachable = ArrayBuffer & { transfer?: (newByteLength?: number) => ArrayBuffer };

/** Smaller buffers are not worth a call: the nonces and tags are a few bytes each. */
const MIN_RELEASE_BYTES = 4096;

export function releaseBuffer(view: Uint8Array): void {
  const buffer: ArrayBufferLike = view.buffer;
  if (!(buffer instanceof ArrayBuffer) || view.byteLength < MIN_RELEASE_BYTES) return;
  if (view.byteOffset !== 0 || view.byteLength !== buffer.byteLength) return;
  const detachable: Detachable = buffer;
  detachable.transfer?.(0);
}
