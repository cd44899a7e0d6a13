import { describe, expect, it } from 'vitest';
import { methodNames } from '../../src-preload/api';
import { createDispatcher, type ContractHandlers } from '../../src-main/core/contract';
import { BluebagError } from '../../src-main/core/errors';

const settings = { language: 'en', mode: 'unconfigured', cpBaseUrl: null, storageBudgetBytes: null } as const;

function handlers(overrides: Partial<ContractHandlers> = {}): ContractHandlers {
  const notUsed = () => {
    throw new Error('not used in this test');
  };
  const all = Object.fromEntries(methodNames.map((name) => [name, notUsed])) as unknown as ContractHandlers;
  return { ...all, 'settings.get': () => settings, 'settings.update': (patch) => ({ ...settings, ...patch, storageBudgetBytes: patch.storageBudgetBytes ?? null }), ...overrides };
}

describe('contract dispatcher', () => {
  it('runs a valid call and returns its result', async () => {
    const dispatch = createDispatcher(handlers());
    await expect(dispatch('settings.update', { language: 'cy' })).resolves.toEqual({
      ok: true,
      value: { ...settings, language: 'cy' },
    });
  });

  it('refuses an unknown method without running anything', async () => {
    const dispatch = createDispatcher(handlers());
    await expect(dispatch('fs.readFile', { path: '/etc/passwd' })).resolves.toEqual({
      ok: false,
      error: { code: 'unknown_method', messageKey: 'errors.unknownMethod' },
    });
    // Prototype keys are not methods either.
    expect((await dispatch('constructor', {})).ok).toBe(false);
    expect((await dispatch('__proto__', {})).ok).toBe(false);
  });

  it('refuses invalid arguments with a typed error naming the field but not the value', async () => {
    let ran = false;
    const dispatch = createDispatcher(
      handlers({
        'settings.update': () => {
          ran = true;
          return settings;
        },
      }),
    );
    const result = await dispatch('settings.update', { language: 'fr-SECRET-VALUE' });
    expect(ran).toBe(false);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument', messageKey: 'errors.invalidArgument' } });
    if (result.ok) throw new Error('unreachable');
    expect(result.error.issues).toEqual([{ path: 'language', messageKey: 'errors.invalidValue' }]);
    expect(JSON.stringify(result)).not.toContain('SECRET');
  });

  it.each([null, 'text', 42, [], { language: 'en', extra: true }])('refuses junk argument %j', async (junk) => {
    const dispatch = createDispatcher(handlers());
    const result = await dispatch('settings.update', junk);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_argument');
  });

  it('passes a BluebagError through as its code and message key, and hides any other error', async () => {
    const dispatch = createDispatcher(
      handlers({
        'settings.get': () => {
          throw new BluebagError('conflict', 'errors.sandboxNotRunning');
        },
        'connectivity.get': () => {
          throw new Error('database at /home/someone/secret.db is locked');
        },
      }),
    );
    await expect(dispatch('settings.get', {})).resolves.toEqual({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.sandboxNotRunning' },
    });
    const hidden = await dispatch('connectivity.get', {});
    expect(hidden).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
  });

  it('refuses to send the renderer a result that breaks the contract', async () => {
    const dispatch = createDispatcher(
      handlers({ 'settings.get': () => ({ language: 'klingon' }) as unknown as typeof settings }),
    );
    await expect(dispatch('settings.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
