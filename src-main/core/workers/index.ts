/** Starting worker threads the same way compiled and from source. */
export { workerLaunch, type WorkerLaunch } from './worker-launch';
