import { DEFAULT_SETTINGS, SETTING_LIMITS, type Settings } from '../messages';
import type { StorageArea } from './storage';

const KEY = 'settings';

/** Settings are not secret: they live in storage.local, clamped to the limits on every read. */
export class SettingsService {
  constructor(private readonly area: StorageArea) {}

  async get(): Promise<Settings> {
    const stored = (await this.area.get(KEY))[KEY];
    const settings: Settings = { ...DEFAULT_SETTINGS };
    if (typeof stored === 'object' && stored !== null) {
      for (const key of Object.keys(SETTING_LIMITS) as (keyof Settings)[]) {
        const value = (stored as Record<string, unknown>)[key];
        const { min, max } = SETTING_LIMITS[key];
        if (typeof value === 'number' && value >= min && value <= max) settings[key] = value;
      }
    }
    return settings;
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.get()), ...patch };
    await this.area.set({ [KEY]: next });
    return next;
  }
}
