/**
 * The serving reliability test's child: the whole core, on a data folder already signed in to the
 * sandbox, as the app would run after a restart. It stages and queues `count` new documents (each a
 * real PDF of about `kib` KiB, named `<round>-<n>`), then lets the outbox send everything waiting,
 * and says what it is doing on stdout:
 *   ready · queued <itemId> <sha256> · sending · done
 * The test SIGKILLs it at random moments and starts it again on the same folder.
 */
import { createHash } from 'node:crypto';
import type { OutboxStatus, ServiceItem, SessionStatus } from '../../../src-preload/api';
import { makeCore } from '../../helpers/core';
import { tinyPdf } from '../../sandbox/helpers';
import { until } from './serving-fixtures';

const [dataDir, caseId, defendantId, round, countText, kibText] = process.argv.slice(2);
if (!dataDir || !caseId || !defendantId || !round) throw new Error('usage: serving-child <dataDir> <caseId> <defendantId> <round> <count> <kib>');
const count = Number(countText ?? 0);
const padTo = Number(kibText ?? 512) * 1024;

const core = makeCore(dataDir, { connectivity: { timeoutMs: 1_000, onlineIntervalMs: 200, offlineIntervalMs: 200 } });
const call = async <T>(method: string, args: unknown = {}): Promise<T> => {
  const result = await core.dispatch(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.messageKey}`);
  return result.value as T;
};

await until(() => call<SessionStatus>('session.getStatus'), (s) => s.state === 'signedIn', 20_000);
console.log('ready');
for (let n = 0; n < count; n++) {
  const bytes = tinyPdf(`round ${round} document ${n}`, padTo);
  async function* body(): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, Math.min(bytes.length, at + 64 * 1024));
  }
  const staged = await core.stageDocument(caseId, `${round}-${n}.pdf`, bytes.length, body());
  if (!('item' in staged)) throw new Error(`staging refused: ${staged.error.messageKey}`);
  await call<ServiceItem[]>('serving.queue', { itemIds: [staged.item.id], defendantIds: [defendantId], documentType: 'witnessStatement' });
  console.log(`queued ${staged.item.id} ${createHash('sha256').update(bytes).digest('hex')}`);
}
console.log('sending');
await call('serving.sendNow');
await until(
  () => call<{ items: ServiceItem[]; status: OutboxStatus }>('serving.list', {}),
  (list) => list.status.unsent === 0,
  60_000,
);
console.log('done');
await core.dispose();
process.exit(0);
