import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cy } from '../../src-renderer/i18n/cy';
import { en } from '../../src-renderer/i18n/en';
import { OutboxStatusSchema, SyncStatusSchema } from '../../src-preload/api';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/**
 * Every message key main can send the renderer has words in both languages: a key with no text would
 * reach the user as "something went wrong" instead of what happened and what to do.
 */
describe('error message keys', () => {
  it('every errors.* key used in main is in the English and Welsh catalogues', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve('src-main'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/'errors\.([A-Za-z]+)'/g)) if (match[1]) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter((key) => !(key in en.errors) || !(key in cy.errors)).sort();
    expect(missing).toEqual([]);
  });
});

/**
 * Every reason the contract lets main give for paused downloads or a waiting outbox has its own words
 * in both languages: the screens build the key from the reason, so a missing one would show the user
 * a raw key ("syncStatus.pausedFor.storageError") instead of what stopped and what happens next.
 */
describe('pause reasons', () => {
  const screens = [
    { name: 'downloads', reasons: SyncStatusSchema.shape.downloads.shape.pausedFor.unwrap().options, en: en.syncStatus.pausedFor, cy: cy.syncStatus.pausedFor },
    { name: 'outbox', reasons: OutboxStatusSchema.shape.pausedFor.unwrap().options, en: en.outbox.pausedFor, cy: cy.outbox.pausedFor },
  ];
  it.each(screens)('every $name pause reason has an English and a Welsh message of its own', ({ reasons, en: english, cy: welsh }) => {
    expect(reasons.length).toBeGreaterThan(2);
    const words = (catalogue: Record<string, string>, reason: string): string => catalogue[reason] ?? '';
    for (const reason of reasons) {
      expect(words(english, reason), reason).not.toBe('');
      expect(words(welsh, reason), reason).not.toBe('');
      expect(words(welsh, reason), reason).not.toBe(words(english, reason));
    }
    // One message per reason: two reasons sharing words would tell the user the wrong thing.
    expect(new Set(reasons.map((reason) => words(english, reason))).size).toBe(reasons.length);
    expect(new Set(reasons.map((reason) => words(welsh, reason))).size).toBe(reasons.length);
  });
});
