import { SettingsSchema, type Settings } from '../../../src-preload/api';
import type { EventBus } from '../events';

/** Persistence behind the settings: electron-store in the app, conf in browser mode and tests. */
export interface SettingsStore {
  read(): unknown;
  write(settings: Settings): void;
}

export const DEFAULT_SETTINGS: Settings = { language: 'en', mode: 'unconfigured', cpBaseUrl: null, storageBudgetBytes: null };

export class SettingsService {
  #current: Settings;

  constructor(
    private readonly store: SettingsStore,
    private readonly bus: EventBus,
  ) {
    // A damaged or older settings file falls back field by field rather than blocking start-up.
    this.#current = readFieldByField(store.read());
    if (this.#current.mode === 'commonPlatform' && this.#current.cpBaseUrl === null) {
      this.#current = { ...this.#current, mode: 'unconfigured' };
    }
  }

  get(): Settings {
    return this.#current;
  }

  update(patch: Partial<Settings>): Settings {
    const next = SettingsSchema.parse({ ...this.#current, ...stripUndefined(patch) });
    this.store.write(next);
    this.#current = next;
    this.bus.emit('settings.changed', next);
    return next;
  }
}

function readFieldByField(stored: unknown): Settings {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, schema] of Object.entries(SettingsSchema.shape)) {
    const field = schema.safeParse(record[key]);
    if (field.success && record[key] !== undefined) settings[key] = field.data;
  }
  return SettingsSchema.parse(settings);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
