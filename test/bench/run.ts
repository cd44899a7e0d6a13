/**
 * `npm run bench [-- name …]`: runs the named benchmarks (all by default). Each prints a table and
 * writes bench-results/<name>.json; docs/BENCHMARKS.md records the latest figures.
 */
import { caseListBench } from './case-list.bench';
import { outboxBench } from './outbox.bench';
import { sandboxBench } from './sandbox.bench';
import { syncBench } from './sync.bench';
import { viewerBench } from './viewer.bench';

const BENCHES: Record<string, () => Promise<void>> = {
  sandbox: sandboxBench,
  cases: caseListBench,
  sync: syncBench,
  viewer: viewerBench,
  outbox: outboxBench,
};

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = requested.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
for (const name of requested.length > 0 ? requested : Object.keys(BENCHES)) {
  const bench = BENCHES[name];
  if (bench) await bench();
}
