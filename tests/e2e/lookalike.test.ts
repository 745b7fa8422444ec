import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, useBrowser, useFixtureServer, type DriverSession, type ExtensionTab, absence, createVault, waitForNote } from './driver';

/** A host that imitates HTX gets a red warning naming the real site, and no capture, ever. */

const fixtures = useFixtureServer();

describe.each(BROWSERS)('lookalike hosts in %s', (browser) => {
  const use = useBrowser(browser, () => ({ hosts: ['www.htx-pro.com', 'www.htx.com'], server: fixtures.server }));
  let session: DriverSession;
  let popup: ExtensionTab;

  beforeAll(async () => {
    ({ session, popup } = use);
    await createVault(popup, 'lookalike-test-pw');
  });

  it('warns on a login form that arrives late, naming the real site', async () => {
    const page = await session.openPage('https://www.htx-pro.com/login/');
    expect(await page.notes()).toEqual([]);
    const note = await waitForNote(page, /This is not HTX/, 'alert');
    expect(note.text).toContain('www.htx.com');
    await page.close();
  });

  it('never captures on a cloned API page, and warns once the keys show', async () => {
    const page = await session.openPage('https://www.htx-pro.com/en-us/apikey/');
    await page.waitFor({ role: 'heading', name: /Create API Key/ });
    await page.click({ text: 'Withdraw' });
    await page.click({ role: 'button', name: 'Create' });
    await page.waitFor({ role: 'dialog' });
    await waitForNote(page, /This is not HTX/, 'alert');
    const notes = await page.notes();
    expect(notes.some((n) => /Saved|vault|Withdraw is enabled/.test(n.text))).toBe(false);
    expect((await popup.call('vault.status', {})).keyCount).toBe(0);
    await page.close();
  });

  it('leaves the real site alone', async () => {
    const page = await session.openPage('https://www.htx.com/en-us/apikey/');
    await page.waitFor({ role: 'heading', name: /Create API Key/ });
    // Keyward has looked at the page: its own notes for the real site are there.
    await waitForNote(page, /No IP whitelist/);
    await absence();
    expect((await page.notes()).some((n) => /This is not/.test(n.text))).toBe(false);
    await page.close();
  });
});
