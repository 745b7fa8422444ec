import { beforeAll, describe, expect, it } from 'vitest';
import type { NewKeyInput } from '../../src/core/records';
import { manualKey } from './driver/manual-key';
import { BROWSERS, type ExtensionTab, createVault, useBrowser, waitReady } from './driver';

/**
 * Issue 11, the expiry countdown, in the shipped build of each browser: a key an exchange will
 * retire on its own shows how long it has left, in words that do not claim more than Keyward knows.
 */

const PASSWORD = 'harbor-quartz-lantern-58';
const DAY = 86_400_000;

/**
 * An HTX key with trade and no IP whitelist, created 85 days ago: HTX deactivates it after 90 days
 * unused, so in 5 days at the earliest. An hour less than 85 days, so the whole-day count cannot
 * cross a day while the test runs.
 */
function htxKey(): { input: NewKeyInput } {
  const credentials = { apiKey: 'e2c4f6a8-99b1d3f5-84e6a8c0-7b2d4', secret: 'a1b2c3d4-e5f6a7b8-c9d0e1f2-a3b4c' };
  return { input: manualKey('htx', 'htx grid bot', credentials, { labels: ['Read', 'Trade'], ips: [], createdAt: Date.now() - 85 * DAY + 3_600_000 }) };
}

describe.each(BROWSERS)('expiry countdown in %s', (browser) => {
  const use = useBrowser(browser, () => ({}));
  let popup: ExtensionTab;

  beforeAll(() => {
    ({ popup } = use);
  });

  it('shows the deactivation countdown of an unbound HTX trade key on its row and in its detail', async () => {
    await createVault(popup, PASSWORD);
    await popup.call('keys.add', htxKey());
    // The list is read when the popup opens: open it again, as the user would.
    await popup.reload();
    await waitReady(popup, 'list');
    const row = await popup.text({ role: 'button', name: /htx grid bot/ });
    expect(row).toContain('Deactivated in about 5 days at the earliest');
    // Due within 7 days: among the keys needing attention.
    expect(await popup.text({ role: 'button', name: /Needs attention/ })).toContain('(1)');

    await popup.click({ role: 'button', name: /htx grid bot/ });
    await waitReady(popup, 'detail');
    const deadlines = await popup.text({ css: 'section[aria-labelledby="deadlines-title"]' });
    expect(deadlines).toContain('Deactivated in about 5 days at the earliest');
    expect(deadlines).toContain('last use, which Keyward cannot see');
  });
});
