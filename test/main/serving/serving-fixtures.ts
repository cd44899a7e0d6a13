/**
 * A real core (real SQLite on disk, the real outbox vault) signed in to a real sandbox over loopback,
 * for the serving and check-in tests; and the files they stage.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { CaseSummary, SessionStatus } from '../../../src-preload/api';
import type { CoreApp, CoreOptions, StageResult } from '../../../src-main/core';
import { openDatabase, type Database } from '../../../src-main/core/db';
import { deriveKey, FileKeyProvider } from '../../../src-main/core/keys';
import { FIRM_1_ID, type Sandbox, type StartSandboxOptions } from '../../../src-sandbox/index';
import { browserSignIn } from '../auth/helpers';
import { makeCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';
import { FIRM1_SOLICITOR, seedData, startTestSandbox } from '../../sandbox/helpers';

export { tinyPdf, sha256Hex, offsetToNoon } from '../../sandbox/helpers';

export interface ServingWorld {
  readonly sb: Sandbox;
  readonly dataDir: string;
  core: CoreApp;
  call<T>(method: string, args?: unknown): Promise<T>;
  /** The call's error key, for calls expected to fail. */
  failure(method: string, args?: unknown): Promise<string>;
  stage(caseId: string, name: string, bytes: Buffer | AsyncIterable<Uint8Array>, declared?: number | null): Promise<StageResult>;
  /** Signs in through the sandbox's login page, and waits for the first sync. */
  signIn(): Promise<void>;
  /** Stops the core and starts a new one on the same data folder (a restart of the app). */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export async function until<T>(read: () => Promise<T> | T, ok: (value: T) => boolean, ms = 20_000, pollMs = 25): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`condition not met in time: ${JSON.stringify(value).slice(0, 600)}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

const seed = seedData();
const firm1 = new Set(seed.associations.filter((a) => a.organisationId === FIRM_1_ID).map((a) => a.caseId));
const firm1Cases = seed.cases.filter((c) => firm1.has(c.id));

export const magistratesCase = firm1Cases.find((c) => c.currentJurisdiction === 'MAGISTRATES') ?? fail('no firm-1 magistrates case');
export const crownCase = firm1Cases.find((c) => c.currentJurisdiction === 'CROWN') ?? fail('no firm-1 Crown Court case');

function fail(message: string): never {
  throw new Error(message);
}

export async function startServingWorld(
  options: { sandbox?: Partial<StartSandboxOptions>; core?: Partial<CoreOptions>; sb?: Sandbox } = {},
): Promise<ServingWorld> {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  const sb = options.sb ?? (await startTestSandbox(options.sandbox));
  const coreOptions: Partial<CoreOptions> = { connectivity: { timeoutMs: 1_000, onlineIntervalMs: 200, offlineIntervalMs: 200 }, ...options.core };
  const world: ServingWorld = {
    sb,
    dataDir,
    core: makeCore(dataDir, coreOptions),
    call: async <T>(method: string, args: unknown = {}) => {
      const result = await world.core.dispatch(method, args);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.messageKey}`);
      return result.value as T;
    },
    failure: async (method, args = {}) => {
      const result = await world.core.dispatch(method, args);
      if (result.ok) throw new Error(`${method} succeeded, but it should have failed`);
      return result.error.messageKey;
    },
    stage: (caseId, name, bytes, declared) =>
      world.core.stageDocument(caseId, name, declared === undefined ? (Buffer.isBuffer(bytes) ? bytes.length : null) : declared, Buffer.isBuffer(bytes) ? pieces(bytes) : bytes),
    signIn: async () => {
      // The session follows a new server in the background: sign in once it has.
      const { authorizationUrl } = await until(
        () => world.core.dispatch('session.signIn', {}),
        (result) => result.ok,
      ).then((result) => (result as { value: { authorizationUrl: string } }).value);
      await browserSignIn(authorizationUrl, FIRM1_SOLICITOR);
      await until(() => world.call<SessionStatus>('session.getStatus'), (s) => s.state === 'signedIn');
      await until(() => world.call<CaseSummary[]>('cases.list'), (cases) => cases.length === firm1.size);
    },
    restart: async () => {
      await world.core.dispose();
      world.core = makeCore(dataDir, coreOptions);
      await until(() => world.call<SessionStatus>('session.getStatus'), (s) => s.state === 'signedIn');
    },
    dispose: async () => {
      await world.core.dispose();
      if (!options.sb) await sb.stop();
      temp.cleanup();
    },
  };
  await world.call('cp.connect', { baseUrl: sb.url });
  await world.signIn();
  return world;
}

/** A body as a browser would send it: pieces of 64 KiB. */
export async function* pieces(bytes: Buffer, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, Math.min(bytes.length, at + size));
}

/** Files of the outbox vault on disk (finished or partial): what a refusal must leave none of. */
export function outboxVaultFiles(dataDir: string): string[] {
  const dir = path.join(dataDir, 'outbox-vault');
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** A real multi-page PDF from pdfkit; with `userPassword`, one that cannot be opened without it. */
export function pdfkitPdf(options: { pages?: number; userPassword?: string } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options.userPassword ? { userPassword: options.userPassword, ownerPassword: `${options.userPassword}-owner`, pdfVersion: '1.7' } : {});
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (let page = 1; page <= (options.pages ?? 2); page++) {
      if (page > 1) doc.addPage();
      doc.text(`Defence statement, page ${page}`);
    }
    doc.end();
  });
}

/** A .docx as Word writes it, as far as the first bytes go: a ZIP whose entries are under word/. */
export function wordDocx(): Buffer {
  const entry = (name: string, data: string) => {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(name.length, 26);
    return Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from(data, 'latin1')]);
  };
  return Buffer.concat([entry('[Content_Types].xml', '<Types/>'), entry('_rels/.rels', '<Relationships/>'), entry('word/document.xml', '<w:document/>')]);
}

export function pngImage(): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
}

/**
 * The app's encrypted cache database, opened beside the running core (WAL lets both in): for tests that
 * set up what the sandbox cannot (a case cached as magistrates that CP has moved to the Crown Court).
 */
export async function openCacheDatabase(dataDir: string): Promise<{ db: Database; close(): void }> {
  const master = await new FileKeyProvider(path.join(dataDir, 'master.key')).masterKey();
  const opened = openDatabase({ file: path.join(dataDir, 'cache', 'cache.db'), key: deriveKey(master, 'database') });
  // Not opened.close(): that would mark the core's database as cleanly closed while it is still open.
  return { db: opened.db, close: () => opened.db.close() };
}
