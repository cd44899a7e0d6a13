/**
 * Run the sandbox on its own:
 *   npx tsx src-sandbox/cli.ts --port 8787 --data small [--seed 20240607] [--anchor 2026-11-23] [--control-port 8788] [--cache-dir DIR] [--state FILE]
 */
import { parseArgs } from 'node:util';
import { startSandbox } from './index';

function fail(message: string): never {
  process.stderr.write(`${message}\nusage: tsx src-sandbox/cli.ts --port N --data small|large [--seed S] [--anchor YYYY-MM-DD] [--control-port M] [--cache-dir DIR] [--state FILE]\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    data: { type: 'string', default: 'small' },
    seed: { type: 'string' },
    anchor: { type: 'string' },
    'control-port': { type: 'string' },
    'cache-dir': { type: 'string' },
    state: { type: 'string' },
  },
  strict: true,
});

const int = (s: string | undefined, name: string): number | undefined => {
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s)) fail(`--${name} must be a whole number`);
  return Number(s);
};
const dataset = values.data;
if (dataset !== 'small' && dataset !== 'large') fail('--data must be small or large');

let lastPct = -1;
const sandbox = await startSandbox({
  dataset,
  port: int(values.port, 'port') ?? 0,
  ...(values.seed === undefined ? {} : { seed: int(values.seed, 'seed') ?? 0 }),
  ...(values.anchor === undefined ? {} : { anchorDate: values.anchor }),
  ...(values['control-port'] === undefined ? {} : { controlPort: int(values['control-port'], 'control-port') ?? 0 }),
  ...(values['cache-dir'] === undefined ? {} : { cacheDir: values['cache-dir'] }),
  ...(values.state === undefined ? {} : { stateFile: values.state }),
  onProgress: ({ done, total, phase }) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (pct !== lastPct && pct % 10 === 0) {
      lastPct = pct;
      process.stderr.write(`generating ${phase}: ${done}/${total}\n`);
    }
  },
});

const g = sandbox.generation;
process.stdout.write(
  [
    `CP sandbox (${sandbox.dataset}, seed ${sandbox.seed}, anchor ${sandbox.anchorDate})`,
    `API:     ${sandbox.url}`,
    `Control: ${sandbox.controlUrl ?? '(none: pass --control-port)'}`,
    `State:   ${sandbox.persistence ? `${sandbox.persistence.stateFile} (${sandbox.persistence.startedFrom === 'file' ? 'carried on' : 'new'})` : 'in memory (pass --state FILE to keep it)'}`,
    `PDFs:    ${g.materials} materials, ${(g.totalBytes / 1e6).toFixed(1)} MB, ${g.generated ? `generated in ${(g.ms / 1000).toFixed(1)} s` : 'reused from cache'} (${g.cacheDir})`,
    '',
  ].join('\n'),
);

const shutdown = (): void => {
  sandbox.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
