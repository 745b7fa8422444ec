import { DEFAULT_SETTINGS, SETTINGS_PATCH, SETTINGS_SCHEMA, SETTINGS_STORAGE_KEY, type Settings } from '../protocol/settings';
import type { StorageArea } from './storage';

const KEY = SETTINGS_STORAGE_KEY;

/** One stored setting, if within its limits: checked as a patch of that setting alone. */
function takeIfValid(settings: Settings, key: keyof Settings, value: unknown): void {
  const one = SETTINGS_PATCH.parse({ [key]: value });
  if (one.ok) Object.assign(settings, one.value);
}

/** Settings are not secret: they live in storage.local, checked against their limits on every read. */
export class SettingsService {
  /** `updated` hears every change made here (the background switches its language at once). */
  constructor(
    private readonly area: StorageArea,
    private readonly updated: (settings: Settings, patch: Partial<Settings>) => void = () => undefined,
  ) {}

  async get(): Promise<Settings> {
    const stored = (await this.area.get(KEY))[KEY];
    const settings: Settings = { ...DEFAULT_SETTINGS };
    if (typeof stored === 'object' && stored !== null) {
      // Each setting on its own: one out of its limits falls back to its default, not the rest.
      for (const key of Object.keys(SETTINGS_SCHEMA.shape) as (keyof Settings)[]) {
        takeIfValid(settings, key, (stored as Record<string, unknown>)[key]);
      }
    }
    return settings;
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.get()), ...patch };
    await this.area.set({ [KEY]: next });
    this.updated(next, patch);
    return next;
  }
}
