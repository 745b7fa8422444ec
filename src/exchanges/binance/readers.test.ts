// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { binance } from '.';
import { readCreateForm } from '../readers/create-form';
import { readKeyList } from '../readers/key-list';
import { readSecretDialog } from '../readers/secret-dialog';
import { loadFixture, settle, typeInto } from '../../../tests/unit/exchanges/fixture-dom';
import { credentialShapesContract, readersContract } from '../../../tests/unit/exchanges/readers-contract';
import { ed25519Encrypted, ed25519Pkcs8, rsaPkcs1, rsaPkcs8 } from '../../../tests/unit/exchanges/credential-samples';

const { page } = binance;
const { vocabulary } = page;
const FIXTURE = 'www.binance.com/en/my/settings/api-management/index.html';

const NEW_KEY = 'zAH5yVW1sGS2FAp6cLqqsc0LfSkQzXVDNl0U9zW0Cw1CBDU1mjit1ZW7GNeoJ1wa';
const NEW_SECRET = 'fQ9MpZiJ42NimeCp1MZMTjGdmStjoGiBMRVJstc96CiV9uyoEY3EV4TdBVVKfG11';
const SPOT_GRID = 'VK99O5FGW5fwh2PvQaV5854ZqJQyPRXStAsKwnJhqf63O6r1p2i7fZPjY1xcC8Gp';
const TREASURY = 'nNz0Ky8SuB381pS0h8difDFtWSDfIhyPy0PQcKJKG5sp7lLV74HEwujCzLYcXEZe';

/** Leaf elements under root whose whole text is `text`. */
function byText(root: ParentNode, text: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('*')).filter(
    (e) => e.children.length === 0 && (e.textContent ?? '').trim() === text,
  );
}

/** A person's click on the words `text` inside root (the same words appear on every card). */
function clickIn(root: ParentNode, text: string): void {
  const target = byText(root, text)[0];
  if (!target) throw new Error(`nothing to click with text ${text}`);
  target.click();
}

/** The card that shows this API key: the largest ancestor with its own buttons and only this key. */
function cardOf(apiKey: string): HTMLElement {
  const cell = byText(document, apiKey)[0];
  let card = cell?.parentElement ?? null;
  while (card && !byText(card, 'Delete').length && !byText(card, 'Save').length) card = card.parentElement;
  if (!card) throw new Error(`no card for ${apiKey}`);
  return card;
}

function dialog(): HTMLElement {
  const found = document.querySelector<HTMLElement>('[role=dialog]');
  if (!found) throw new Error('no dialog');
  return found;
}

/** The fake security verification: two 6-digit codes, then Submit. */
function verify(): void {
  for (const input of Array.from(dialog().querySelectorAll('input'))) typeInto(input, '123456');
  clickIn(dialog(), 'Submit');
}

async function createKey(label: string): Promise<void> {
  clickIn(document, 'Create API');
  clickIn(dialog(), 'Next');
  const input = dialog().querySelector('input');
  if (!input) throw new Error('no label field');
  typeInto(input, label);
  expect(readCreateForm(document, vocabulary)?.keyLabel).toBe(label);
  clickIn(dialog(), 'Next');
  verify();
}

describe('Binance readers on the API management fixture', () => {
  readersContract({
    exchange: binance,
    fixture: FIXTURE,
    apiPages: ['/en/my/settings/api-management', '/zh-CN/my/settings/api-management', '/my/settings/api-management/', '/en/my/sub-account/api-management'],
    notApiPages: ['/en/my/settings/api-management-faq', '/en/my/settings/profile', '/en/support/faq/api'],
    chosenCredentials: {
      apiKey: 'Hq3LmZ8rT2vXc9NbW4kP7sJd1FgY6aQe5uR0iO3tK8wE2zC7xV4nB9mA1sD6fG0h',
      secret: 'p2O9iU8yT7rE6wQ5aS4dF3gH2jK1lZ0xC9vB8nM7qW6eR5tY4uI3oP2aS1dF0gHj',
      reveal: async () => {
        loadFixture(FIXTURE);
        await settle(200);
        await createKey('e2e');
        await settle(500);
      },
    },
  });



  it('read the one-time Secret Key from the new key card, shown late after the verification', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    await createKey('grid-bot-7');
    await settle(50);
    // Still verifying: no new card yet (the list itself is a separate gap, below).
    expect(byText(document, NEW_SECRET)).toEqual([]);
    await settle(500);
    const reading = readSecretDialog(document, vocabulary, binance.credentials);
    expect(reading).toMatchObject({ apiKey: NEW_KEY, secret: NEW_SECRET });
    expect(reading?.secretElement.textContent).toBe(NEW_SECRET);
    expect(cardOf(NEW_KEY).contains(reading?.secretElement ?? null)).toBe(true);
  });


  it('read the restrictions of the card being edited as the user changes them', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    await createKey('grid-bot-7');
    await settle(500);
    clickIn(cardOf(NEW_KEY), 'Edit restrictions');
    let form = readCreateForm(cardOf(NEW_KEY), vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: false, withdraw: false, transfer: false });
    expect(form?.controls.filter((c) => c.flag === 'read').map((c) => c.label)).toEqual(['Enable Reading']);
    expect(form?.ipField).toBeNull();

    clickIn(cardOf(NEW_KEY), 'Enable Spot & Margin Trading');
    // Withdrawals stay disabled until the key is restricted to trusted IPs.
    clickIn(cardOf(NEW_KEY), 'Enable Withdrawals');
    form = readCreateForm(cardOf(NEW_KEY), vocabulary);
    expect(form?.permissions).toMatchObject({ trade: true, withdraw: false });

    clickIn(cardOf(NEW_KEY), 'Restrict access to trusted IPs only (Recommended)');
    form = readCreateForm(cardOf(NEW_KEY), vocabulary);
    if (!form?.ipField) throw new Error('no IP field');
    typeInto(form.ipField, '203.0.113.7');
    expect(readCreateForm(cardOf(NEW_KEY), vocabulary)?.ipText).toBe('203.0.113.7');

    clickIn(cardOf(NEW_KEY), 'Enable Withdrawals');
    clickIn(cardOf(NEW_KEY), 'Permits Universal Transfer');
    form = readCreateForm(cardOf(NEW_KEY), vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: true, withdraw: true, transfer: true });
    expect(form?.permissions.labels).toEqual([
      'Enable Reading',
      'Enable Spot & Margin Trading',
      'Enable Withdrawals',
      'Permits Universal Transfer',
    ]);
  });

  it('read the card being edited when given the whole page', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    clickIn(cardOf(SPOT_GRID), 'Edit restrictions');
    const form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ trade: true, withdraw: false, transfer: false });
  });

  it('read no form until the user edits a card', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    expect(readCreateForm(document, vocabulary)).toBeNull();
  });

  it('read the confirmed IPs of the card being edited', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    clickIn(cardOf(SPOT_GRID), 'Edit restrictions');
    clickIn(cardOf(SPOT_GRID), 'Restrict access to trusted IPs only (Recommended)');
    const field = readCreateForm(cardOf(SPOT_GRID), vocabulary)?.ipField;
    if (!field) throw new Error('no IP field');
    typeInto(field, '203.0.113.7');
    clickIn(cardOf(SPOT_GRID), 'Confirm');
    expect(readCreateForm(cardOf(SPOT_GRID), vocabulary)?.ipText).toContain('203.0.113.7');
  });

  it('read the key list: every card, and the IPs of a restricted key', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const keys = readKeyList(document, vocabulary, binance.credentials);
    expect(keys.map((k) => k.apiKey)).toEqual([SPOT_GRID, TREASURY]);
    expect(keys[1]).toMatchObject({ ipWhitelist: ['203.0.113.7', '198.51.100.23'], permissions: { withdraw: true, transfer: true } });
  });

  // The new key's card shows its secret, which has a key's shape: the card is still one key's
  // row, so the restrictions set on it reach the vault (they once read as nothing at all).
  it('read the new key’s card, secret shown, with the restrictions saved on it', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    await createKey('bn-dca-3');
    await settle(500);
    const listed = () => readKeyList(document, vocabulary, binance.credentials);
    expect(listed().map((k) => k.apiKey)).toEqual([NEW_KEY, SPOT_GRID, TREASURY]);
    expect(listed()[0]).toMatchObject({ permissions: { read: true, withdraw: false }, ipWhitelist: [] });
    clickIn(cardOf(NEW_KEY), 'Edit restrictions');
    clickIn(cardOf(NEW_KEY), 'Restrict access to trusted IPs only (Recommended)');
    const field = readCreateForm(cardOf(NEW_KEY), vocabulary)?.ipField;
    if (!field) throw new Error('no IP field');
    typeInto(field, '203.0.113.9');
    clickIn(cardOf(NEW_KEY), 'Confirm');
    clickIn(cardOf(NEW_KEY), 'Enable Withdrawals');
    clickIn(cardOf(NEW_KEY), 'Save');
    await settle(100);
    verify();
    await settle(500);
    expect(listed()[0]).toMatchObject({ apiKey: NEW_KEY, permissions: { withdraw: true }, ipWhitelist: ['203.0.113.9'] });
    expect(listed().map((k) => k.apiKey)).not.toContain(NEW_SECRET);
  });

  it('read only the ticked permissions of a card', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const keys = readKeyList(document, vocabulary, binance.credentials);
    expect(keys[0]?.permissions).toMatchObject({ trade: true, withdraw: false, transfer: false });
  });

  // Passes because "Unrestricted (Less Secure)" is one of the card's texts; note that every card
  // shows both radio labels, so this holds only while a restricted card's IPs are found first.
  it('read an unrestricted card as having no IP whitelist', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const keys = readKeyList(document, vocabulary, binance.credentials);
    expect(keys[0]?.ipWhitelist).toEqual([]);
  });

  it('capture nothing from the list when no secret is shown', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    expect(readSecretDialog(document, vocabulary, binance.credentials)).toBeNull();
  });
});

describe('Binance credential shapes', () => {
  credentialShapesContract({
    exchange: binance,
    labels: { apiKey: 'API Key', secret: 'Secret Key', passphrase: false },
    valid: [
      {
        what: "the docs' HMAC test key",
        apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
        secret: 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
      },
      { what: 'RSA PKCS#8 PEM', apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A', secret: rsaPkcs8 },
      { what: 'RSA PKCS#1 PEM', apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A', secret: rsaPkcs1 },
      { what: 'Ed25519 PEM', apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A', secret: ed25519Pkcs8 },
      {
        what: 'encrypted Ed25519 PEM',
        apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
        secret: ed25519Encrypted,
      },
    ],
    nearMisses: [
      { field: 'apiKey', value: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8' },
      { field: 'secret', value: `${'-----BEGIN EC PRIVATE KEY-----'}\nMHcCAQEEIA==\n-----END EC PRIVATE KEY-----` },
    ],
    keyAndSecretShareShape: true,
  });
});
