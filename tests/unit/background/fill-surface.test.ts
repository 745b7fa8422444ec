import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../../src/background/broker';
import { FillService } from '../../../src/background/fill';
import type { LockService } from '../../../src/background/lock';
import type { FillValuesMessage } from '../../../src/messages';
import { htxKeySummary } from './handler-setup';

/**
 * Where the key is chosen (issue 9, items 1, 2 and 4): a frame in the page only when the vault is
 * open and the browser proves the frame seen; else Keyward's own window. Each session answers
 * only its own picker: that window's tab, or the first frame of the page's tab that presented it.
 */

const KEY = htxKeySummary({ id: 'k1', label: 'grid bot', ipWhitelist: ['198.51.100.9'] });

function service(options: { unlocked: boolean }) {
  const vault = {
    list: async () => [KEY],
    get: async () => KEY,
    credentials: async () => ({ apiKey: 'the-key', secret: 'the-secret', passphrase: '' }),
    updateDetails: async () => KEY,
  };
  const lock = {
    isUnlocked: async () => options.unlocked,
    current: async () => (options.unlocked ? vault : null),
    require: async () => {
      if (!options.unlocked) throw new Error('locked');
      return vault;
    },
  } as unknown as LockService;
  let nextWindow = 100;
  const openWindow = vi.fn(async () => {
    nextWindow += 1;
    return { windowId: nextWindow, tabId: nextWindow + 1000 };
  });
  const closeWindow = vi.fn();
  const deliver = vi.fn(async (_tab: number, _frame: number, _message: FillValuesMessage) => ({ ok: true as const }));
  const fill = new FillService({ lock, deliver, changed: () => undefined, openWindow, closeWindow });
  return { fill, openWindow, closeWindow, deliver };
}

const page: Caller = { context: 'platform-content', url: 'https://app.3commas.io/accounts/new', tabId: 3, frameId: 0 };
const frame = (frameId: number, tabId = 3): Caller => ({ context: 'picker-frame', url: 'chrome-extension://x/src/picker/picker.html', tabId, frameId });
const windowTab = (tabId: number): Caller => ({ context: 'picker-window', url: 'chrome-extension://x/src/picker/window.html', tabId, frameId: 0 });

describe('where the key is chosen', () => {
  it('opens Keyward’s window when the vault is locked, even where the browser proves visibility', async () => {
    const { fill, openWindow } = service({ unlocked: false });
    const opened = await fill.open('threecommas', 'htx', page, [], null, true);
    expect(opened.surface).toBe('window');
    expect(openWindow).toHaveBeenCalledWith(opened.token, 3);
    // The page's tab cannot read the locked session through a frame: the master password is not typed there.
    await expect(fill.describe(opened.token, frame(7))).rejects.toThrow(/Keyward’s window/);
    expect(await fill.describe(opened.token, windowTab(1101))).toMatchObject({ locked: true, surface: 'window' });
  });

  it('opens Keyward’s window where the browser cannot prove a frame is seen (Firefox)', async () => {
    const { fill, openWindow } = service({ unlocked: true });
    const opened = await fill.open('threecommas', 'htx', page, [], null, false);
    expect(opened.surface).toBe('window');
    expect(openWindow).toHaveBeenCalledTimes(1);
  });

  it('frames the picker only when unlocked and visibility can be proven', async () => {
    const { fill, openWindow } = service({ unlocked: true });
    const opened = await fill.open('threecommas', 'htx', page, [], null, true);
    expect(opened.surface).toBe('frame');
    expect(openWindow).not.toHaveBeenCalled();
  });

  it('answers only the window it opened, never another picker window or the popup', async () => {
    const { fill } = service({ unlocked: true });
    const { token } = await fill.open('threecommas', 'htx', page, [], null, false);
    await expect(fill.describe(token, windowTab(999))).rejects.toThrow(/Keyward’s window/);
    await expect(fill.describe(token, { context: 'popup', url: 'chrome-extension://x/src/popup/popup.html' })).rejects.toThrow();
    await expect(fill.choose(token, 'k1', [], frame(7))).rejects.toThrow();
    expect(await fill.choose(token, 'k1', [], windowTab(1101))).toEqual({ status: 'filled', host: 'app.3commas.io' });
  });

  it('binds a framed session to the first picker frame of the page’s tab', async () => {
    const { fill } = service({ unlocked: true });
    const { token } = await fill.open('threecommas', 'htx', page, [], null, true);
    expect(await fill.describe(token, frame(7))).toMatchObject({ surface: 'frame' });
    await expect(fill.describe(token, frame(8)), 'a second frame with a copied token').rejects.toThrow(/another frame/);
    await expect(fill.describe(token, frame(7, 4)), 'the same token in another tab').rejects.toThrow(/another tab/);
    await expect(fill.describe(token, frame(0)), 'the page’s own frame').rejects.toThrow();
    await expect(fill.describe(token, windowTab(1101)), 'a window that was never opened for it').rejects.toThrow();
    expect(await fill.describe(token, frame(7))).toMatchObject({ locked: false });
  });

  it('hands a framed session to the window: from then on the frame is refused', async () => {
    const { fill, openWindow, deliver } = service({ unlocked: true });
    const { token } = await fill.open('threecommas', 'htx', page, [], null, true);
    await fill.describe(token, frame(7));
    await fill.toWindow(token, frame(7));
    expect(openWindow).toHaveBeenCalledTimes(1);
    await expect(fill.choose(token, 'k1', [], frame(7))).rejects.toThrow(/Keyward’s window/);
    expect(await fill.choose(token, 'k1', [], windowTab(1101))).toMatchObject({ status: 'filled' });
    // The content script learns where the choice was made: no picker frame need be in view.
    expect(deliver.mock.calls[0]?.[2]).toMatchObject({ type: 'fill.values', surface: 'window', token });
    expect(deliver.mock.calls[0]?.[0]).toBe(3);
  });

  it('closes the window of a session that a new click replaced, and the window of a finished fill', async () => {
    const { fill, closeWindow } = service({ unlocked: false });
    await fill.open('threecommas', 'htx', page, [], null, false);
    await fill.open('threecommas', 'htx', page, [], null, false);
    expect(closeWindow).toHaveBeenCalledWith(101);
  });
});

describe('what the page asks to whitelist', () => {
  it('refuses over-broad and private entries by name, and keeps the page’s list apart from the platform’s', async () => {
    const { fill } = service({ unlocked: true });
    const pageIps = ['0.0.0.0/0', '128.0.0.0/1', '10.1.2.3', '52.10.1.7', '203.0.113.10'];
    const { token } = await fill.open('threecommas', 'htx', page, pageIps, null, true);
    const session = await fill.describe(token, frame(7));
    expect(session.refusedPageIps).toEqual([
      { ip: '0.0.0.0/0', why: 'over-broad' },
      { ip: '128.0.0.0/1', why: 'over-broad' },
      { ip: '10.1.2.3', why: 'private' },
    ]);
    const [key] = session.keys;
    // The module carries no verified list for 3Commas (placeholders are never advice): all that
    // is left is the page's own list, passed on as the page's word, screened.
    expect(key?.missingIps).toEqual([]);
    expect(key?.pageIpsMissing).toEqual(['52.10.1.7', '203.0.113.10']);
    expect([...(key?.missingIps ?? []), ...(key?.pageIpsMissing ?? [])]).not.toContain('0.0.0.0/0');
  });
});
