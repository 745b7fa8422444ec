import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, type FixtureServer, assertBuilt, distPath, launchChromium, startFixtureServer } from './harness';
import { keywardNotes, waitForNoNote, waitForNote } from './inline-notes';
import { POPUP, createVault, lock, sendFromPage, unlock, waitReady } from './popup-driver';
import { dumpStorage, findSecrets } from './storage-scan';

/**
 * HTX, the whole flow on fixture pages served under www.htx.com over HTTPS: warnings while the
 * key is being created, the one-time secret captured while the vault is locked, the key in the
 * popup after unlock, the key list audited; and nothing at all over plain http.
 */

const PASSWORD = 'htx-flow-password-1';
const ACCESS = 'c3d5e7f9-99a1b3c5-84d6e8f0-7a2b4';
const SECRET = 'f9e8d7c6-b5a4c3d2-e1f0a9b8-7c6d5';

let server: FixtureServer;
let session: ChromiumSession;
let popup: Page;
let page: Page;

async function openApiPage(url = 'https://www.htx.com/en-us/apikey/'): Promise<Page> {
  const tab = await session.context.newPage();
  await tab.addInitScript(
    ([access, secret]) => {
      Object.assign(window, { __fixtureAccess: access, __fixtureSecret: secret });
    },
    [ACCESS, SECRET] as const,
  );
  await tab.goto(url);
  await tab.getByRole('heading', { name: /Create API Key/ }).waitFor();
  return tab;
}

beforeAll(async () => {
  assertBuilt('chrome');
  server = await startFixtureServer();
  session = await launchChromium({ dist: distPath('chrome'), hosts: ['www.htx.com'], port: server.port, httpPort: server.httpPort });
  popup = await session.openExtensionPage(POPUP);
  await createVault(popup, PASSWORD);
  await lock(popup);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('HTX API page in Chromium', () => {
  it('warns beside the controls while the key is created, live as the user toggles', async () => {
    page = await openApiPage();
    await waitForNote(page, /No IP whitelist: anyone holding this key/);
    await page.getByText('Trade', { exact: true }).click();
    await page.getByText('Withdraw', { exact: true }).click();
    const withdraw = await waitForNote(page, /Withdraw is enabled/, 'alert');
    expect(withdraw.text).toMatch(/never need/);
    await page.getByText('Withdraw', { exact: true }).click();
    await waitForNoNote(page, /Withdraw is enabled/);
    await page.getByPlaceholder(/Up to 20 IP/).fill('0.0.0.0/0');
    await waitForNote(page, /0\.0\.0\.0\/0 allows every address/);
    await page.getByPlaceholder(/Up to 20 IP/).fill('203.0.113.7');
    await waitForNoNote(page, /allows every address|No IP whitelist: anyone holding this key/);
  });

  it('captures the one-time secret while the vault is locked, and says so', async () => {
    await page.getByPlaceholder('e.g. my-bot').fill('grid-bot-7');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('dialog').waitFor();
    const saved = await waitForNote(page, /Saved to your vault/, 'status');
    expect(saved.text).toContain('grid-bot-7');
    expect(saved.text).toContain(ACCESS.slice(-4));
    expect(saved.text).not.toContain(SECRET);
  });

  it('marks the risky keys of the key list, with a summary', async () => {
    const notes = await keywardNotes(page);
    expect(notes.some((n) => /risky/.test(n.text))).toBe(true);
    expect(notes.some((n) => /Withdraw is enabled on this key/.test(n.text))).toBe(true);
    expect(notes.filter((n) => /No IP whitelist: any address/.test(n.text))).toHaveLength(1);
  });

  it('shows the captured key in the popup after unlock, with its permissions and IPs', async () => {
    await popup.reload();
    await unlock(popup, PASSWORD);
    await popup.getByRole('button', { name: /grid-bot-7/ }).click();
    await waitReady(popup, 'detail');
    const text = await popup.locator('main').innerText();
    expect(text).toContain('203.0.113.7');
    await popup.getByRole('button', { name: 'Reveal Secret Key' }).click();
    await expect.poll(() => popup.getByRole('textbox', { name: 'Secret Key', exact: true }).inputValue()).toBe(SECRET);
    const { data } = await sendFromPage<{ data: { keys: { label: string; permissions: { trade: boolean; withdraw: boolean }; ipWhitelist: string[] }[] } }>(popup, 'keys.list', {});
    const key = data.keys.find((k) => k.label === 'grid-bot-7');
    expect(key?.permissions).toMatchObject({ trade: true, withdraw: false });
    expect(key?.ipWhitelist).toEqual(['203.0.113.7']);
  });

  it('captures the same key once, however often the dialog is seen', async () => {
    await page.reload();
    await page.getByRole('heading', { name: /Create API Key/ }).waitFor();
    await page.getByRole('button', { name: 'Create' }).click();
    await waitForNote(page, /already in your vault/, 'status');
    const { data } = await sendFromPage<{ data: { keyCount: number } }>(popup, 'vault.status', {});
    expect(data.keyCount).toBe(1);
  });

  it('does nothing over plain http', async () => {
    const tab = await session.context.newPage();
    await tab.goto('http://www.htx.com/en-us/apikey/');
    await tab.getByRole('heading', { name: /Create API Key/ }).waitFor();
    await tab.getByText('Withdraw', { exact: true }).click();
    await tab.getByRole('button', { name: 'Create' }).click();
    await tab.getByRole('dialog').waitFor();
    await tab.waitForTimeout(500);
    expect(await tab.locator('keyward-inline').count()).toBe(0);
    const { data } = await sendFromPage<{ data: { keyCount: number } }>(popup, 'vault.status', {});
    expect(data.keyCount).toBe(1);
    await tab.close();
  });

  it('stores nothing in clear', async () => {
    const worker = await session.serviceWorker();
    const dump = await worker.evaluate(dumpStorage);
    expect(findSecrets(dump, { secret: SECRET, access: ACCESS, password: PASSWORD })).toEqual([]);
  });
});

describe('HTX after a redesign Keyward does not know', () => {
  it('captures at once when the new words stand beside values in HTX\'s own format', async () => {
    const before = (await sendFromPage<{ data: { keyCount: number } }>(popup, 'vault.status', {})).data.keyCount;
    const tab = await session.context.newPage();
    await tab.goto('https://www.htx.com/en-us/apikey/redesign/');
    await waitForNote(tab, /Saved to your vault/, 'status');
    expect((await sendFromPage<{ data: { keyCount: number } }>(popup, 'vault.status', {})).data.keyCount).toBe(before + 1);
    await tab.close();
  });

  it('offers capture by one click, not silently, when the values have a format it does not know', async () => {
    const before = (await sendFromPage<{ data: { keyCount: number } }>(popup, 'vault.status', {})).data.keyCount;
    const tab = await session.context.newPage();
    await tab.goto('https://www.htx.com/en-us/apikey/redesign/?format=new');
    await waitForNote(tab, /looks like a new API key/, 'status');
    await tab.waitForTimeout(300);
    expect((await sendFromPage<{ data: { keyCount: number } }>(popup, 'vault.status', {})).data.keyCount).toBe(before);
    // A real click on the button in the closed shadow root, found through the accessibility tree.
    const cdp = await tab.context().newCDPSession(tab);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; name?: { value?: string }; backendDOMNodeId?: number }[];
    };
    const button = nodes.find((n) => n.role?.value === 'button' && n.name?.value === 'Save to Keyward');
    if (!button?.backendDOMNodeId) throw new Error('no Save to Keyward button');
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendDOMNodeId })) as { model: { content: number[] } };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    await tab.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    await waitForNote(tab, /Saved to your vault/, 'status');
    expect((await sendFromPage<{ data: { keyCount: number } }>(popup, 'vault.status', {})).data.keyCount).toBe(before + 1);
    await tab.close();
  });
});
