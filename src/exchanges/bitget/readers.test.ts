// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { bitget } from '.';
import { readCreateForm } from '../readers/create-form';
import { readKeyList } from '../readers/key-list';
import { readSecretDialog } from '../readers/secret-dialog';
import { credentialShapesContract, readersContract } from '../../../tests/unit/exchanges/readers-contract';
import { clickText, loadFixture, settle, typeInto } from '../../../tests/unit/exchanges/fixture-dom';

const { page } = bitget;
const { vocabulary } = page;
const FIXTURE = 'www.bitget.com/account/newapi/index.html';

function field(placeholder: string): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>(`input[placeholder="${placeholder}"]`);
  if (!input) throw new Error(`no field ${placeholder}`);
  return input;
}

/** Rendered page, then Create API key → System-generated API key: the create form. */
async function openForm(): Promise<void> {
  loadFixture(FIXTURE);
  await settle(250);
  clickText('Create API key');
  clickText('System-generated API key');
}

/** Fills and confirms the form, then the verification step. */
async function createKey(): Promise<void> {
  await openForm();
  typeInto(field('Enter notes'), 'grid-bot-7');
  typeInto(field('8-32 letters and numbers'), 'Keyward2024');
  clickText('Read and write');
  clickText('Trade');
  clickText('I have read and agree to the API Service Agreement');
  clickText('Confirm');
  typeInto(field('Email verification code'), '123456');
  typeInto(field('Google Authenticator code'), '654321');
  clickText('Confirm');
}

afterEach(() => {
  Object.assign(window, { __fixtureAccess: undefined, __fixtureSecret: undefined });
});

describe('Bitget readers on the fixture', () => {
  readersContract({
    exchange: bitget,
    fixture: FIXTURE,
    apiPages: ['/account/newapi', '/account/newapi/', '/en/account/newapi', '/zh-CN/account/newapi'],
    notApiPages: ['/account/newapis', '/spot/BTCUSDT', '/account/newapi-old'],
    chosenCredentials: {
      apiKey: 'bg_0123456789abcdef0123456789abcdef',
      secret: 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100',
      reveal: async () => {
        await createKey();
        await settle(550);
      },
    },
  });

  it('find no create form on the key list alone', async () => {
    loadFixture(FIXTURE);
    await settle(250);
    expect(readCreateForm(document, vocabulary)).toBeNull();
  });

  it('read the create form as the user toggles it', async () => {
    await openForm();
    let form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: false, withdraw: false, transfer: false });
    expect(form?.permissions.labels).toEqual(['Read-only']);
    expect(form?.ipText).toBe('');
    clickText('Read and write');
    clickText('Withdraw');
    form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: false, withdraw: true, transfer: false });
    clickText('Orders');
    clickText('Transfer');
    form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: true, withdraw: true, transfer: true });
    expect(form?.permissions.labels).toEqual(['Read and write', 'Orders', 'Transfer', 'Withdraw']);
    expect(form?.controls.map((c) => `${c.flag}:${c.label}`)).toEqual([
      'read:Read-only',
      'read:Read and write',
      'trade:Orders',
      'trade:Holdings',
      'trade:Trade',
      'transfer:Transfer',
      'withdraw:Withdraw',
    ]);
    // Back to read-only clears the boxes, as the site does.
    clickText('Read-only');
    expect(readCreateForm(document, vocabulary)?.permissions).toMatchObject({ trade: false, withdraw: false, transfer: false });
  });

  it('read the passphrase and the key name as typed, from the re-rendered form', async () => {
    await openForm();
    typeInto(field('Enter notes'), 'grid-bot-7');
    const form = readCreateForm(document, vocabulary);
    if (!form?.passphraseField) throw new Error('no passphrase field');
    expect(form.passphraseField.type).toBe('password');
    typeInto(form.passphraseField, 'Keyward2024');
    // A click re-renders the modal: the reader must find the new fields.
    clickText('Read and write');
    const after = readCreateForm(document, vocabulary);
    expect(after?.passphraseField).not.toBe(form.passphraseField);
    expect(after).toMatchObject({ passphrase: 'Keyward2024', keyLabel: 'grid-bot-7' });
  });

  it('read the IP text while the user types it into the tag input', async () => {
    await openForm();
    const ipField = readCreateForm(document, vocabulary)?.ipField;
    if (!ipField) throw new Error('no IP field');
    expect(ipField.placeholder).toBe('Enter an IP address or IP segment');
    typeInto(ipField, '203.0.113.7');
    expect(readCreateForm(document, vocabulary)?.ipText).toBe('203.0.113.7');
  });

  it('read the IPs already added as tags', async () => {
    await openForm();
    const ipField = readCreateForm(document, vocabulary)?.ipField;
    if (!ipField) throw new Error('no IP field');
    typeInto(ipField, '203.0.113.7');
    clickText('Add');
    expect(document.querySelector('.tag_e3')?.textContent).toContain('203.0.113.7');
    expect(readCreateForm(document, vocabulary)?.ipText).toContain('203.0.113.7');
  });

  it('read the one-time secret from the late modal; the passphrase only from the form before it', async () => {
    await openForm();
    typeInto(field('8-32 letters and numbers'), 'Keyward2024');
    expect(readCreateForm(document, vocabulary)?.passphrase).toBe('Keyward2024');
    typeInto(field('Enter notes'), 'grid-bot-7');
    clickText('Read and write');
    clickText('Trade');
    clickText('I have read and agree to the API Service Agreement');
    clickText('Confirm');
    // The verification step replaced the form: the passphrase is no longer on the page.
    expect(readCreateForm(document, vocabulary)).toBeNull();
    expect(document.body.textContent).not.toContain('Keyward2024');
    typeInto(field('Email verification code'), '123456');
    typeInto(field('Google Authenticator code'), '654321');
    clickText('Confirm');
    await settle(50);
    expect(readSecretDialog(document, vocabulary, bitget.credentials)).toBeNull();
    await settle(500);
    const reading = readSecretDialog(document, vocabulary, bitget.credentials);
    expect(reading).toMatchObject({
      apiKey: 'bg_9f3c1a7e5b2d8c4f6a0e9b3d7c1f5a28',
      secret: '5e8a2c7f1b9d4e6a3c0f8b2d5a7e9c1f4b6d8a0c2e4f6a8b0d2c4e6f8a1b3c5d',
    });
    expect(reading?.container.getAttribute('role')).toBe('dialog');
    expect(bitget.credentials.apiKeyPatterns.some((p) => p.test(reading?.apiKey ?? ''))).toBe(true);
    expect(bitget.credentials.secretPatterns.some((p) => p.test(reading?.secret ?? ''))).toBe(true);
  });

  it('refuse withdraw without a linked IP, as Bitget does', async () => {
    await openForm();
    typeInto(field('Enter notes'), 'w');
    typeInto(field('8-32 letters and numbers'), 'Keyward2024');
    clickText('Read and write');
    clickText('Withdraw');
    clickText('I have read and agree to the API Service Agreement');
    clickText('Confirm');
    expect(document.body.textContent).toContain('Link at least one IP address to enable withdrawals');
    expect(readCreateForm(document, vocabulary)?.permissions.withdraw).toBe(true);
  });


  it('read the key list: permissions and IPs per key', async () => {
    loadFixture(FIXTURE);
    await settle(250);
    const keys = readKeyList(document, vocabulary, bitget.credentials);
    expect(keys.map((k) => k.apiKey)).toEqual([
      'bg_7d1e5a9c3b0f4e2d8a6c1b9e7f3d5a20',
      'bg_2b8f0c6e4a1d9f3b7e5c0a8d2f6b4e91',
      'bg_c4e6a8f0b2d4c6e8a0b2d4f6a8c0e2b4',
    ]);
    expect(keys[0]).toMatchObject({ label: 'legacy-grid', ipWhitelist: [], permissions: { read: true, trade: true, futures: true, withdraw: true, transfer: false } });
    expect(keys[0]?.permissions?.labels).toEqual(['Spot trade', 'Futures orders', 'Withdraw']);
    expect(keys[1]).toMatchObject({
      label: 'copy-bot',
      ipWhitelist: ['203.0.113.7', '198.51.100.0/24'],
      // Futures orders and holdings only: it can trade futures, not spot.
      permissions: { read: true, trade: false, futures: true, withdraw: false, transfer: false },
    });
    expect(keys[2]).toMatchObject({ label: 'tax-report', ipWhitelist: [], permissions: { read: true, trade: false, withdraw: false } });
  });

  it('read the new key in the list after creation', async () => {
    await createKey();
    await settle(550);
    const keys = readKeyList(document, vocabulary, bitget.credentials);
    expect(keys).toHaveLength(4);
    expect(keys[0]).toMatchObject({
      apiKey: 'bg_9f3c1a7e5b2d8c4f6a0e9b3d7c1f5a28',
      label: 'grid-bot-7',
      ipWhitelist: [],
      permissions: { trade: true, withdraw: false },
    });
  });
});

describe('Bitget credential shapes', () => {
  credentialShapesContract({
    exchange: bitget,
    labels: { apiKey: 'APIKey', secret: 'SecretKey', passphrase: true },
    valid: [
      {
        what: 'bg_ key',
        apiKey: 'bg_4c8e2a6f0b3d7a1e5c9f2b6d0a4e8c1f',
        secret: '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809',
        passphrase: 'Bitget2024',
      },
    ],
    nearMisses: [{ field: 'apiKey', value: '4c8e2a6f0b3d7a1e5c9f2b6d0a4e8c1f' }],
  });
});
