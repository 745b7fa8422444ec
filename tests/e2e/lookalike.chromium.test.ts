import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, type FixtureServer, assertBuilt, distPath, launchChromium, startFixtureServer } from './harness';
import { keywardNotes, waitForNote } from './inline-notes';
import { POPUP, createVault, sendFromPage } from './popup-driver';

/** A host that imitates HTX gets a red warning naming the real site, and no capture, ever. */

let server: FixtureServer;
let session: ChromiumSession;
let popup: Page;

beforeAll(async () => {
  assertBuilt('chrome');
  server = await startFixtureServer();
  session = await launchChromium({ dist: distPath('chrome'), hosts: ['www.htx-pro.com', 'www.htx.com'], port: server.port });
  popup = await session.openExtensionPage(POPUP);
  await createVault(popup, 'lookalike-test-pw');
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('lookalike hosts in Chromium', () => {
  it('warns on a login form that arrives late, naming the real site', async () => {
    const page = await session.context.newPage();
    await page.goto('https://www.htx-pro.com/login/');
    expect(await keywardNotes(page)).toEqual([]);
    const note = await waitForNote(page, /This is not HTX/, 'alert', 8_000);
    expect(note.text).toContain('www.htx.com');
    await page.close();
  });

  it('never captures on a cloned API page, and warns once the keys show', async () => {
    const page = await session.context.newPage();
    await page.goto('https://www.htx-pro.com/en-us/apikey/');
    await page.getByRole('heading', { name: /Create API Key/ }).waitFor();
    await page.getByText('Withdraw', { exact: true }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('dialog').waitFor();
    await waitForNote(page, /This is not HTX/, 'alert', 8_000);
    const notes = await keywardNotes(page);
    expect(notes.some((n) => /Saved|vault|Withdraw is enabled/.test(n.text))).toBe(false);
    const { data } = await sendFromPage<{ data: { keyCount: number } }>(popup, 'vault.status', {});
    expect(data.keyCount).toBe(0);
    await page.close();
  });

  it('leaves the real site alone', async () => {
    const page = await session.context.newPage();
    await page.goto('https://www.htx.com/en-us/apikey/');
    await page.getByRole('heading', { name: /Create API Key/ }).waitFor();
    await page.waitForTimeout(800);
    expect((await keywardNotes(page)).some((n) => /This is not/.test(n.text))).toBe(false);
    await page.close();
  });
});
