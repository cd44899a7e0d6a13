/**
 * The search benchmark's documents: the sandbox's "large" world for two seeds (~49,000 pages of
 * IDPC bundles, statements, exhibits and evidence bundles, about half of them typed text and half
 * scanned images), drawn once by the sandbox's own renderer into a cache under the system temp folder
 * and encrypted once into a vault there. Each run then builds a fresh database over that vault, so
 * indexing always starts from nothing.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../src-main/core/db';
import { Vault } from '../../src-main/core/vault';
import { ensureGenerated } from '../../src-sandbox/pdf/cache';
import type { DocContext, MaterialPlan } from '../../src-sandbox/pdf/plan';
import { generateDataset } from '../../src-sandbox/seed/dataset';

export const SEARCH_CORPUS_DIR = path.join(os.tmpdir(), 'bluebag-search-bench');
const SEEDS = [20_240_607, 20_240_608] as const;
const ANCHOR = '2026-03-10';
/** Bump when what the vault holds changes: a stale vault is rebuilt. */
const VAULT_VERSION = 1;

export interface CorpusMaterial {
  readonly materialId: string;
  readonly documentId: string;
  readonly caseId: string;
  readonly file: string;
  readonly size: number;
  readonly pages: number;
  readonly textPages: number;
  readonly context: DocContext;
}

export interface CorpusCase {
  readonly id: string;
  readonly urn: string;
  readonly status: string;
  readonly nextHearingAt: string | null;
}

export interface CorpusDocument {
  readonly id: string;
  readonly caseId: string;
  readonly section: string;
  readonly name: string;
}

export interface SearchCorpus {
  readonly cases: readonly CorpusCase[];
  readonly documents: readonly CorpusDocument[];
  readonly materials: readonly CorpusMaterial[];
  readonly vaultDir: string;
  readonly vaultKey: Buffer;
  readonly pages: number;
  readonly textPages: number;
  readonly bytes: number;
}

export async function ensureSearchCorpus(log: (line: string) => void = () => undefined): Promise<SearchCorpus> {
  const cases: CorpusCase[] = [];
  const documents: CorpusDocument[] = [];
  const materials: CorpusMaterial[] = [];
  for (const seed of SEEDS) {
    const world = generateDataset('large', seed, ANCHOR);
    // Scans embedded once per file ('shared'): the text, which is what search reads, is the same;
    // the files stay small enough to generate in a minute or two.
    const plans: MaterialPlan[] = world.documents.flatMap((d) => d.materials.map((m) => ({ ...m.plan, scanMode: 'shared' as const })));
    const started = Date.now();
    const { dir, manifest, generated } = await ensureGenerated({
      cacheDir: SEARCH_CORPUS_DIR,
      dataset: 'large',
      seed,
      anchorDate: ANCHOR,
      plans,
      scanMode: 'shared',
    });
    if (generated) log(`generated ${plans.length} PDFs for seed ${seed} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    for (const c of world.cases) {
      const next = c.hearings.flatMap((h) => h.hearingDays.map((d) => d.sittingDay)).filter((day) => day >= ANCHOR).sort()[0] ?? null;
      cases.push({ id: c.id, urn: c.urn, status: c.caseStatus, nextHearingAt: next });
    }
    for (const d of world.documents) {
      documents.push({ id: d.courtDocumentId, caseId: d.caseId, section: d.section, name: d.name });
      for (const m of d.materials) {
        const entry = manifest.materials[m.id];
        if (!entry) throw new Error('generated corpus is missing a material');
        const scans = m.plan.parts.reduce((n, p) => n + (p.kind === 'scans' ? p.pages : 0), 0);
        materials.push({
          materialId: m.id,
          documentId: d.courtDocumentId,
          caseId: d.caseId,
          file: path.join(dir, entry.fileName),
          size: entry.size,
          pages: entry.pageCount,
          textPages: entry.pageCount - scans,
          context: m.plan.context,
        });
      }
    }
  }
  const { vaultDir, vaultKey } = await ensureVault(materials, log);
  return {
    cases,
    documents,
    materials,
    vaultDir,
    vaultKey,
    pages: materials.reduce((n, m) => n + m.pages, 0),
    textPages: materials.reduce((n, m) => n + m.textPages, 0),
    bytes: materials.reduce((n, m) => n + m.size, 0),
  };
}

/** Every material encrypted into one vault, once (a key file beside it: bench data, not a secret). */
async function ensureVault(materials: readonly CorpusMaterial[], log: (line: string) => void): Promise<{ vaultDir: string; vaultKey: Buffer }> {
  const vaultDir = path.join(SEARCH_CORPUS_DIR, `vault-v${VAULT_VERSION}`);
  const keyFile = `${vaultDir}.key`;
  const doneFile = `${vaultDir}.done`;
  const want = materials.map((m) => m.materialId).sort().join('\n');
  if (existsSync(doneFile) && existsSync(keyFile) && readFileSync(doneFile, 'utf8') === want) {
    return { vaultDir, vaultKey: Buffer.from(readFileSync(keyFile, 'utf8'), 'hex') };
  }
  const started = Date.now();
  await rm(vaultDir, { recursive: true, force: true });
  await mkdir(vaultDir, { recursive: true });
  const vaultKey = randomBytes(32);
  writeFileSync(keyFile, vaultKey.toString('hex'));
  // A long sync interval: these writes need no durability, only the bytes.
  const vault = new Vault(vaultDir, vaultKey, { syncIntervalBytes: 1 << 30 });
  for (const m of materials) {
    const writer = await vault.openWriter(m.materialId);
    for await (const chunk of createReadStream(m.file, { highWaterMark: 1 << 20 })) await writer.write(chunk as Buffer);
    await writer.finish();
  }
  writeFileSync(doneFile, want);
  log(`encrypted ${materials.length} documents into the bench vault in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { vaultDir, vaultKey };
}

/** The corpus's cases, documents and materials as sync would have written them: every material stored. */
export function writeCorpusRows(db: Database, corpus: SearchCorpus): void {
  const insertCase = db.prepare(`INSERT INTO cases (id, urn, status, version, next_hearing_at, synced_at) VALUES (?, ?, ?, 1, ?, '2026-03-10T09:00:00Z')`);
  const insertDocument = db.prepare(`INSERT INTO documents (id, case_id, section, name, defendant_ids_json, is_removed) VALUES (?, ?, ?, ?, '[]', 0)`);
  const insertMaterial = db.prepare(
    `INSERT INTO materials (id, document_id, uploaded_at, size, page_count, sha256, download_state) VALUES (?, ?, '2026-03-01T10:00:00Z', ?, ?, '-', 'stored')`,
  );
  db.transaction(() => {
    for (const c of corpus.cases) insertCase.run(c.id, c.urn, c.status, c.nextHearingAt);
    for (const d of corpus.documents) insertDocument.run(d.id, d.caseId, d.section, d.name);
    for (const m of corpus.materials) insertMaterial.run(m.materialId, m.documentId, m.size, m.pages);
  })();
}
