/**
 * The whole state file as one value: which world it belongs to, plus what the
 * live stores (SandboxState, TokenStore, IdempotencyStore) need to carry on.
 * Authorization codes are not kept: they live 60 s, a restart may drop them.
 * Stats counters are per process and start at zero (they are for tests).
 */
import type { TokenStore } from '../auth/tokens';
import type { IdempotencyStore } from '../http/idempotency';
import type { SandboxState } from '../state/store';
import { STATE_FORMAT, STATE_FORMAT_VERSION, type StateDocument, type World } from './schema';
import { captureState, restoreState } from './snapshot';

export interface LiveStores {
  readonly state: SandboxState;
  readonly tokens: TokenStore;
  readonly idempotency: IdempotencyStore;
}

export function serialiseStateDocument(world: World, live: LiveStores, filesDir: string, nowMs: number): string {
  const doc: StateDocument = {
    format: STATE_FORMAT,
    formatVersion: STATE_FORMAT_VERSION,
    savedAt: new Date(nowMs).toISOString(),
    world,
    state: captureState(live.state, filesDir),
    tokens: live.tokens.exportDurable(nowMs),
    idempotency: live.idempotency.exportDurable(),
  };
  return `${JSON.stringify(doc)}\n`;
}

/** Loads a saved document into freshly built stores; throws if it does not fit their world. */
export async function applyStateDocument(doc: StateDocument, live: LiveStores, filesDir: string): Promise<void> {
  await restoreState(live.state, doc.state, filesDir);
  live.tokens.importDurable(doc.tokens);
  live.idempotency.importDurable(doc.idempotency);
}
