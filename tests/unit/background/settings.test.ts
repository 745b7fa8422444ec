import { describe, expect, it } from 'vitest';
import { SettingsService } from '../../../src/background/settings';
import { MemoryArea } from './memory-area';

describe('SettingsService', () => {
  it('reads settings stored before expiry notifications existed with them on', async () => {
    const area = new MemoryArea();
    await area.set({ settings: { autoLockSeconds: 300, clipboardClearSeconds: 30, rotationDays: 60 } });
    expect(await new SettingsService(area).get()).toEqual({ autoLockSeconds: 300, clipboardClearSeconds: 30, rotationDays: 60, expiryNotifications: true, language: 'auto' });
  });

  it('keeps the opt-out, and drops only a value out of its limits', async () => {
    const area = new MemoryArea();
    await area.set({ settings: { autoLockSeconds: 1, expiryNotifications: false } });
    const settings = await new SettingsService(area).get();
    expect(settings.expiryNotifications).toBe(false);
    expect(settings.autoLockSeconds).toBe(15 * 60);
    expect(await new SettingsService(area).update({ expiryNotifications: true })).toMatchObject({ expiryNotifications: true });
  });
});
