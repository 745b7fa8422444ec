// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type VaultStatus } from '../messages';
import { send } from '../shared/send';
import { popupRoot, settle } from './test-helpers';
import { ExpiryNoticesSection } from './views/settings/ExpiryNotices';

vi.mock('../shared/send', () => ({ send: vi.fn() }));

const { root, mount } = popupRoot();

beforeEach(() => {
  vi.mocked(send).mockReset();
});

describe('the expiry notifications setting', () => {
  it('is on by default, and turning it off saves the opt-out', async () => {
    const status: VaultStatus = { state: 'unlocked', retryAt: null, keyCount: 1, riskyCount: 0, settings: { ...DEFAULT_SETTINGS, expiryNotifications: false } };
    vi.mocked(send).mockImplementation(async () => status as never);
    const onStatus = vi.fn();
    await mount(<ExpiryNoticesSection settings={DEFAULT_SETTINGS} onStatus={onStatus} />);
    const box = root.querySelector<HTMLInputElement>('#set-expiry-notices');
    expect(box?.checked).toBe(true);
    await act(() => box?.click());
    await settle();
    expect(vi.mocked(send)).toHaveBeenCalledWith('settings.update', { expiryNotifications: false });
    expect(onStatus).toHaveBeenCalledWith(status);
    expect(root.textContent).toContain('No more deadline notifications.');
  });
});
