/**
 * The sync benchmark's sandbox, run in its own process (`node --import tsx test/bench/sync-sandbox.ts`)
 * so the benchmark process's memory and event loop are the app's alone. It starts the large dataset and
 * makes firm 1 — the script client's firm — associated with every case, through the public API only:
 * the firm-2 solicitor signs in and withdraws the representation orders that would lock firm 1 out,
 * and the script client associates firm 1. Then it downloads every material from itself once, so the
 * page cache and the server's code are warm for whichever of sync and baseline comes first. With
 * --big-document-mb N it first serves one N MB document (firm 1 serving a defence bundle), so the
 * largest material is bigger than the app's whole memory budget. Prints one
 * JSON line ({ ready: true, … }) on stdout when ready; stops on SIGTERM / SIGINT / stdin closing.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { FIRM_1_ID, FIRM_2_ID, PUBLIC_CLIENT_ID, SANDBOX_PASSWORD, USERS, startSandbox } from '../../src-sandbox/index';
import { generateDataset } from '../../src-sandbox/seed/dataset';
import { associatedMaterials, parallelDownload, scriptToken } from './cp-client-baseline';
import { stopWithParent } from './sandbox-process';

const { values } = parseArgs({
  options: { anchor: { type: 'string' }, seed: { type: 'string' }, 'cache-dir': { type: 'string' }, 'big-document-mb': { type: 'string' } },
  strict: true,
});
const anchorDate = values.anchor ?? '2026-11-23';
const seed = values.seed === undefined ? undefined : Number(values.seed);
const bigDocumentBytes = Number(values['big-document-mb'] ?? 0) * 1024 * 1024;

const sandbox = await startSandbox({
  dataset: 'large',
  port: 0,
  controlPort: 0,
  anchorDate,
  maxUploadBytes: Math.max(100 * 1024 * 1024, bigDocumentBytes),
  ...(seed === undefined ? {} : { seed }),
  ...(values['cache-dir'] === undefined ? {} : { cacheDir: values['cache-dir'] }),
  onProgress: ({ done, total, phase }) => {
    if (done % 200 === 0 || done === total) process.stderr.write(`sandbox: generating ${phase} ${done}/${total}\n`);
  },
});

stopWithParent(sandbox);

async function firm2Token(baseUrl: string): Promise<string> {
  const user = USERS.find((u) => u.organisationId === FIRM_2_ID && u.role === 'SOLICITOR');
  if (!user) throw new Error('no firm-2 solicitor');
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = 'http://127.0.0.1:53682/callback';
  const authorize = await fetch(`${baseUrl}/oauth2/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ response_type: 'code', client_id: PUBLIC_CLIENT_ID, redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: 'S256', state: 'bench', scope: 'cp', username: user.username, password: SANDBOX_PASSWORD }),
  });
  const code = new URL(authorize.headers.get('location') ?? 'http://x.invalid/').searchParams.get('code');
  if (authorize.status !== 302 || code === null) throw new Error(`firm-2 sign-in failed: ${authorize.status}`);
  const token = await fetch(`${baseUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: PUBLIC_CLIENT_ID, code, code_verifier: verifier, redirect_uri: redirectUri }),
  });
  if (!token.ok) throw new Error(`firm-2 token failed: ${token.status}`);
  return ((await token.json()) as { access_token: string }).access_token;
}

/** Firm 1 associated with every case: returns how many cases needed an association (and how many orders were withdrawn). */
async function associateFirm1Everywhere(baseUrl: string): Promise<{ associated: number; withdrawn: number; alreadyFirm1: number }> {
  // The seeded world is a pure function of (dataset, seed, anchor): it names the cases and defendants.
  const world = generateDataset('large', sandbox.seed, sandbox.anchorDate);
  const byDefendant = new Map(world.associations.map((a) => [a.defendantId, a]));
  const firm1 = await scriptToken(baseUrl);
  let firm2: string | null = null;
  let associated = 0;
  let withdrawn = 0;
  let alreadyFirm1 = 0;
  const call = async (token: string, method: 'POST' | 'DELETE', caseId: string, defendantId: string): Promise<void> => {
    const response = await fetch(`${baseUrl}/prosecutionCases/${caseId}/defendants/${defendantId}/associations`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID(), ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
      ...(method === 'POST' ? { body: JSON.stringify({ representationType: 'PRIVATE' }) } : {}),
    });
    if (!response.ok) throw new Error(`${method} association ${caseId}/${defendantId}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
  for (const c of world.cases) {
    const current = c.defendants.map((d) => ({ defendant: d, association: byDefendant.get(d.id) }));
    if (current.some(({ association }) => association?.organisationId === FIRM_1_ID)) {
      alreadyFirm1++;
      continue;
    }
    // Any defendant not locked by another firm's representation order will do; otherwise the holder withdraws it.
    let target = current.find(({ association }) => association?.representationType !== 'REPRESENTATION_ORDER');
    if (!target) {
      target = current[0];
      if (!target) continue;
      firm2 ??= await firm2Token(baseUrl);
      await call(firm2, 'DELETE', c.id, target.defendant.id);
      withdrawn++;
    }
    await call(firm1, 'POST', c.id, target.defendant.id);
    associated++;
  }
  return { associated, withdrawn, alreadyFirm1 };
}

/**
 * Serves one outsize document (a valid PDF padded after %%EOF) on a magistrates' case, so the sync
 * shows whether the app's memory depends on the largest document's size.
 */
async function serveBigDocument(baseUrl: string, bytes: number): Promise<{ caseId: string; materialId: string; size: number }> {
  const world = generateDataset('large', sandbox.seed, sandbox.anchorDate);
  const target = world.cases.find((c) => c.currentJurisdiction !== 'CROWN');
  if (!target) throw new Error('no magistrates case to serve on');
  const head = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );
  const body = Buffer.alloc(Math.max(bytes, head.length), 0x20);
  head.copy(body);
  const token = await scriptToken(baseUrl);
  const query = new URLSearchParams({ documentTypeDescription: 'Defence statement', name: 'Outsize bundle (benchmark)' });
  const response = await fetch(`${baseUrl}/prosecutionCases/${target.id}/courtDocuments?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf', 'idempotency-key': randomUUID() },
    body,
  });
  if (response.status !== 201) throw new Error(`serving the outsize document failed: ${response.status} ${await response.text()}`);
  const receipt = (await response.json()) as { materialId: string; size: number };
  return { caseId: target.id, materialId: receipt.materialId, size: receipt.size };
}

const setup = await associateFirm1Everywhere(sandbox.url);
const bigDocument = bigDocumentBytes > 0 ? await serveBigDocument(sandbox.url, bigDocumentBytes) : null;
// One full download from itself: the PDFs are in the page cache and the server's code is warm, so
// neither the sync nor the baseline (whichever runs first) pays for a cold server.
const warmToken = await scriptToken(sandbox.url);
const warm = await parallelDownload(sandbox.url, warmToken, (await associatedMaterials(sandbox.url, warmToken)).materials);
process.stdout.write(
  `${JSON.stringify({
    ready: true,
    url: sandbox.url,
    controlUrl: sandbox.controlUrl,
    anchorDate: sandbox.anchorDate,
    seed: sandbox.seed,
    generation: sandbox.generation,
    warmedBytes: warm.bytes,
    warmMs: Math.round(warm.ms),
    setup,
    bigDocument,
  })}\n`,
);
