/**
 * The baselines other benchmarks compare against: the plainest possible clients of the CP API (a
 * script token and parallel fetches). parallelDownload reads every body and discards it (what the
 * network and the server can do, no client does less); diskDownload is a plain download — each body
 * streamed to a file of its own, as `curl -o` or `wget` would (diskDownloadNodeHttp: the same over
 * node:http, the client the app's sync streams documents with); sealedDownload is the same client plus
 * only the work no safe client can skip. Whatever the app does on top — validation, encryption,
 * SQLite, durability — is measured as a ratio to them, in the same run.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
// The seed module alone: the sandbox's index would load the whole server (PDF generation, fonts)
// into the app side's process and count it in the app's RSS.
import { SCRIPT_CLIENT } from '../../src-sandbox/seed/firms';

export async function scriptToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: SCRIPT_CLIENT.clientId,
      client_secret: SCRIPT_CLIENT.clientSecret,
    }),
  });
  if (!response.ok) throw new Error(`token request failed: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export interface MaterialRef {
  id: string;
  size: number;
}

interface DeltaPage {
  changed: Array<{ courtDocuments: Array<{ materials: Array<{ id: string; size: number }> }> }>;
  cursor: string;
  hasMore: boolean;
}

/** Every material of every case associated with the script user's firm, by following the delta feed. */
export async function associatedMaterials(baseUrl: string, token: string): Promise<{ materials: MaterialRef[]; cases: number; requests: number }> {
  const materials: MaterialRef[] = [];
  let cursor: string | null = null;
  let cases = 0;
  let requests = 0;
  for (;;) {
    const query: string = cursor ? `?limit=200&cursor=${encodeURIComponent(cursor)}` : '?limit=200';
    const response = await fetch(`${baseUrl}/associatedCases${query}`, { headers: { authorization: `Bearer ${token}` } });
    requests += 1;
    if (!response.ok) throw new Error(`delta failed: ${response.status}`);
    const page = (await response.json()) as DeltaPage;
    cases += page.changed.length;
    for (const entry of page.changed) {
      for (const document of entry.courtDocuments) materials.push(...document.materials.map(({ id, size }) => ({ id, size })));
    }
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return { materials, cases, requests };
}

/**
 * Opens every material's content with `concurrency` in parallel (`open`: one GET) and hands each body
 * to `store`, which answers how many bytes it took. The one download loop the baselines share: they
 * differ only in the HTTP client and in what they do with a body.
 */
async function eachInParallel<Body>(
  materials: readonly MaterialRef[],
  concurrency: number,
  open: (material: MaterialRef) => Promise<Body>,
  store: (material: MaterialRef, body: Body) => Promise<number>,
): Promise<{ bytes: number; ms: number }> {
  let next = 0;
  let bytes = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const material = materials[next++];
      if (!material) return;
      const body = await open(material);
      // Awaited first: `bytes += await …` would read `bytes` before the await and lose the other
      // workers' counts.
      const stored = await store(material, body);
      bytes += stored;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { bytes, ms: performance.now() - started };
}

/** eachInParallel over fetch: each body as fetch's web stream. */
function downloadEach(
  baseUrl: string,
  token: string,
  materials: readonly MaterialRef[],
  concurrency: number,
  store: (material: MaterialRef, body: ReadableStream<Uint8Array>) => Promise<number>,
): Promise<{ bytes: number; ms: number }> {
  const open = async (material: MaterialRef): Promise<ReadableStream<Uint8Array>> => {
    const response = await fetch(`${baseUrl}/materials/${material.id}/content`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok || !response.body) throw new Error(`download failed: ${response.status}`);
    return response.body;
  };
  return eachInParallel(materials, concurrency, open, store);
}

/** Streams `body` into a new file of its own in `dir` (Node's file write stream), as `curl -o` does. */
async function storeInFile(dir: string, material: MaterialRef, body: Readable): Promise<number> {
  const file = createWriteStream(path.join(dir, `${material.id}.download`), { mode: 0o600 });
  await pipeline(body, file);
  return file.bytesWritten;
}

/** Downloads every material with `concurrency` parallel requests, discarding the bytes. */
export function parallelDownload(baseUrl: string, token: string, materials: readonly MaterialRef[], concurrency = 6): Promise<{ bytes: number; ms: number }> {
  return downloadEach(baseUrl, token, materials, concurrency, async (_material, body) => {
    let bytes = 0;
    for await (const chunk of body) bytes += chunk.byteLength;
    return bytes;
  });
}

/**
 * A plain parallel download to disk, the way `curl -o` / `wget` store what they fetch: the same GETs at
 * the same concurrency, each body streamed into its own new file in `dir` (Node's file write stream,
 * which batches what arrives while a write is in flight) and closed. No hashing, no encryption, no
 * fsync (curl and wget do not sync either: the kernel writes the pages back in its own time). The
 * caller deletes the files after the run.
 */
export function diskDownload(baseUrl: string, token: string, materials: readonly MaterialRef[], dir: string, concurrency = 6): Promise<{ bytes: number; ms: number }> {
  return downloadEach(baseUrl, token, materials, concurrency, (material, body) => storeInFile(dir, material, Readable.fromWeb(body as WebReadableStream<Uint8Array>)));
}

/**
 * diskDownload over node:http instead of fetch (kept-alive sockets, as fetch keeps them): the app
 * streams documents with node:http (src-main/core/cp/stream-get.ts), so this shows the same plain
 * download with the app's own kind of client. Reported for information beside the ratio's denominator.
 */
export async function diskDownloadNodeHttp(baseUrl: string, token: string, materials: readonly MaterialRef[], dir: string, concurrency = 6): Promise<{ bytes: number; ms: number }> {
  const agent = new http.Agent({ keepAlive: true, scheduling: 'lifo' });
  const open = async (material: MaterialRef): Promise<http.IncomingMessage> => {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http.get(`${baseUrl}/materials/${material.id}/content`, { agent, headers: { authorization: `Bearer ${token}` } }, resolve).once('error', reject);
    });
    if (response.statusCode !== 200) throw new Error(`download failed: ${response.statusCode}`);
    return response;
  };
  try {
    return await eachInParallel(materials, concurrency, open, (material, body) => storeInFile(dir, material, body));
  } finally {
    agent.destroy();
  }
}

/**
 * The least a client that keeps documents safely must do, and nothing else: the same parallel GETs,
 * each body SHA-256 hashed, sealed with AES-256-GCM in 64 KiB chunks (random nonce, as the vault does),
 * written in ~1 MiB batches and fsynced. No database, no queue, no resume. Divided by
 * parallelDownload's rate, it is the best throughput ratio this machine allows such a client.
 */
export function sealedDownload(baseUrl: string, token: string, materials: readonly MaterialRef[], dir: string, concurrency = 6): Promise<{ bytes: number; ms: number }> {
  const key = randomBytes(32);
  const chunkSize = 64 * 1024;
  return downloadEach(baseUrl, token, materials, concurrency, async (material, body) => {
    let bytes = 0;
    const file = await open(path.join(dir, `${material.id}.sealed`), 'w', 0o600);
    try {
      const hash = createHash('sha256');
      const staging = Buffer.allocUnsafe(chunkSize);
      let fill = 0;
      let position = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const seal = (plain: Buffer): void => {
        hash.update(plain);
        const nonce = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', key, nonce);
        const sealed = [nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()];
        pending.push(...sealed);
        for (const piece of sealed) pendingBytes += piece.length;
      };
      const flush = async (): Promise<void> => {
        await file.writev(pending, position);
        position += pendingBytes;
        pending = [];
        pendingBytes = 0;
      };
      for await (const piece of body) {
        const data = piece as Uint8Array;
        bytes += data.byteLength;
        for (let at = 0; at < data.length; ) {
          const take = Math.min(chunkSize - fill, data.length - at);
          staging.set(data.subarray(at, at + take), fill);
          fill += take;
          at += take;
          if (fill === chunkSize) {
            seal(staging);
            fill = 0;
          }
        }
        if (pendingBytes >= 1024 * 1024) await flush();
      }
      seal(staging.subarray(0, fill));
      await flush();
      hash.digest();
      await file.sync();
    } finally {
      await file.close();
    }
    return bytes;
  });
}
