import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cy } from '../../src-renderer/i18n/cy';
import { en } from '../../src-renderer/i18n/en';

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
