/** Where the extraction worker's entry is: beside this module (see core/workers for why it is done so). */
import { workerLaunch, type WorkerLaunch } from '../workers';

export type { WorkerLaunch } from '../workers';
export const WORKER_BASENAME = 'extraction-worker';

/** Null when the worker file is not where it should be (a build without the worker entry). */
export function extractionWorkerLaunch(): WorkerLaunch | null {
  return workerLaunch(import.meta.url, WORKER_BASENAME);
}
