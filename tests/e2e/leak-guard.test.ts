import { beforeAll, describe, expect, it } from 'vitest';
import type { NewKeyInput } from '../../src/core/records';
import { manualKey } from './driver/manual-key';
import { BROWSERS, type DriverSession, type ExtensionTab, type Tab, type Target, absence, createVault, useBrowser, useFixtureServer, waitForNote } from './driver';
import { dumpStorage, findSecrets } from './storage-scan';

/**
 * The leak guard (issue 11): a stored key's secret pasted into an ordinary page (a team chat) is
 * warned beside the field, which key only after a click in the note; nothing on the platform the
 * key is bound to, nothing for text of the same shape that Keyward does not hold.
 *
 * The paste is the browser's own, so the page gets a trusted paste event: the text is typed into
 * the page's draft field, selected and copied with real Control+A and Control+C keystrokes, and
 * pasted with a real Control+V (Playwright's keyboard over CDP in Chromium, WebDriver BiDi input
 * actions in Firefox), both through the browser's own clipboard. A ClipboardEvent dispatched by a
 * script would be untrusted, and Keyward ignores those (src/content/leak-guard.test.ts).
 */

const fixtures = useFixtureServer();
const CHAT = 'https://chat.team-notes.example/';
const BIND_FORM = 'https://app.3commas.io/accounts/new/';
const HOSTS = ['chat.team-notes.example', 'app.3commas.io'];

const BOUND = { apiKey: '3f8e4c2a-7b1d-4e9f-a6c5-0d2b8e7f1a93', secret: '9C4E1A7B3D5F2E8A6C0B4D9E1F3A5C7B', passphrase: 'Tr4d1ng-Passphrase!' };
const LOOSE = {
  apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
  secret: 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
  passphrase: '',
};
/** Same shape as BOUND's secret, stored nowhere. */
const UNKNOWN = '7A2D9F4C1E8B3A6D0F5C2E9B4A7D1C3F';
const SECRETS = { boundSecret: BOUND.secret, boundPassphrase: BOUND.passphrase, boundKey: BOUND.apiKey, looseSecret: LOOSE.secret, looseKey: LOOSE.apiKey };
const WARNING = /pasted here, where it does not belong/;

function key(exchange: NewKeyInput['exchange'], label: string, credentials: NewKeyInput['credentials'], bindings: NewKeyInput['details']['bindings']): { input: NewKeyInput } {
  return { input: manualKey(exchange, label, credentials, { bindings }) };
}

/** Puts `text` on the browser's clipboard by a real copy from the chat page's draft field. */
async function copy(chat: Tab, text: string): Promise<void> {
  await chat.bringToFront();
  await chat.fill({ label: 'Draft' }, text);
  await chat.click({ label: 'Draft' });
  await chat.press('Control+A');
  await chat.press('Control+C');
}

/** A real Control+V into the field, and proof that the browser did paste there. */
async function paste(page: Tab, field: Target, text: string): Promise<void> {
  await page.bringToFront();
  await page.click(field);
  await page.press('Control+V');
  await page.waitUntil((expected) => {
    const focused = document.activeElement;
    const value = focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement ? focused.value : (focused?.textContent ?? '');
    return value.includes(expected);
  }, text);
}

describe.each(BROWSERS)('the leak guard in %s', (browser) => {
  const use = useBrowser(browser, () => ({ hosts: HOSTS, server: fixtures.server }));
  let session: DriverSession;
  let popup: ExtensionTab;
  let chat: Tab;

  beforeAll(async () => {
    ({ session, popup } = use);
    await createVault(popup, 'leak-guard-test-pw');
    await popup.call('keys.add', key('okx', 'okx grid', BOUND, [{ platformHost: 'app.3commas.io', boundAt: Date.now() }]));
    await popup.call('keys.add', key('binance', 'binance dca', LOOSE, []));
    chat = await session.openPage(CHAT);
  });

  it('warns at once when a stored secret is pasted into a chat, and names the key only on a click', async () => {
    await copy(chat, BOUND.secret);
    await paste(chat, { label: 'Message' }, BOUND.secret);
    const note = await waitForNote(chat, WARNING, 'alert');
    expect(note.text).toMatch(/rotate/);
    // Nothing that names the key is in the page before the user asks.
    expect(note.text).not.toMatch(/OKX|okx grid/);
    await chat.clickNoteButton('Which key?');
    await waitForNote(chat, /It is the secret of OKX · okx grid/, 'alert');
    expect((await chat.notes()).map((n) => n.text).join(' ')).toMatch(/Open OKX's API page/);
  });

  it('warns for a stored passphrase pasted into rich text (contenteditable) too', async () => {
    await chat.reload();
    await copy(chat, BOUND.passphrase);
    await paste(chat, { role: 'textbox', name: 'Rich message' }, BOUND.passphrase);
    await waitForNote(chat, WARNING, 'alert');
    await chat.clickNoteButton('Which key?');
    await waitForNote(chat, /It is the passphrase of OKX · okx grid/, 'alert');
  });

  it('says nothing for text of the same shape that Keyward does not hold', async () => {
    await chat.reload();
    await copy(chat, UNKNOWN);
    await paste(chat, { label: 'Message' }, UNKNOWN);
    await absence();
    expect((await chat.notes()).filter((n) => WARNING.test(n.text))).toEqual([]);
  });

  it('says nothing in the bind form of the platform the key is bound to, and warns there for a key that is not', async () => {
    const form = await session.openPage(BIND_FORM);
    await copy(chat, BOUND.secret);
    await paste(form, { after: 'Secret' }, BOUND.secret);
    await absence();
    expect((await form.notes()).filter((n) => WARNING.test(n.text))).toEqual([]);
    // The guard runs here: a key bound nowhere, pasted into the same field, is warned.
    await form.reload();
    await copy(chat, LOOSE.secret);
    await paste(form, { after: 'Secret' }, LOOSE.secret);
    await waitForNote(form, WARNING, 'alert');
    await form.close();
  });

  it('leaves no secret, passphrase or API key in clear in storage', async () => {
    const dump = await popup.evaluate(dumpStorage);
    expect(dump).toContain('idb:keyward:keys');
    expect(findSecrets(dump, SECRETS)).toEqual([]);
  });
});
