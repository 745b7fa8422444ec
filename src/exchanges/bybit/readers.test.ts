// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { bybit } from '.';
import { readCreateForm } from '../readers/create-form';
import { readKeyList } from '../readers/key-list';
import { readSecretDialog } from '../readers/secret-dialog';
import { loadFixture, settle, typeInto } from '../../../tests/unit/exchanges/fixture-dom';
import { credentialShapesContract, readersContract } from '../../../tests/unit/exchanges/readers-contract';
import { rsaPkcs8 } from '../../../tests/unit/exchanges/credential-samples';

const { page } = bybit;
const { vocabulary } = page;
const FIXTURE = 'www.bybit.com/app/user/api-management/index.html';

const NEW_KEY = 't6xkf5r5aCTZKzNFDD';
const NEW_SECRET = 'q1IbcVSJOUzRsKtX1oZdMStDljSLvkz4B9S3';
const COPY_BOT = 'YR9pS5fiaKFQiBHlfn';
const LEGACY = '8XR1Hxr3Nm4ucjCArz';

/** Clicks the last visible leaf whose whole text is `text` (modals come last in the page). */
function click(text: string): void {
  const target = Array.from(document.querySelectorAll<HTMLElement>('body *'))
    .filter((e) => e.children.length === 0 && (e.textContent ?? '').trim() === text)
    .at(-1);
  if (!target) throw new Error(`nothing to click with text ${text}`);
  target.click();
}

function dialog(): HTMLElement {
  const found = document.querySelector<HTMLElement>('[role=dialog]');
  if (!found) throw new Error('no dialog');
  return found;
}

async function openForm(): Promise<void> {
  await settle(200);
  click('Create New Key');
  click('System-generated API Keys');
}

async function submitAndVerify(): Promise<void> {
  click('Submit');
  const code = dialog().querySelector('input');
  if (!code) throw new Error('no code field');
  typeInto(code, '123456');
  click('Confirm');
  await settle(50);
  expect(readSecretDialog(document, vocabulary, bybit.credentials)).toBeNull();
  await settle(500);
}

describe('Bybit readers on the API management fixture', () => {
  readersContract({
    exchange: bybit,
    fixture: FIXTURE,
    apiPages: ['/app/user/api-management', '/en/app/user/api-management', '/app/user/api-management/'],
    notApiPages: ['/app/user/api-management-guide', '/app/user/security', '/en/trade/spot'],
    rendersWithin: 200,
    chosenCredentials: {
      apiKey: 'XqZ2rT8vLm4NpK6wJs',
      secret: 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5',
      reveal: async () => {
        loadFixture(FIXTURE);
        await openForm();
        const name = dialog().querySelector<HTMLInputElement>('input[maxlength="20"]');
        if (!name) throw new Error('no name field');
        typeInto(name, 'e2e');
        await submitAndVerify();
      },
    },
  });



  it('read the create modal as the user changes it', async () => {
    loadFixture(FIXTURE);
    await openForm();
    let form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: false, withdraw: false, transfer: false, labels: ['Read-Only'] });

    const name = dialog().querySelector<HTMLInputElement>('input[maxlength="20"]');
    if (!name) throw new Error('no name field');
    typeInto(name, 'grid-bot-7');
    expect(readCreateForm(document, vocabulary)?.keyLabel).toBe('grid-bot-7');

    click('Withdrawal'); // disabled while Read-Only
    expect(readCreateForm(document, vocabulary)?.permissions.withdraw).toBe(false);
    click('Read-Write');
    click('Withdrawal');
    form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: false, withdraw: true, transfer: false });
    click('Orders');
    click('Account Transfer');
    click('Earn');
    form = readCreateForm(document, vocabulary);
    // Orders under "Contract" is derivatives trading, not spot.
    expect(form?.permissions).toMatchObject({ read: true, trade: false, futures: true, withdraw: true, transfer: true });
    expect(form?.permissions.labels).toEqual(['Read-Write', 'Orders', 'Account Transfer', 'Withdrawal', 'Earn']);
    expect(form?.keyLabel).toBe('grid-bot-7');

    click('Only IPs with permissions granted are allowed to access the OpenAPI');
    form = readCreateForm(document, vocabulary);
    if (!form?.ipField) throw new Error('no IP field');
    typeInto(form.ipField, '203.0.113.7,198.51.100.0/24');
    expect(readCreateForm(document, vocabulary)?.ipText).toBe('203.0.113.7,198.51.100.0/24');
    expect(readCreateForm(document, vocabulary)?.ipField?.tagName).toBe('TEXTAREA');
  });

  it('read no IP field while "No IP restriction" is chosen', async () => {
    loadFixture(FIXTURE);
    await openForm();
    const name = dialog().querySelector<HTMLInputElement>('input[maxlength="20"]');
    if (!name) throw new Error('no name field');
    typeInto(name, 'grid-bot-7');
    const form = readCreateForm(document, vocabulary);
    expect(form?.ipText).toBe('');
    expect(form?.ipField).toBeNull();
  });

  it('read the API key and secret from the late result modal', async () => {
    loadFixture(FIXTURE);
    await openForm();
    const name = dialog().querySelector<HTMLInputElement>('input[maxlength="20"]');
    if (!name) throw new Error('no name field');
    typeInto(name, 'grid-bot-7');
    await submitAndVerify();
    const reading = readSecretDialog(document, vocabulary, bybit.credentials);
    expect(reading).toMatchObject({ apiKey: NEW_KEY, secret: NEW_SECRET });
    expect(reading?.container.getAttribute('role')).toBe('dialog');
    expect(reading?.secretElement.textContent).toBe(NEW_SECRET);
  });


  it('read the key list table: names and IPs per key', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const keys = readKeyList(document, vocabulary, bybit.credentials);
    expect(keys.map((k) => k.apiKey)).toEqual([COPY_BOT, LEGACY]);
    expect(keys[0]).toMatchObject({ label: 'copy-bot', ipWhitelist: ['203.0.113.7', '198.51.100.0/24'] });
    expect(keys[1]).toMatchObject({ label: 'legacy-withdraw', ipWhitelist: [] });
  });

  // The permissions cell holds one tag per permission with no text between them.
  it('read the permission tags of each key', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const keys = readKeyList(document, vocabulary, bybit.credentials);
    expect(keys[0]?.permissions).toMatchObject({ trade: true, withdraw: false });
    expect(keys[1]?.permissions).toMatchObject({ trade: true, withdraw: true, transfer: true });
  });
});

describe('Bybit credential shapes', () => {
  credentialShapesContract({
    exchange: bybit,
    labels: { apiKey: 'API Key', secret: 'Secret Key', passphrase: false },
    valid: [
      { what: 'HMAC key (18 + 36)', apiKey: 'XqZ2rT8vLm4NpK6wJs', secret: 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5' },
      { what: 'RSA key', apiKey: 'Hk2Lm9Np4Qr7St1Uv3', secret: rsaPkcs8 },
    ],
    nearMisses: [{ field: 'apiKey', value: 'XqZ2rT8vLm4NpK6wJ' }],
  });
});
