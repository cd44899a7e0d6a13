import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storeBlob, tempVault } from './vault-fixtures';

describe('vault.keepOnly', () => {
  it('removes finished and partial blobs of ids not kept, never a kept one or one being written', async () => {
    const { vault, dir } = tempVault();
    await storeBlob(vault, 'kept', randomBytes(1000));
    await storeBlob(vault, 'orphan', randomBytes(1000));
    const leftOver = await vault.openWriter('half-written');
    await leftOver.write(randomBytes(70_000));
    await leftOver.close();
    const writing = await vault.openWriter('being-written');
    await writing.write(randomBytes(10));

    expect(await vault.keepOnly(['kept'])).toBe(2);
    expect(vault.has('kept')).toBe(true);
    expect(vault.has('orphan')).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.part'))).toHaveLength(1);
    await writing.finish();
    expect(vault.has('being-written')).toBe(true);
    await vault.close();
  });

  it('is a no-op on a vault that was never written', async () => {
    const { vault } = tempVault();
    expect(await vault.keepOnly([])).toBe(0);
  });
});
