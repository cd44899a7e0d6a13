/**
 * worker_threads entry: renders the MaterialPlans it is sent, one at a time, and
 * reports each result. Lets PDF generation use both cores of a laptop or CI box.
 */
import { parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import type { MaterialPlan } from './plan';
import { renderMaterial, type RenderedMaterial } from './render';
import { loadScanPool } from './scan-pool';

export interface WorkerInit {
  readonly poolPaths: readonly string[];
  readonly outDir: string;
}

export type WorkerRequest = { readonly type: 'render'; readonly plan: MaterialPlan } | { readonly type: 'exit' };

export type WorkerReply =
  | { readonly type: 'done'; readonly result: RenderedMaterial }
  | { readonly type: 'failed'; readonly materialId: string; readonly message: string };

const port = parentPort;
if (port) {
  const init = workerData as WorkerInit;
  const poolReady = loadScanPool(init.poolPaths);
  port.on('message', (msg: WorkerRequest) => {
    if (msg.type === 'exit') {
      port.close();
      return;
    }
    const plan = msg.plan;
    poolReady
      .then((pool) => renderMaterial(plan, path.join(init.outDir, plan.fileName), pool))
      .then((result) => port.postMessage({ type: 'done', result } satisfies WorkerReply))
      .catch((err: unknown) => port.postMessage({ type: 'failed', materialId: plan.materialId, message: err instanceof Error ? err.message : String(err) } satisfies WorkerReply));
  });
}
