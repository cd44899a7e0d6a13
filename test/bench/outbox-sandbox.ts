/**
 * The outbox benchmark's sandbox, in its own process so that the benchmark process's event loop and
 * CPU are the app's (and the baseline's) alone: the small dataset, uploads up to 100 MB. Prints one
 * JSON line ({ url, controlUrl }) when ready; stops on SIGTERM / SIGINT / stdin closing.
 */
import { startSandbox } from '../../src-sandbox/index';
import { stopWithParent } from './sandbox-process';

const sandbox = await startSandbox({ dataset: 'small', port: 0, controlPort: 0, anchorDate: '2026-11-23', maxUploadBytes: 100 * 1024 * 1024, log: () => undefined });
stopWithParent(sandbox);
console.log(JSON.stringify({ url: sandbox.url, controlUrl: sandbox.controlUrl }));
