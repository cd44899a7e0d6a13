/**
 * Idempotency-Key handling: the first successful answer for (organisation, key)
 * is kept; the same request again gets that answer back, a different request
 * with the same key is refused (422 IDEMPOTENCY_KEY_REUSED). Concurrent requests
 * with one key are serialised so only one of them can take effect.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../errors';
import type { Reply } from './reply';

/** A kept answer: never a file reply (those are not stored), so it is plain JSON and can be saved. */
export type StorableReply = Exclude<Reply, { readonly kind: 'file' }>;

/** One kept answer as the state file holds it (persistence/). */
export interface DurableIdempotencyRecord {
  readonly scope: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly reply: StorableReply;
}

interface Stored {
  readonly scope: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly reply: StorableReply;
}

export function idempotencyKey(req: IncomingMessage, required: boolean): string | null {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined || raw === '') {
    if (required) throw new ApiError(400, 'IDEMPOTENCY_KEY_REQUIRED', 'an Idempotency-Key header is required');
    return null;
  }
  if (Array.isArray(raw)) throw new ApiError(400, 'VALIDATION_FAILED', 'only one Idempotency-Key header allowed');
  // The IETF draft sends it as a structured-field string ("..."); plain tokens are accepted too.
  const key = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw new ApiError(400, 'VALIDATION_FAILED', 'Idempotency-Key must be 1-255 printable ASCII characters');
  return key;
}

export class IdempotencyStore {
  private readonly stored = new Map<string, Stored>();
  private readonly locks = new Map<string, Promise<void>>();

  /**
   * Runs `exec` unless an answer for this key exists. `replayStatus` lets uploads
   * answer a replay with 200 instead of the original 201.
   */
  async run(scope: string, key: string | null, fingerprint: string, exec: () => Promise<Reply>, replayStatus?: number): Promise<Reply> {
    if (key === null) return exec();
    const id = `${scope}\u0000${key}`;
    const release = await this.lock(id);
    try {
      const prior = this.stored.get(id);
      if (prior) {
        if (prior.fingerprint !== fingerprint) throw new ApiError(422, 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was already used for a different request');
        return withReplay(prior.reply, replayStatus);
      }
      const reply = await exec();
      if (reply.kind !== 'file' && reply.status >= 200 && reply.status < 300) this.stored.set(id, { scope, key, fingerprint, reply });
      return reply;
    } finally {
      release();
    }
  }

  /** Kept answers, oldest first, for the state file. */
  exportDurable(): DurableIdempotencyRecord[] {
    return [...this.stored.values()].map((s) => ({ scope: s.scope, key: s.key, fingerprint: s.fingerprint, reply: s.reply }));
  }

  /** Loads answers kept by an earlier run (into a fresh store, at start), so retries across a restart still replay. */
  importDurable(records: readonly DurableIdempotencyRecord[]): void {
    for (const r of records) this.stored.set(`${r.scope}\u0000${r.key}`, { scope: r.scope, key: r.key, fingerprint: r.fingerprint, reply: r.reply });
  }

  private async lock(id: string): Promise<() => void> {
    for (;;) {
      const current = this.locks.get(id);
      if (!current) break;
      await current;
    }
    let release: () => void = () => undefined;
    const p = new Promise<void>((resolve) => {
      release = () => {
        this.locks.delete(id);
        resolve();
      };
    });
    this.locks.set(id, p);
    return release;
  }
}

function withReplay(reply: Reply, status: number | undefined): Reply {
  const headers = { ...(reply.headers ?? {}), 'Idempotent-Replayed': 'true' };
  switch (reply.kind) {
    case 'json':
      return { ...reply, status: status ?? reply.status, headers };
    case 'html':
      return { ...reply, status: status ?? reply.status, headers };
    case 'empty':
      return { ...reply, status: status ?? reply.status, headers };
    case 'file':
      return reply;
  }
}
