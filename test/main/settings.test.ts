import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../src-main/core/events';
import { confSettingsStore, DEFAULT_SETTINGS, SettingsService } from '../../src-main/core/settings';
import { makeTempDir } from '../helpers/temp-dir';

const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

function service(dir: string, bus = new EventBus()) {
  return new SettingsService(confSettingsStore(new Conf({ cwd: dir, configName: 'settings', projectName: 't' })), bus);
}

describe('settings', () => {
  it('start from the defaults and survive a restart on disk', () => {
    const { dir, cleanup } = makeTempDir();
    temps.push(cleanup);
    expect(service(dir).get()).toEqual(DEFAULT_SETTINGS);
    service(dir).update({ language: 'cy', mode: 'commonPlatform', cpBaseUrl: 'https://cp.example.gov.uk/', storageBudgetBytes: 5_000_000_000 });
    expect(service(dir).get()).toEqual({ language: 'cy', mode: 'commonPlatform', cpBaseUrl: 'https://cp.example.gov.uk/', storageBudgetBytes: 5_000_000_000 });
    // null means "no limit" and must be stored as such, not dropped as a missing field.
    service(dir).update({ storageBudgetBytes: null });
    expect(service(dir).get().storageBudgetBytes).toBeNull();
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({ language: 'cy' });
  });

  it('announce every change as an event', () => {
    const { dir, cleanup } = makeTempDir();
    temps.push(cleanup);
    const bus = new EventBus();
    const seen: unknown[] = [];
    bus.subscribe((name, payload) => seen.push({ name, payload }));
    service(dir, bus).update({ language: 'cy' });
    expect(seen).toEqual([{ name: 'settings.changed', payload: { ...DEFAULT_SETTINGS, language: 'cy' } }]);
  });

  it('keep the good fields of a damaged settings file and fall back on the rest', () => {
    const { dir, cleanup } = makeTempDir();
    temps.push(cleanup);
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ language: 'cy', mode: 'banana', cpBaseUrl: 7, storageBudgetBytes: -3 }));
    expect(service(dir).get()).toEqual({ language: 'cy', mode: 'unconfigured', cpBaseUrl: null, storageBudgetBytes: null });
  });

  it('refuse an update that breaks the schema and keep the old value', () => {
    const { dir, cleanup } = makeTempDir();
    temps.push(cleanup);
    const settings = service(dir);
    expect(() => settings.update({ language: 'fr' as 'en' })).toThrow();
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
  });
});
