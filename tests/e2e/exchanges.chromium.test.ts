import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeId, KeySummary } from '../../src/core/records';
import { exchangeById } from '../../src/exchanges/registry';
import { type ChromiumSession, type FixtureServer, assertBuilt, distPath, launchChromium, startFixtureServer } from './harness';
import { waitForNote, waitForNoNote } from './inline-notes';
import { POPUP, createVault, lock, sendFromPage } from './popup-driver';
import { dumpStorage, findSecrets } from './storage-scan';

/**
 * Every exchange with API-page support but HTX (which has its own, deeper file), in one Chromium
 * session: the vault is created and locked, then on each exchange's fixture, served under its
 * real host over https, the user turns withdraw on and leaves the IP whitelist empty (Keyward
 * warns), creates the key (Keyward captures the one-time secret while the vault is locked and
 * says so beside it). At the end the popup unlocks and every captured key is checked: exchange,
 * label, withdraw, IP whitelist, and the exact secret and passphrase. Gaps seen along the way are
 * kept as it.fails tests at the end.
 */

const PASSWORD = 'exchanges-flow-password-1';

interface ExchangeCase {
  id: ExchangeId;
  host: string;
  path: string;
  /** What the fixture's __fixtureAccess / __fixtureSecret make the exchange "generate". */
  access: string;
  secret: string;
  label: string;
  passphrase?: string;
  /** The IP whitelist the key is created with (and Keyward should store). */
  ips: string[];
  /**
   * Set when Keyward is known not to store the key's permissions and IPs as the page set them:
   * what goes wrong. The final check leaves them out; a known-gap test below expects them.
   */
  detailsGap?: string;
  /** The exchange shows the new secret in a role=dialog (the note must be inside it). */
  dialog: boolean;
  /** Set while an exchange cannot be run: the reason, reported as a skipped test. */
  skip?: string;
  flow: (page: Page, c: ExchangeCase) => Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// What Keyward says, as a screen reader hears it.

/** The create form's withdraw warning (the key list says "Withdraw is enabled on this key."). */
const WITHDRAW_NOTE = /Withdraw is enabled\. Trading platforms never need it/;
/** The create form's IP warning (the key list says "No IP whitelist: any address can use this key."). */
const IP_NOTE = /No IP whitelist: anyone holding this key can use it from any address/;

async function expectWithdrawNote(page: Page): Promise<void> {
  const note = await waitForNote(page, WITHDRAW_NOTE, 'alert');
  expect(note.text).toMatch(/move your funds out/);
}

async function expectIpNote(page: Page): Promise<void> {
  await waitForNote(page, IP_NOTE, 'status');
}

/**
 * The capture confirmation: a status note naming the key's label and last 4 characters, never
 * the secret, placed right after the element that shows the secret (inside the dialog, if any).
 */
async function expectSaved(page: Page, c: ExchangeCase): Promise<void> {
  const saved = await waitForNote(page, /Saved to your vault, encrypted/, 'status', 8_000);
  expect(saved.text).toContain(c.access.slice(-4));
  expect(saved.text).toContain(c.label);
  expect(saved.text).not.toContain(c.secret);
  // Our notes are named by a counter: the page's DOM never carries the key in our attributes.
  expect(await page.locator(`keyward-inline[data-keyward*="${c.access}"]`).count()).toBe(0);
  const host = page.locator('keyward-inline[data-keyward^="capture-"]').last();
  const place = await host.evaluate((note) => {
    const shown = note.previousElementSibling;
    const value = shown instanceof HTMLInputElement || shown instanceof HTMLTextAreaElement ? shown.value : (shown?.textContent ?? '');
    return { value: value.replace(/\s+/g, ' ').trim(), inDialog: note.closest('[role=dialog]') !== null };
  });
  expect(place.value).toBe(c.secret);
  expect(place.inDialog).toBe(c.dialog);
}

// ---------------------------------------------------------------------------------------------
// Finding things as a person does: by the words on the screen.

/** The first text field after the words `text` inside scope (labels the page did not associate). */
function fieldAfter(scope: Page | Locator, text: string): Locator {
  return scope.getByText(text, { exact: true }).first().locator('xpath=following::*[self::input or self::textarea][1]');
}

async function openApiPage(session: ChromiumSession, c: ExchangeCase): Promise<Page> {
  const page = await session.context.newPage();
  await page.addInitScript(
    ([access, secret]) => {
      Object.assign(window, { __fixtureAccess: access, __fixtureSecret: secret });
    },
    [c.access, c.secret] as const,
  );
  await page.goto(`https://${c.host}${c.path}`);
  return page;
}

// ---------------------------------------------------------------------------------------------
// One flow per exchange: warnings first, then the key is created and captured.

/** The withdraw warning goes when the box is unticked, and comes back when it is ticked again. */
async function expectWithdrawNoteFollows(page: Page, toggle: Locator): Promise<void> {
  await toggle.click();
  await waitForNoNote(page, WITHDRAW_NOTE);
  await toggle.click();
  await expectWithdrawNote(page);
}

async function xtFlow(page: Page, c: ExchangeCase): Promise<void> {
  await page.getByRole('button', { name: 'Create API' }).click();
  await page.getByPlaceholder('Please enter an alias name').fill(c.label);
  await page.getByText('Withdraw', { exact: true }).click();
  await expectWithdrawNote(page);
  await expectWithdrawNoteFollows(page, page.getByText('Withdraw', { exact: true }));
  await expectIpNote(page);
  await page.getByPlaceholder('6-digit code').fill('123456');
  await page.getByRole('button', { name: 'Create API' }).click();
  await page.getByRole('heading', { name: 'API created successfully' }).waitFor();
  await expectSaved(page, c);
}

async function bitexbitFlow(page: Page, c: ExchangeCase): Promise<void> {
  await page.getByRole('button', { name: 'Add API key' }).click();
  await page.getByLabel('Key name').fill(c.label);
  await page.getByText('Can withdraw', { exact: true }).click();
  await expectWithdrawNote(page);
  await expectWithdrawNoteFollows(page, page.getByText('Can withdraw', { exact: true }));
  await expectIpNote(page);
  await page.getByRole('button', { name: 'Create key' }).click();
  await page.getByLabel('2FA code').fill('123456');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByRole('heading', { name: 'Key created' }).waitFor();
  await expectSaved(page, c);
}

/** Binance's two-code verification dialog, for creating a key and for saving restrictions. */
async function binanceVerify(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  await fieldAfter(dialog, 'Email Verification Code').fill('123456');
  await fieldAfter(dialog, 'Authenticator App Code').fill('654321');
  await dialog.getByRole('button', { name: 'Submit' }).click();
}

/**
 * Binance creates the key first (a type, a label, the verification) and shows the secret on the
 * new key's card; permissions and IPs are set afterwards with "Edit restrictions", where
 * withdrawals can only be enabled once "Restrict access to trusted IPs only" is chosen.
 */
async function binanceFlow(page: Page, c: ExchangeCase): Promise<void> {
  await page.getByRole('button', { name: 'Create API' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Next' }).click();
  await fieldAfter(dialog, 'Label API Key to proceed').fill(c.label);
  await dialog.getByRole('button', { name: 'Next' }).click();
  await binanceVerify(page);
  await expectSaved(page, c);

  // The new key's card: the innermost block with the key and its own buttons (which change from
  // "Edit restrictions" to "Save" while it is edited).
  const ownButton = page.getByRole('button', { name: /^(?:Edit restrictions|Save)$/ });
  const card = page.locator('div').filter({ hasText: c.access }).filter({ has: ownButton }).last();
  await card.getByRole('button', { name: 'Edit restrictions' }).click();
  await card.getByText('Restrict access to trusted IPs only (Recommended)').click();
  await expectIpNote(page);
  await card.getByText('Enable Withdrawals', { exact: true }).click();
  await expectWithdrawNote(page);
  await card.getByRole('button', { name: 'Save' }).click();
  await binanceVerify(page);
  // Saved: the card shows the key's restrictions again, withdrawals ticked.
  await card.getByRole('button', { name: 'Edit restrictions' }).waitFor();
  expect(await card.getByRole('checkbox', { name: 'Enable Withdrawals' }).isChecked()).toBe(true);
}

async function okxFlow(page: Page, c: ExchangeCase): Promise<void> {
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByPlaceholder('Enter a name').fill(c.label);
  await fieldAfter(dialog, 'Passphrase').fill(c.passphrase ?? '');
  await dialog.getByText('Withdraw', { exact: true }).click();
  await expectWithdrawNote(page);
  await expectIpNote(page);
  await dialog.getByRole('button', { name: 'Submit' }).click();
  await fieldAfter(dialog, 'Email code').fill('123456');
  await fieldAfter(dialog, 'Authenticator code').fill('654321');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.getByRole('heading', { name: 'API key created' }).waitFor();
  await expectSaved(page, c);
}

async function bybitFlow(page: Page, c: ExchangeCase): Promise<void> {
  await page.getByRole('button', { name: 'Create New Key' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /System-generated API Keys/ }).click();
  await dialog.getByPlaceholder('Enter a name for this API key').fill(c.label);
  await dialog.getByText('Read-Write', { exact: true }).click();
  await dialog.getByText('Withdrawal', { exact: true }).click();
  await expectWithdrawNote(page);
  await dialog.getByText('Only IPs with permissions granted are allowed to access the OpenAPI').click();
  await expectIpNote(page);
  await dialog.getByRole('button', { name: 'Submit' }).click();
  await dialog.getByPlaceholder('Google Authenticator code').fill('123456');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.getByRole('heading', { name: 'API Key Created' }).waitFor();
  await expectSaved(page, c);
}

async function kucoinFlow(page: Page, c: ExchangeCase): Promise<void> {
  // The modal is centred in a fixed, non-scrolling mask: at the default 720 px height Keyward's
  // two notes push its title and "Next" button off screen. A taller window, as on a desktop.
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.getByRole('button', { name: 'Create API' }).click();
  const dialog = page.getByRole('dialog');
  await fieldAfter(dialog, 'API Name').fill(c.label);
  await fieldAfter(dialog, 'API Passphrase').fill(c.passphrase ?? '');
  await dialog.getByText('Withdrawal', { exact: true }).click();
  await expectWithdrawNote(page);
  await dialog.getByText('Yes', { exact: true }).click();
  await expectIpNote(page);
  await dialog.getByRole('button', { name: 'Next' }).click();
  await fieldAfter(dialog, 'Trading Password').fill('246810');
  await fieldAfter(dialog, 'Email Verification Code').fill('123456');
  await fieldAfter(dialog, 'Google Verification Code').fill('654321');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.getByRole('heading', { name: 'API Created' }).waitFor();
  await expectSaved(page, c);
}

async function gateFlow(page: Page, c: ExchangeCase): Promise<void> {
  await page.getByRole('button', { name: 'Create API Key' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByPlaceholder('Helps you identify this key').fill(c.label);
  // "Bind IP" is chosen and its field left empty.
  await expectIpNote(page);
  const wallet = drawer.getByText('Wallet', { exact: true });
  await wallet.locator('xpath=preceding-sibling::*[@role="switch"]').click();
  await wallet.locator('xpath=../..').getByText('Read-write', { exact: true }).click();
  await expectWithdrawNote(page);
  await drawer.getByRole('button', { name: 'Submit' }).click();
  const top = page.getByRole('dialog').last();
  await top.getByRole('button', { name: 'I accept' }).click();
  await fieldAfter(top, 'Fund Password').fill('fund-pass-1');
  await fieldAfter(top, 'Google Authenticator Code').fill('123456');
  await top.getByRole('button', { name: 'Confirm' }).click();
  await page.getByRole('heading', { name: 'API Key Created' }).waitFor();
  await expectSaved(page, c);
}

async function bitgetFlow(page: Page, c: ExchangeCase): Promise<void> {
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /System-generated API key/ }).click();
  await dialog.getByPlaceholder('Enter notes').fill(c.label);
  await dialog.getByPlaceholder('8-32 letters and numbers').fill(c.passphrase ?? '');
  await dialog.getByText('Read and write', { exact: true }).click();
  await dialog.getByText('Withdraw', { exact: true }).click();
  await expectWithdrawNote(page);
  await expectIpNote(page);
  // Bitget refuses withdraw without a linked IP: link one (typed; Confirm adds it).
  await dialog.getByPlaceholder('Enter an IP address or IP segment').fill('203.0.113.7');
  await waitForNoNote(page, IP_NOTE);
  await dialog.getByRole('checkbox', { name: /I have read and agree to the API Service Agreement/ }).click();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.getByPlaceholder('Email verification code').fill('123456');
  await dialog.getByPlaceholder('Google Authenticator code').fill('654321');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.getByText('API key created', { exact: true }).waitFor();
  await expectSaved(page, c);
}

async function mexcFlow(page: Page, c: ExchangeCase): Promise<void> {
  await page.getByPlaceholder('Please enter notes').fill(c.label);
  // The "Withdraw" option of the Withdraw row (the row title and the key cards say it too).
  await page.locator('label').filter({ hasText: /^Withdraw$/ }).click();
  await expectWithdrawNote(page);
  await expectIpNote(page);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByPlaceholder('Enter the email verification code').fill('123456');
  await dialog.getByPlaceholder('Enter the Google Authenticator code').fill('654321');
  await dialog.getByRole('button', { name: 'Submit' }).click();
  await dialog.getByText('API Key Created', { exact: true }).waitFor();
  await expectSaved(page, c);
}

async function coinbaseFlow(page: Page, c: ExchangeCase): Promise<void> {
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('API key nickname').fill(c.label);
  await dialog.getByRole('button', { name: /API restrictions/ }).click();
  // Coinbase's "Transfer" sends funds off the platform: Keyward's withdraw.
  await dialog.getByLabel('Transfer', { exact: true }).click();
  await expectWithdrawNote(page);
  await expectIpNote(page);
  await dialog.getByRole('button', { name: 'Create API key' }).click();
  await dialog.getByPlaceholder('Enter code').fill('123456');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await dialog.getByRole('heading', { name: 'API key created' }).waitFor();
  await expectSaved(page, c);
}

async function krakenFlow(page: Page, c: ExchangeCase): Promise<void> {
  await page.getByRole('button', { name: 'Create API key' }).click();
  await page.getByLabel('Key description').fill(c.label);
  await page.getByRole('checkbox', { name: 'Withdraw', exact: true }).click();
  await expectWithdrawNote(page);
  await page.getByRole('button', { name: 'Advanced settings' }).click();
  await expectIpNote(page);
  await page.getByRole('button', { name: 'Generate key' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByPlaceholder('2FA code').fill('123456');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await page.getByRole('heading', { name: 'API key created' }).waitFor();
  await expectSaved(page, c);
}

// ---------------------------------------------------------------------------------------------

const CASES: ExchangeCase[] = [
  {
    id: 'xt',
    host: 'www.xt.com',
    path: '/en/accounts/api/',
    access: '7c1e9a42-5d3b-4f86-9a0c-2e4b6d8f1a37',
    secret: 'a1b2c3d4e5f60718293a4b5c6d7e8f9011223344',
    label: 'xt-grid-1',
    ips: [],
    dialog: false,
    flow: xtFlow,
  },
  {
    id: 'bitexbit',
    host: 'www.bitexbit.com',
    path: '/en/profile/api/',
    access: 'Kw7rT2pZ9xQ4mN8vB3cL6hJ1',
    secret: 'u5V_h8-Jq2Wz7Rk4Lp9Xs3Mf6Dn1Tb0Gc',
    label: 'bxb-arb-2',
    ips: [],
    dialog: false,
    flow: bitexbitFlow,
  },
  {
    id: 'binance',
    host: 'www.binance.com',
    path: '/en/my/settings/api-management/',
    access: 'Bn4kQ7wE2rT9yU3iO6pA1sD8fG5hJ0kLzX4cV7bN2mQ9wE3rT6yU1iO8pA5sD3fB',
    secret: 'Sx9dF2gH5jK8lZ1xC4vB7nM0qW3eR6tY9uI2oP5aS8dF1gH4jK7lZ0xC3vB6n7Ms',
    label: 'bn-dca-3',
    ips: [],
    dialog: false,
    flow: binanceFlow,
  },
  {
    id: 'okx',
    host: 'www.okx.com',
    path: '/account/my-api/',
    access: '4e8a2c6f-1b3d-4f5a-9c7e-0d2b4f6a8c04',
    secret: '9F1E3D5C7B9A0F2E4D6C8B0A1F3E5D78',
    label: 'okx-mm-4',
    ips: [],
    passphrase: 'Okx-Pass-2025!',
    dialog: true,
    flow: okxFlow,
  },
  {
    id: 'bybit',
    host: 'www.bybit.com',
    path: '/app/user/api-management/',
    access: 'Pq7Wn3Zr8Tx2Kv5Yb5',
    secret: 'Hc4Jd9Lm2Nf6Qg1Rs8Tw3Vx7Yz5Ab0Ce2D6e',
    label: 'bybit-copy-5',
    ips: [],
    dialog: true,
    flow: bybitFlow,
  },
  {
    id: 'kucoin',
    host: 'www.kucoin.com',
    path: '/account/api/',
    access: '6b1d3f5a7c9e0b2d4f6a8c06',
    secret: '2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e66',
    label: 'kc-hedge-6',
    ips: [],
    passphrase: 'kucoin pass 6',
    dialog: true,
    flow: kucoinFlow,
  },
  {
    id: 'gate',
    host: 'www.gate.io',
    path: '/myaccount/apikeys/',
    access: '8d0f2b4c6e8a1c3e5a7b9d1f3a5c7e07',
    secret: '1a3c5e7f9b2d4f6a8c0e1b3d5f7a9c2e4a6c8e0b2d4f6a8c1e3b5d7f9a0c2e77',
    label: 'gate-spot-7',
    ips: [],
    dialog: true,
    flow: gateFlow,
  },
  {
    id: 'bitget',
    host: 'www.bitget.com',
    path: '/account/newapi/',
    access: 'bg_3e5a7c9b1d2f4e6a8c0b2d4f6a8c0e08',
    secret: '7e9a1c3e5b7d9f2a4c6e8b0d1f3a5c7e9b2d4f6a8c0e1b3d5f7a9c2e4a6c8e88',
    label: 'bg-fut-8',
    ips: ['203.0.113.7'],
    passphrase: 'Keyward2025bg',
    dialog: true,
    flow: bitgetFlow,
  },
  {
    id: 'mexc',
    host: 'www.mexc.com',
    path: '/user/openapi/',
    access: 'mx0Rk8Tz2Wq5Yn9Lp0009',
    secret: '5b7d9f1a3c5e7a9c1e3b5d7f9a2c4099',
    label: 'mexc-grid-9',
    ips: [],
    dialog: true,
    flow: mexcFlow,
  },
  {
    id: 'coinbase',
    host: 'portal.cdp.coinbase.com',
    path: '/projects/api-keys/',
    access: '3f5a7c9e-1b2d-4e6f-8a0c-2d4f6a8c0010',
    secret: 'Q29pbmJhc2VLZXl3YXJkRTJFU2VjcmV0MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2Nz==',
    label: 'cb-prime-10',
    ips: [],
    dialog: true,
    flow: coinbaseFlow,
  },
  {
    id: 'kraken',
    host: 'www.kraken.com',
    path: '/u/security/api/',
    access: 'S3Jha2VuS2V5d2FyZEUyRUFwaUtleTAxMjM0NTY3ODlhYmNkZWZnaDAx',
    secret: 'S3Jha2VuUHJpdmF0ZUtleUtleXdhcmRFMkUwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjAxMjM0Kr==',
    label: 'kraken-arb-11',
    ips: [],
    dialog: false,
    flow: krakenFlow,
  },
];

let server: FixtureServer;
let session: ChromiumSession;
let popup: Page;
/** The API page of each exchange whose key Keyward said it saved: the keys to look for after unlock. */
const captured = new Map<ExchangeId, Page>();
let stored: KeySummary[] = [];

function storedKey(id: ExchangeId): KeySummary {
  const found = stored.filter((k) => k.exchange === id);
  expect(found, `${id}: one stored key`).toHaveLength(1);
  const [key] = found;
  if (!key) throw new Error(`no ${id} key in the vault`);
  return key;
}

function caseOf(id: ExchangeId): ExchangeCase {
  const found = CASES.find((c) => c.id === id);
  if (!found) throw new Error(`no case for ${id}`);
  return found;
}

beforeAll(async () => {
  assertBuilt('chrome');
  server = await startFixtureServer();
  session = await launchChromium({
    dist: distPath('chrome'),
    hosts: CASES.map((c) => c.host),
    port: server.port,
    httpPort: server.httpPort,
  });
  popup = await session.openExtensionPage(POPUP);
  await createVault(popup, PASSWORD);
  await lock(popup);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('exchange API pages in Chromium (vault locked)', () => {
  it('uses credentials of the shape each exchange issues', () => {
    for (const c of CASES) {
      const { credentials } = exchangeById(c.id);
      expect(credentials.apiKeyPatterns.some((p) => p.test(c.access)), `${c.id} API key`).toBe(true);
      expect(credentials.secretPatterns.some((p) => p.test(c.secret)), `${c.id} secret`).toBe(true);
      expect(c.passphrase !== undefined, `${c.id} passphrase`).toBe(credentials.passphrase);
    }
    expect(new Set(CASES.map((c) => c.access.slice(-4))).size).toBe(CASES.length);
  });

  for (const c of CASES) {
    const run = c.skip === undefined ? it : it.skip;
    run(`${c.id}: warns on withdraw and an empty IP whitelist, then captures the new key${c.skip ? ` (skipped: ${c.skip})` : ''}`, async () => {
      const page = await openApiPage(session, c);
      await c.flow(page, c);
      captured.set(c.id, page);
    });
  }

  it('keeps every captured key: exchange, label, permissions, IPs, and the exact secret and passphrase', async () => {
    const unlocked = await sendFromPage<{ ok: boolean }>(popup, 'vault.unlock', { password: PASSWORD });
    expect(unlocked.ok).toBe(true);
    stored = (await sendFromPage<{ ok: true; data: { keys: KeySummary[] } }>(popup, 'keys.list', {})).data.keys;
    for (const c of CASES.filter((x) => captured.has(x.id))) {
      const key = storedKey(c.id);
      expect(key.label, `${c.id} label`).toBe(c.label);
      expect(key.apiKeyTail, `${c.id} tail`).toBe(c.access.slice(-4));
      expect(key.source.kind, `${c.id} source`).toBe('capture');
      if (c.detailsGap === undefined) {
        expect(key.permissions?.withdraw, `${c.id} withdraw`).toBe(true);
        expect(key.ipWhitelist, `${c.id} IP whitelist`).toEqual(c.ips);
      }
      const reveal = async (field: 'apiKey' | 'secret' | 'passphrase') =>
        (await sendFromPage<{ ok: true; data: { value: string } }>(popup, 'keys.reveal', { id: key.id, field })).data.value;
      expect(await reveal('apiKey'), `${c.id} API key`).toBe(c.access);
      expect(await reveal('secret'), `${c.id} secret`).toBe(c.secret);
      if (c.passphrase !== undefined) expect(await reveal('passphrase'), `${c.id} passphrase`).toBe(c.passphrase);
    }
  });
});

describe('after every capture', () => {
  it('stores no API key, secret, passphrase or password in clear anywhere', async () => {
    const worker = await session.serviceWorker();
    const dump = await worker.evaluate(dumpStorage);
    expect(dump).toContain('idb:keyward:keys');
    const secrets: Record<string, string> = { password: PASSWORD };
    for (const c of CASES) {
      secrets[`${c.id} key`] = c.access;
      secrets[`${c.id} secret`] = c.secret;
      if (c.passphrase) secrets[`${c.id} passphrase`] = c.passphrase;
    }
    expect(findSecrets(dump, secrets)).toEqual([]);
  });
});

/**
 * Known gaps, seen in this run: each test expects what Keyward should do and is marked as failing
 * today. When one starts passing, the gap is fixed: drop the it.fails (and the detailsGap).
 */
describe('known gaps', () => {
  for (const c of CASES.filter((x) => x.detailsGap !== undefined)) {
    it.fails(`${c.id}: stores the withdraw permission and IPs set on the page (${c.detailsGap ?? ''})`, () => {
      if (!captured.has(c.id)) throw new Error(`${c.id} was not captured`);
      const key = storedKey(c.id);
      expect(key.permissions?.withdraw).toBe(true);
      expect(key.ipWhitelist).toEqual(c.ips);
    });
  }

  // The card showing the one-time secret once counted as two keys (the secret was even sent to the
  // background as a listed API key); a value under a secret label is never listed now.
  it('binance: counts the new key once in the key list summary (3 keys)', async () => {
    const page = captured.get('binance');
    if (!page) throw new Error('binance was not captured');
    await waitForNote(page, /\bof 3 keys\b/, 'status', 1_000);
  });

  // The key list after the capture: the new key (withdraw on, no IP whitelist) is marked in its
  // row and counted in the summary above the list.
  for (const id of ['xt', 'bitexbit'] as const) {
    it(`${id}: marks the new risky key in the key list, with a summary`, async () => {
      const page = captured.get(id);
      if (!page) throw new Error(`${id} was not captured`);
      // Back to the list the way the page offers (XT: a button; bitexbit: the list is below).
      const back = page.getByRole('button', { name: /^(?:Back to API Management|Close|OK|Done)$/ });
      if (await back.count()) await back.first().click();
      await waitForNote(page, /\bof \d+ keys? (?:is|are) risky\b/, undefined, 5_000);
      await waitForNote(page, /Withdraw is enabled on this key\./, undefined, 5_000);
    });
  }

  // The exchange's own "no IP restriction" choice (a radio, with no IP field shown) is the most
  // exposed state: it must warn like an empty whitelist does (it once said nothing here).
  const noRestriction: { id: ExchangeId; open: (page: Page) => Promise<Locator>; choice: string }[] = [
    {
      id: 'bybit',
      choice: 'No IP restriction',
      open: async (page) => {
        await page.getByRole('button', { name: 'Create New Key' }).click();
        await page.getByRole('dialog').getByRole('button', { name: /System-generated API Keys/ }).click();
        return page.getByRole('dialog');
      },
    },
    {
      id: 'kucoin',
      choice: 'No',
      open: async (page) => {
        await page.getByRole('button', { name: 'Create API' }).click();
        return page.getByRole('dialog');
      },
    },
    {
      id: 'gate',
      choice: 'Later',
      open: async (page) => {
        await page.getByRole('button', { name: 'Create API Key' }).click();
        return page.getByRole('dialog');
      },
    },
  ];
  for (const { id, open, choice } of noRestriction) {
    it(`${id}: warns when "${choice}" is chosen for the IP restriction`, async () => {
      const page = await openApiPage(session, caseOf(id));
      const form = await open(page);
      await form.getByText(choice, { exact: true }).click();
      await waitForNote(page, IP_NOTE, 'status', 1_500);
    });
  }
});
