import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, type FixtureServer, assertBuilt, distPath, launchChromium, startFixtureServer } from './harness';
import { clickKeyward, picker, pickerWindow } from './fill-driver';
import { POPUP, createVault, sendFromPage } from './popup-driver';

/**
 * Filling a platform's bind form (3Commas fixture, React-style controlled inputs) from the vault:
 * only through Keyward's button and picker, with exact trimmed values that survive re-renders,
 * a confirmation for risky keys, the binding recorded; and never when the page is faded, the
 * field was swapped, or a page script clicks for the user.
 */

const URL_3COMMAS = 'https://app.3commas.io/accounts/new/';
const OKX = { apiKey: '3f8e4c2a-7b1d-4e9f-a6c5-0d2b8e7f1a93', secret: '9C4E1A7B3D5F2E8A6C0B4D9E1F3A5C7B', passphrase: 'Tr4d1ng-Passphrase!' };
const BINANCE = {
  apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
  secret: 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
};

let server: FixtureServer;
let session: ChromiumSession;
let popup: Page;

function input(exchange: string, label: string, creds: { apiKey: string; secret: string; passphrase?: string }, withdraw: boolean, futures?: boolean) {
  return {
    input: {
      exchange,
      credentials: { apiKey: creds.apiKey, secret: creds.secret, passphrase: creds.passphrase ?? '' },
      details: {
        label,
        account: 'main',
        permissions: { read: true, trade: true, ...(futures === undefined ? {} : { futures }), withdraw, transfer: false, labels: [] },
        ipWhitelist: ['203.0.113.7'],
        source: { kind: 'manual' },
        notes: '',
      },
    },
  };
}

async function openForm(exchange: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(URL_3COMMAS);
  await page.getByRole('combobox').click();
  await page.getByRole('option', { name: exchange, exact: true }).click();
  await page.waitForSelector('keyward-inline[data-keyward="fill-button"]');
  return page;
}

/** The secret field (the third text input of the 3Commas form: name, API key, secret). */
async function styleSecret(page: Page, css: string, onParent = false): Promise<void> {
  await page.evaluate(
    ([style, parent]) => {
      const secret = [...document.querySelectorAll('input')].filter((i) => i.type !== 'search')[2];
      const target = parent ? secret?.parentElement : secret;
      if (target) target.style.cssText += style;
    },
    [css, onParent] as const,
  );
}

async function fieldValues(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('input')].filter((i) => i.type !== 'search').map((i) => i.value));
}

beforeAll(async () => {
  assertBuilt('chrome');
  server = await startFixtureServer();
  session = await launchChromium({ dist: distPath('chrome'), hosts: ['app.3commas.io', 'app.altrady.com', 'www.trading-tools.example', 'app.3commas.io.trade-login.example', 'app-3commas.io'], port: server.port, httpPort: server.httpPort });
  popup = await session.openExtensionPage(POPUP);
  await createVault(popup, 'fill-test-password');
  expect((await sendFromPage<{ ok: boolean }>(popup, 'keys.add', input('okx', 'okx bot', OKX, false))).ok).toBe(true);
  expect((await sendFromPage<{ ok: boolean }>(popup, 'keys.add', input('binance', 'binance main', BINANCE, true))).ok).toBe(true);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('filling a bind form in Chromium', () => {
  it('fills the chosen key, exact and kept across re-renders, and records the binding', async () => {
    const page = await openForm('OKX');
    expect(await fieldValues(page)).not.toContain(OKX.secret);
    await clickKeyward(page);
    const frame = await picker(page);
    const shown = await frame.locator('body').innerText();
    expect(shown).toContain('app.3commas.io');
    // The IPs the form shows for OKX, which the key's whitelist (203.0.113.7) lacks: the page's
    // word, attributed to it (Keyward carries no verified list for 3Commas).
    expect(shown).toMatch(/The page lists 203\.0\.113\.10, 203\.0\.113\.11, 203\.0\.113\.12 for the whitelist/);
    await frame.getByRole('button', { name: /okx bot/ }).click();
    await expect.poll(() => fieldValues(page)).toEqual(expect.arrayContaining([OKX.apiKey, OKX.secret, OKX.passphrase]));
    await page.waitForTimeout(600); // the page re-renders from its state every 250 ms
    expect(await fieldValues(page)).toEqual(expect.arrayContaining([OKX.apiKey, OKX.secret, OKX.passphrase]));
    await expect
      .poll(async () => {
        const { data } = await sendFromPage<{ data: { keys: { label: string; bindings: { platformHost: string }[] }[] } }>(popup, 'keys.list', {});
        return data.keys.find((k) => k.label === 'okx bot')?.bindings.map((b) => b.platformHost);
      })
      .toEqual(['app.3commas.io']);
    await page.close();
  });

  it('never asks for the master password in the page: a locked vault unlocks in Keyward’s window, and the fill continues', async () => {
    expect((await sendFromPage<{ ok: boolean }>(popup, 'vault.lock', {})).ok).toBe(true);
    const page = await openForm('OKX');
    // The page steals the focus for its own input all the time, as a hostile page did mid-typing.
    await page.evaluate(() => {
      const thief = document.createElement('input');
      thief.id = 'thief';
      // Fixed in a corner: it steals the focus without moving the form under the user's click.
      thief.style.cssText = 'position:fixed;left:0;bottom:0;width:80px';
      document.body.prepend(thief);
      setInterval(() => thief.focus(), 5);
    });
    await clickKeyward(page);
    const window = await pickerWindow(session.context);
    // Nothing of Keyward's in the page asks for a password, and no picker frame was put there.
    expect(page.frames().some((f) => f.url().includes('/src/picker/picker.html'))).toBe(false);
    expect(await page.locator('keyward-inline[data-keyward="picker"]').count()).toBe(0);
    expect(await window.getByRole('button', { name: /okx bot/ }).count()).toBe(0);
    await window.getByLabel('Master password').fill('not the password');
    await window.getByRole('button', { name: 'Unlock' }).click();
    await window.getByRole('alert').filter({ hasText: /password/i }).waitFor();
    expect(await fieldValues(page)).not.toContain(OKX.secret);
    await window.getByLabel('Master password').pressSequentially('fill-test-password');
    expect(await page.locator('#thief').inputValue()).toBe('');
    await window.getByRole('button', { name: 'Unlock' }).click();
    await window.getByRole('button', { name: /okx bot/ }).click();
    await expect.poll(() => fieldValues(page)).toEqual(expect.arrayContaining([OKX.apiKey, OKX.secret, OKX.passphrase]));
    expect(await page.locator('#thief').inputValue()).toBe('');
    // The window says so, then closes by itself.
    await window.waitForEvent('close', { timeout: 10_000 });
    await page.close();
  });

  it('lets a keyboard user choose: the picker takes the focus on its first key', async () => {
    const page = await openForm('OKX');
    await clickKeyward(page);
    const frame = await picker(page);
    await expect.poll(() => frame.evaluate(() => (document.activeElement?.matches('button.key') ? document.activeElement.textContent : '') ?? '')).toMatch(/okx bot/);
    await page.keyboard.press('Enter');
    await expect.poll(() => fieldValues(page)).toEqual(expect.arrayContaining([OKX.apiKey, OKX.secret, OKX.passphrase]));
    await page.close();
  });

  it('asks before filling a key with withdraw enabled', async () => {
    const page = await openForm('Binance Spot');
    await clickKeyward(page);
    const frame = await picker(page);
    await frame.getByRole('button', { name: /binance main/ }).click();
    await frame.getByText(/never need withdraw/).waitFor();
    expect(await fieldValues(page)).not.toContain(BINANCE.secret);
    await frame.getByRole('button', { name: 'Fill anyway' }).click();
    await expect.poll(() => fieldValues(page)).toEqual(expect.arrayContaining([BINANCE.apiKey, BINANCE.secret]));
    await page.close();
  });

  it('says before filling that a spot-only key will be denied on a futures bind (preflight)', async () => {
    const spotOnly = { apiKey: 'Fq2wE9rT4yU7iO1pA5sD8fG3hJ6kL0zX2cV5bN8mQ1wE4rT7yU0iO3pA6sD9fG2h', secret: 'Gz4xC7vB0nM3qW6eR9tY2uI5oP8aS1dF4gH7jK0lZ3xC6vB9nM2qW5eR8tY1uI4o' };
    expect((await sendFromPage<{ ok: boolean }>(popup, 'keys.add', input('binance', 'binance spot', spotOnly, false, false))).ok).toBe(true);
    const page = await openForm('Binance Futures USDT-M');
    await clickKeyward(page);
    const frame = await picker(page);
    await frame.getByRole('button', { name: /binance spot/ }).click();
    await frame.getByText(/will answer Permission Denied: futures strategies need/).waitFor();
    expect(await fieldValues(page)).not.toContain(spotOnly.secret);
    await frame.getByRole('button', { name: 'Fill anyway' }).click();
    await expect.poll(() => fieldValues(page)).toEqual(expect.arrayContaining([spotOnly.apiKey, spotOnly.secret]));
    await page.close();
  });

  it('asks before filling a key of another exchange than the form is set to', async () => {
    const page = await openForm('OKX');
    await clickKeyward(page);
    const frame = await picker(page);
    await frame.getByRole('button', { name: /binance main/ }).click();
    await frame.getByText(/This is a Binance key, and the form is set to OKX/).waitFor();
    await frame.getByText(/never need withdraw/).waitFor();
    expect(await fieldValues(page)).not.toContain(BINANCE.secret);
    await frame.getByRole('button', { name: 'Choose another key' }).click();
    await frame.getByRole('button', { name: /okx bot/ }).waitFor();
    expect(await fieldValues(page)).not.toContain(BINANCE.secret);
    await page.close();
  });

  it('never fills when the page is faded after the picker opened (DOM clickjacking)', async () => {
    const page = await openForm('OKX');
    await clickKeyward(page);
    const frame = await picker(page);
    await page.evaluate(() => {
      document.body.style.opacity = '0.05';
    });
    await frame.getByRole('button', { name: /okx bot/ }).click({ force: true });
    await page.waitForTimeout(500);
    expect(await fieldValues(page)).not.toContain(OKX.secret);
    await page.close();
  });

  it('never fills through a decoy laid over the picker that lets clicks through (DEF CON 33)', async () => {
    const page = await openForm('OKX');
    await clickKeyward(page);
    const frame = await picker(page);
    await frame.getByRole('button', { name: /okx bot/ }).waitFor();
    await page.evaluate(() => {
      const host = document.querySelector('keyward-inline[data-keyward="picker"]');
      if (!host) return;
      const p = host.getBoundingClientRect();
      const decoy = document.createElement('div');
      decoy.textContent = 'Click to claim your reward';
      decoy.style.cssText = `position:absolute;left:${p.left + scrollX}px;top:${p.top + scrollY}px;width:${p.width}px;height:${p.height}px;background:#fff;z-index:99;pointer-events:none`;
      document.body.append(decoy);
    });
    const key = frame.getByRole('button', { name: /okx bot/ });
    const box = await key.boundingBox();
    if (!box) throw new Error('no key button');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2); // where the user was lured to click
    await page.waitForTimeout(600);
    expect(await fieldValues(page)).not.toContain(OKX.secret);
    await page.close();
  });

  it('never fills a field swapped after the picker opened', async () => {
    const page = await openForm('OKX');
    await clickKeyward(page);
    const frame = await picker(page);
    await frame.getByRole('button', { name: /okx bot/ }).waitFor();
    await page.evaluate(() => {
      const inputs = [...document.querySelectorAll('input')].filter((i) => i.type !== 'search');
      const secret = inputs[2];
      if (!secret) return;
      // Moved sideways, below the picker: not where the user saw it, while the picker stays in
      // view (a picker pushed out of view would refuse the click for that reason instead).
      secret.style.marginLeft = '60px';
    });
    await frame.getByRole('button', { name: /okx bot/ }).click();
    await expect.poll(() => frame.locator('body').innerText().catch(() => '')).toMatch(/Not filled: The form changed/);
    expect(await fieldValues(page)).not.toContain(OKX.secret);
    await page.close();
  });

  it('ignores a click on the button by a page script', async () => {
    const page = await openForm('OKX');
    await page.evaluate(() => {
      const host = document.querySelector('keyward-inline[data-keyward="fill-button"]');
      host?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      (host as HTMLElement | null)?.click();
    });
    await page.waitForTimeout(500);
    expect(page.frames().some((f) => f.url().includes('picker.html'))).toBe(false);
    await page.close();
  });

  it('never offers or fills inside a frame from another site', async () => {
    const page = await session.context.newPage();
    await page.goto('https://www.trading-tools.example/embed/');
    const frame = page.frames().find((f) => f.url().startsWith('https://app.3commas.io/'));
    if (!frame) throw new Error('the platform frame did not load');
    await frame.getByRole('combobox').click();
    await frame.getByRole('option', { name: 'OKX', exact: true }).click();
    await page.waitForTimeout(800);
    expect(await frame.locator('keyward-inline').count()).toBe(0);
    await page.close();
  });

  it('opens the picker and fills under a strict page CSP (frame-src self)', async () => {
    const page = await session.context.newPage();
    await page.goto('https://app.3commas.io/accounts/new/?csp=strict');
    await page.getByRole('combobox').click();
    await page.getByRole('option', { name: 'OKX', exact: true }).click();
    await clickKeyward(page);
    const frame = await picker(page);
    await frame.getByRole('button', { name: /okx bot/ }).click();
    await expect.poll(() => fieldValues(page)).toEqual(expect.arrayContaining([OKX.apiKey, OKX.secret, OKX.passphrase]));
    await page.close();
  });

  it('fills a form inside a frame of the platform’s own origin', async () => {
    const page = await session.context.newPage();
    await page.goto('https://app.3commas.io/settings/connect/');
    const frame = page.frames().find((f) => f.url().startsWith('https://app.3commas.io/accounts/new'));
    if (!frame) throw new Error('the same-origin frame did not load');
    await frame.getByRole('combobox').click();
    await frame.getByRole('option', { name: 'OKX', exact: true }).click();
    const button = frame.locator('keyward-inline[data-keyward="fill-button"]');
    await button.waitFor();
    const box = await button.boundingBox();
    if (!box) throw new Error('no Keyward button');
    await page.mouse.click(box.x + 20, box.y + box.height / 2);
    const pickerFrame = await picker(page);
    await pickerFrame.getByRole('button', { name: /okx bot/ }).click();
    await expect
      .poll(() => frame.evaluate(() => [...document.querySelectorAll('input')].filter((i) => i.type !== 'search').map((i) => i.value)))
      .toEqual(expect.arrayContaining([OKX.apiKey, OKX.secret, OKX.passphrase]));
    await page.close();
  });

  it('refuses to open the picker for a transparent field', async () => {
    const page = await openForm('OKX');
    await page.evaluate(() => {
      const secret = [...document.querySelectorAll('input')].filter((i) => i.type !== 'search')[2];
      if (secret) secret.style.opacity = '0.1';
    });
    await clickKeyward(page);
    await page.waitForTimeout(500);
    expect(page.frames().some((f) => f.url().includes('picker.html'))).toBe(false);
    await page.close();
  });

  it('never fills a field covered by an overlay placed after the picker opened', async () => {
    const page = await openForm('OKX');
    await clickKeyward(page);
    const frame = await picker(page);
    await page.evaluate(() => {
      const secret = [...document.querySelectorAll('input')].filter((i) => i.type !== 'search')[2];
      if (!secret) return;
      const r = secret.getBoundingClientRect();
      const cover = document.createElement('div');
      cover.style.cssText = `position:absolute;left:${r.left + scrollX}px;top:${r.top + scrollY}px;width:${r.width}px;height:${r.height}px;background:#fff;z-index:9`;
      document.body.append(cover);
    });
    await frame.getByRole('button', { name: /okx bot/ }).click();
    await expect.poll(() => frame.locator('body').innerText().catch(() => '')).toMatch(/Not filled: Something covers a field/);
    expect(await fieldValues(page)).not.toContain(OKX.secret);
    await page.close();
  });

  it('ignores messages and events a page script forges, and the inputs stay empty', async () => {
    const page = await openForm('OKX');
    await page.evaluate(() => {
      const forged = { keyward: 1, type: 'fill.values', token: 'x', values: { apiKey: 'a', secret: 'b', passphrase: '' } };
      window.postMessage(forged, '*');
      document.dispatchEvent(new CustomEvent('keyward:fill', { detail: forged }));
      window.dispatchEvent(new MessageEvent('message', { data: forged }));
    });
    await page.waitForTimeout(500);
    expect(await fieldValues(page)).toEqual(['', '', '', '']);
    expect(page.frames().some((f) => f.url().includes('picker.html'))).toBe(false);
    await page.close();
  });

  it.each([
    ['hidden by opacity', 'opacity: 0.3', false],
    ['shrunk to a few pixels', 'width: 3px; height: 3px; padding: 0; border: 0', false],
    ['moved off-screen', 'position: absolute; left: -9999px; top: -9999px', false],
    ['inside a hidden ancestor', 'visibility: hidden', true],
  ] as const)('never fills a field %s after the picker opened', async (_name, css, onParent) => {
    const page = await openForm('OKX');
    await clickKeyward(page);
    const frame = await picker(page);
    await styleSecret(page, css, onParent);
    // Keyward either closes the picker (the form it opened for is no longer seen) or refuses the fill.
    await frame.getByRole('button', { name: /okx bot/ }).click({ timeout: 10_000 }).catch(() => undefined);
    await expect.poll(async () => frame.isDetached() || /Not filled/.test(await frame.locator('body').innerText().catch(() => ''))).toBe(true);
    await page.waitForTimeout(300);
    expect(await fieldValues(page)).not.toContain(OKX.secret);
    expect(await fieldValues(page)).not.toContain(OKX.apiKey);
    await page.close();
  });

  it('gives a page script nothing before the choice: inputs empty, picker unreadable', async () => {
    const page = await session.context.newPage();
    // The page's own script, from its first moment: it records every value it ever sees.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      setInterval(() => {
        for (const input of document.querySelectorAll('input')) if (input.value) seen.push(input.value);
      }, 20);
    });
    await page.goto(URL_3COMMAS);
    await page.getByRole('combobox').click();
    await page.getByRole('option', { name: 'OKX', exact: true }).click();
    await clickKeyward(page);
    const frame = await picker(page);
    await frame.getByRole('button', { name: /okx bot/ }).waitFor();
    await page.waitForTimeout(500);
    const before = await page.evaluate(() => {
      const host = document.querySelector('keyward-inline[data-keyward="picker"]');
      return {
        seen: (window as unknown as { seen: string[] }).seen.slice(),
        // Closed shadow roots: the page cannot reach the picker's frame or the button's insides.
        pickerRoot: host?.shadowRoot ?? null,
        frames: [...document.querySelectorAll('iframe')].length,
        text: document.body.innerText,
      };
    });
    expect(before.seen).toEqual([]);
    expect(before.pickerRoot).toBeNull();
    expect(before.frames).toBe(0);
    expect(before.text).not.toContain('okx bot');
    await page.close();
  });

  it.each([
    ['a lookalike subdomain', 'https://app.3commas.io.trade-login.example/app.3commas.io/accounts/new/'],
    ['a lookalike host', 'https://app-3commas.io/app.3commas.io/accounts/new/'],
  ])('never offers Keyward on %s of the platform', async (_name, url) => {
    const page = await session.context.newPage();
    await page.goto(url);
    await page.getByRole('combobox').click();
    await page.getByRole('option', { name: 'OKX', exact: true }).click();
    await page.waitForTimeout(1200);
    expect(await page.locator('keyward-inline[data-keyward="fill-button"]').count()).toBe(0);
    expect(await fieldValues(page)).not.toContain(OKX.secret);
    await page.close();
  });

  it('finds a bind dialog opened late on a page that is not a bind route, and fills it', async () => {
    const page = await session.context.newPage();
    await page.goto('https://app.3commas.io/smart_trade/');
    await page.waitForTimeout(1200);
    expect(await page.locator('keyward-inline[data-keyward="fill-button"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Connect exchange' }).click();
    await page.getByRole('dialog').waitFor();
    await page.locator('keyward-inline[data-keyward="fill-button"]').waitFor({ timeout: 5_000 });
    await clickKeyward(page);
    const frame = await picker(page);
    await frame.getByRole('button', { name: /okx bot/ }).click();
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('[role=dialog] input')].map((i) => (i as HTMLInputElement).value))).toEqual([
      OKX.apiKey,
      OKX.secret,
    ]);
    await page.close();
  });

  // 3Commas is on Chromium's HSTS preload list (http is upgraded), so http is shown on Altrady:
  // the same form over https gets the button, over http it does not.
  it('does nothing over plain http', async () => {
    const page = await session.context.newPage();
    await page.goto('https://app.altrady.com/settings/exchange-api-keys/');
    await page.waitForSelector('keyward-inline[data-keyward="fill-button"]', { timeout: 10_000 });
    await page.goto('http://app.altrady.com/settings/exchange-api-keys/');
    expect(page.url()).toMatch(/^http:/);
    await page.waitForTimeout(1500);
    expect(await page.locator('keyward-inline[data-keyward="fill-button"]').count()).toBe(0);
    await page.close();
  });
});
