import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME } from '../../src/vault/store';
import { type FirefoxSession, assertBuilt, distPath, launchFirefox } from './harness';
import { sendFrom } from './firefox-fill-driver';
import { SPOT_KEY, WITHDRAW_KEY, clearRiskHintInPage, recordStateInPage, sealOverInPage } from './profile-writer';

/**
 * Storage tampering in Firefox (background page, not a service worker): the same profile writer
 * as in Chromium, from the popup's own origin. Keyward must refuse what it did not write and keep
 * its warnings whatever the clear flags say.
 */

const PASSWORD = 'firefox-tamper-quarry-31';

type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
interface ListedKey {
  id: string;
  risk: { withdraw: boolean };
  damaged?: string;
}

let session: FirefoxSession;
let page: Page;
let withdrawId = '';
let spotId = '';

/** A message to the background from the page page, as Keyward's own pages send it. */
const send = <T>(type: string, payload: unknown) => sendFrom<T>(page, type, payload) as Promise<Reply<T>>;

async function add(input: unknown): Promise<string> {
  const reply = await send<{ key: { id: string } }>('keys.add', { input });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data.key.id;
}

async function listed(): Promise<ListedKey[]> {
  const reply = await send<{ keys: ListedKey[] }>('keys.list', {});
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data.keys;
}

async function ready(view: string): Promise<void> {
  await page.waitForSelector(`body[data-ready="${view}"]`, { timeout: 15_000 });
}

async function type(selector: string, value: string): Promise<void> {
  const field = await page.waitForSelector(selector);
  await field?.evaluate((el) => {
    (el as HTMLInputElement).value = '';
  });
  await field?.type(value);
}

async function clickButton(name: RegExp): Promise<void> {
  const handle = await page.waitForFunction(
    (source: string, flags: string) => {
      const pattern = new RegExp(source, flags);
      return [...document.querySelectorAll('button')].find(
        (b) => pattern.test((b.getAttribute('aria-label') ?? b.textContent ?? '').trim()) && !b.disabled,
      );
    },
    {},
    name.source,
    name.flags,
  );
  // The predicate returned a <button>; puppeteer types it as a Node.
  await (handle.asElement() as ElementHandle<Element> | null)?.click();
}

/** The text of the key row that contains `text`, once there is one. */
async function rowText(text: string): Promise<string> {
  const handle = await page.waitForFunction(
    (t: string) => [...document.querySelectorAll('button.row')].find((b) => (b.textContent ?? '').includes(t))?.textContent,
    {},
    text,
  );
  return String(await handle.jsonValue());
}

/** A fresh popup (reloading a moz-extension page through BiDi does not report its load). */
async function reopen(): Promise<void> {
  const next = await session.openExtensionPage('src/popup/popup.html');
  await page.close();
  page = next;
  await ready('list');
}

async function lockAndUnlock(between: () => Promise<unknown> = async () => undefined): Promise<void> {
  await clickButton(/^Lock$/);
  await ready('unlock');
  await between();
  await type('#unlock-password', PASSWORD);
  await clickButton(/^Unlock$/);
  await ready('list');
}

beforeAll(async () => {
  assertBuilt('firefox');
  session = await launchFirefox({ dist: distPath('firefox') });
  page = await session.openExtensionPage('src/popup/popup.html');
  await ready('create');
  await type('#create-password', PASSWORD);
  await type('#create-confirm', PASSWORD);
  await clickButton(/^Create vault$/);
  await ready('list');
  withdrawId = await add(WITHDRAW_KEY);
  spotId = await add(SPOT_KEY);
  await reopen();
});

afterAll(async () => {
  await session?.close();
});

describe('storage tampering in Firefox', () => {
  it('a cleared clear-text withdraw flag changes no warning, open or after lock and unlock', async () => {
    expect(await page.evaluate(clearRiskHintInPage, { db: DB_NAME, id: withdrawId })).toMatchObject({ withdraw: false });
    await reopen();
    expect(await rowText('okx withdraw bot')).toMatch(/Withdraw on/);
    expect((await listed()).find((key) => key.id === withdrawId)?.risk.withdraw).toBe(true);

    await lockAndUnlock(() => page.evaluate(clearRiskHintInPage, { db: DB_NAME, id: withdrawId }));
    expect(await rowText('okx withdraw bot')).toMatch(/Withdraw on/);
    expect((await listed()).find((key) => key.id === withdrawId)?.risk.withdraw).toBe(true);
  });

  it('an adopted record rewritten with a sealed box is shown as tampered after lock and unlock, and reveal is refused', async () => {
    expect(await page.evaluate(sealOverInPage, { db: DB_NAME, id: withdrawId })).toBe('ECDH-P256+HKDF-SHA256+A256GCM');
    await lockAndUnlock();

    expect(await rowText('Tampered key record')).toMatch(/Tampered/);
    expect((await listed()).find((key) => key.id === withdrawId)?.damaged).toEqual(expect.any(String));
    const refused = await send<{ value: string }>('keys.reveal', { id: withdrawId, field: 'secret' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('tampered');
    expect(await page.evaluate(recordStateInPage, { db: DB_NAME, id: withdrawId })).toEqual({
      alg: 'ECDH-P256+HKDF-SHA256+A256GCM',
      tagged: false,
    });
    expect(await send('keys.reveal', { id: spotId, field: 'secret' })).toEqual({ ok: true, data: { value: SPOT_KEY.credentials.secret } });

    await clickButton(/^Tampered key record/);
    await ready('detail');
    expect(await page.evaluate(() => document.body.innerText)).toContain('Keyward will not use this key.');
    expect(await page.evaluate(() => [...document.querySelectorAll('button')].filter((b) => /^Reveal/.test(b.getAttribute('aria-label') ?? '')).length)).toBe(0);
  });
});
