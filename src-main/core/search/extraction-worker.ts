/**
 * worker_threads entry: extracts the text of one document at a time for the search index. Bytes come
 * from main on request (see worker-messages.ts); pages go back in batches, each acknowledged once main
 * has written it. Bundled as dist/main/extraction-worker.js (scripts/build.mjs).
 */
import { parentPort } from 'node:worker_threads';
import { ExtractionError, extractPages } from './pdf-page-text';
import { BATCH_MAX_CHARS, BATCH_MAX_PAGES, type FromWorker, type ToWorker } from './worker-messages';

const port = parentPort;
if (port) {
  let nextRequestId = 1;
  const reads = new Map<number, (data: Uint8Array) => void>();
  const acks = new Map<number, () => void>();
  const send = (message: FromWorker): void => port.postMessage(message);

  const run = async (jobId: number, size: number, fromPage: number): Promise<void> => {
    try {
      const pageCount = await extractPages({
        size,
        fromPage,
        batch: { maxPages: BATCH_MAX_PAGES, maxChars: BATCH_MAX_CHARS },
        read: (begin, end) =>
          new Promise<Uint8Array>((resolve) => {
            const requestId = nextRequestId++;
            reads.set(requestId, resolve);
            send({ type: 'read', jobId, requestId, begin, end });
          }),
        emit: (pages) =>
          new Promise<void>((resolve) => {
            acks.set(jobId, resolve);
            send({ type: 'pages', jobId, pages });
          }),
      });
      send({ type: 'done', jobId, pageCount });
    } catch (error) {
      send({ type: 'failed', jobId, reason: error instanceof ExtractionError ? error.reason : 'unreadable' });
    }
  };

  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'extract':
        void run(message.jobId, message.size, message.fromPage);
        return;
      case 'range': {
        const resolve = reads.get(message.requestId);
        reads.delete(message.requestId);
        resolve?.(message.data);
        return;
      }
      case 'ack': {
        const resolve = acks.get(message.jobId);
        acks.delete(message.jobId);
        resolve?.();
        return;
      }
    }
  });
}
