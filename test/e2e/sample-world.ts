import { generateDataset } from '../../src-sandbox/seed/dataset';
import { DEFAULT_SEED } from '../../src-sandbox/index';
import { todayUtc } from '../../src-sandbox/seed/dates';

/**
 * The seeded world the app's built-in sandbox serves today (the same pure function of seed and date),
 * so a test can name a real case without hard-coding a URN that changes with the year.
 */
export function sampleWorld() {
  const world = generateDataset('small', DEFAULT_SEED, todayUtc());
  const associated = new Set(world.associations.map((a) => a.caseId));
  const free = world.cases.find((c) => !associated.has(c.id) && c.currentJurisdiction === 'MAGISTRATES' && c.defendants.length >= 1);
  if (!free) throw new Error('the seeded world has no free magistrates case');
  return { world, freeCase: free };
}

/** "39GD1116822" → "39/gd/11168/22": how people actually type a URN. */
export function messyUrn(urn: string): string {
  return ` ${urn.slice(0, 2)}/${urn.slice(2, 4).toLowerCase()} ${urn.slice(4, 9)}-${urn.slice(9)} `;
}
