import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_URLS, type DemoWindow, openDemoWindow } from '../../scripts/demo-window';
import { clickFillButtonIn, pickerFrameIn } from './driver/chromium';
import { keywardNotesChromium } from './driver/notes-chromium';
import { assertBuilt } from './harness';

/**
 * `npm start` with a display (scripts/demo-window.ts), run headless through the same function:
 * the guide, Keyward's popup, HTX's API page and 3Commas' bind form open under their real host
 * names, served by the local fixture server, with Keyward at work on them; the guide's steps
 * work as written; and closing the browser stops the server. Chromium only: npm start opens
 * Chromium.
 */

const PASSWORD = 'start-demo-password';

/** Keyward's inline notes on a tab, by their text. */
async function notesOn(page: DemoWindow['tabs']['htxApiPage']): Promise<string[]> {
  return (await keywardNotesChromium(page)).map((note) => note.text);
}

/** Whether anything still answers HTTPS on this port of 127.0.0.1. */
function answers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const req = request({ host: '127.0.0.1', port, path: '/', servername: 'www.htx.com', rejectUnauthorized: false }, (res) => {
      res.resume();
      done(true);
    });
    req.on('error', () => done(false));
    req.end();
  });
}

describe('npm start with a display, run headless', () => {
  let demo: DemoWindow;
  let closed = false;

  beforeAll(async () => {
    assertBuilt('chrome');
    demo = await openDemoWindow({ headless: true });
  });
  afterAll(async () => {
    if (!closed) await demo.session.close();
  });

  it('opens the guide, the popup, HTX’s API page and 3Commas’ bind form, the pages under their real names from the local server', async () => {
    const { tabs, session, server } = demo;
    // Exactly these tabs, in this order: the blank ones Playwright and the harness open are gone.
    // The same addresses as the headless demo's, port-less: the browser maps the names to the server.
    expect(session.context.pages().map((page) => page.url())).toEqual([
      'https://demo.keyward.example/',
      session.extensionUrl('src/popup/popup.html'),
      'https://www.htx.com/en-us/apikey/',
      'https://app.3commas.io/accounts/new/',
    ]);
    // And the tabs handed back are those very pages, in that order.
    const same = session.context.pages().map((page, i) => page === [tabs.guide, tabs.popup, tabs.htxApiPage, tabs.threeCommasBindForm][i]);
    expect(same).toEqual([true, true, true, true]);
    for (const url of Object.values(DEMO_URLS)) {
      const { hostname, pathname } = new URL(url);
      expect(server.requests).toContainEqual({ scheme: 'https', host: hostname, path: pathname, status: 200 });
    }
    await tabs.guide.getByRole('heading', { name: 'Keyward demo: what to try' }).waitFor();
    expect(await tabs.guide.getByRole('note').innerText()).toMatch(/local copies[\s\S]*nothing\s+you type in this window reaches a real exchange/);
  });

  it('works as the guide says: the vault in the popup, a key created and captured on HTX, filled on 3Commas with Keyward’s button', async () => {
    const { popup, htxApiPage: htx, threeCommasBindForm: bind } = demo.tabs;

    // 1. Create the vault.
    await popup.waitForSelector('body[data-ready="create"]');
    await popup.getByLabel('Master password', { exact: true }).fill(PASSWORD);
    await popup.getByLabel('Repeat master password').fill(PASSWORD);
    await popup.getByRole('button', { name: 'Create vault' }).click();
    await popup.waitForSelector('body[data-ready="list"]');

    // 2. HTX's API page is recognised: Keyward's notes beside its controls, then the capture.
    await htx.bringToFront();
    await expect.poll(() => notesOn(htx), { timeout: 10_000 }).toContainEqual(expect.stringMatching(/No IP whitelist: anyone holding this key/));
    await htx.getByPlaceholder('e.g. my-bot').fill('demo-grid-bot');
    await htx.getByRole('checkbox', { name: 'Trade', exact: true }).click();
    await htx.getByPlaceholder(/Up to 20 IP/).fill('203.0.113.10');
    await htx.getByRole('button', { name: 'Create' }).click();
    await htx.getByRole('dialog').waitFor();
    await expect.poll(() => notesOn(htx), { timeout: 10_000 }).toContainEqual(expect.stringMatching(/Saved to your vault.*demo-grid-bot/));

    // 3. 3Commas' bind form: Keyward's button once HTX is chosen, and its picker offers the key.
    await bind.bringToFront();
    await bind.getByRole('combobox').click();
    await bind.getByRole('option', { name: 'HTX', exact: true }).click();
    await clickFillButtonIn(bind);
    const picker = await pickerFrameIn(bind);
    await picker.getByRole('button', { name: /demo-grid-bot/ }).click();
    await picker.getByText(/Filled/).waitFor();
  });

  it('stops the fixture server when the browser closes', async () => {
    const { port } = demo.server;
    expect(await answers(port)).toBe(true);
    await demo.session.close();
    closed = true;
    await demo.stopped;
    expect(await answers(port)).toBe(false);
  });
});
