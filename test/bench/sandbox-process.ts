/**
 * For a benchmark's sandbox run in a process of its own: stop it and exit on SIGTERM, SIGINT, or the
 * parent closing stdin (so a benchmark that dies never leaves a sandbox behind).
 */
export function stopWithParent(sandbox: { stop(): Promise<void> }): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}
