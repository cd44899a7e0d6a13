import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Figures = Record<string, number | string | boolean | null>;

/** The machine a figure was measured on travels with it: ratios survive noisy machines, raw ms do not. */
export function machine(): Figures {
  return {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model ?? 'unknown',
    memory_gb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** Prints a readable table and writes bench-results/<name>.json. */
export function report(name: string, figures: Figures, notes: Record<string, string> = {}): void {
  const width = Math.max(...Object.keys(figures).map((key) => key.length));
  console.log(`\n${name}`);
  console.log('-'.repeat(width + 24));
  for (const [key, value] of Object.entries(figures)) {
    const note = notes[key] ? `  (${notes[key]})` : '';
    console.log(`${key.padEnd(width)}  ${String(value).padStart(12)}${note}`);
  }
  const dir = path.resolve('bench-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ name, date: new Date().toISOString(), machine: machine(), figures, notes }, null, 2)}\n`);
  console.log(`→ ${path.relative(process.cwd(), file)}`);
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The middle value; for an even count, the mean of the two middle ones (percentile(…, 50) takes the lower). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}
