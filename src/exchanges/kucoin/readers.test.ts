// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { kucoin } from '.';
import { readCreateForm } from '../readers/create-form';
import { readKeyList } from '../readers/key-list';
import { readSecretDialog } from '../readers/secret-dialog';
import { credentialShapesContract, readersContract } from '../../../tests/unit/exchanges/readers-contract';
import { UUID_B } from '../../../tests/unit/exchanges/credential-samples';
import { clickText, loadFixture, settle, typeInto } from '../../../tests/unit/exchanges/fixture-dom';

const { page } = kucoin;
const { vocabulary } = page;
const FIXTURE = 'www.kucoin.com/account/api/index.html';

const NEW_KEY = 'a18b5b847940c3e18e393864';
const NEW_SECRET = '769bd218-38ac-4c80-b74e-fa1622fa05b8';
const DCA_BOT = '13a454a2b6e4dca5aa946b8a';
const OLD_WITHDRAW = '290cfe0566bb46b09b1d0e7c';

function dialog(): HTMLElement {
  const found = document.querySelector<HTMLElement>('[role=dialog]');
  if (!found) throw new Error('no dialog');
  return found;
}

/** The field that follows the words `label` in the open dialog. */
function fieldAfter(label: string): HTMLInputElement | HTMLTextAreaElement {
  const words = Array.from(dialog().querySelectorAll('*')).find((e) => e.children.length === 0 && e.textContent === label);
  const field = words?.parentElement?.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
  if (!field) throw new Error(`no field after ${label}`);
  return field;
}

async function openAndFill(): Promise<void> {
  await settle(200);
  clickText('Create API');
  typeInto(fieldAfter('API Name'), 'grid-bot-7');
  typeInto(fieldAfter('API Passphrase'), 'my kucoin pass');
  clickText('Spot Trading');
}

async function submitAndVerify(): Promise<void> {
  clickText('Next');
  typeInto(fieldAfter('Trading Password'), '246810');
  typeInto(fieldAfter('Email Verification Code'), '123456');
  typeInto(fieldAfter('Google Verification Code'), '654321');
  expect(readSecretDialog(document, vocabulary, kucoin.credentials)).toBeNull();
  clickText('Confirm');
  await settle(50);
  expect(readSecretDialog(document, vocabulary, kucoin.credentials)).toBeNull();
  await settle(500);
}

describe('KuCoin readers on the API management fixture', () => {
  readersContract({
    exchange: kucoin,
    fixture: FIXTURE,
    apiPages: ['/account/api', '/ru/account/api', '/account/api/'],
    notApiPages: ['/account/api-docs', '/account/security', '/docs/api'],
    rendersWithin: 200,
    chosenCredentials: {
      apiKey: '5f3b8c2a9d4e1f6a7b8c9d0e',
      secret: '0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d',
      reveal: async () => {
        loadFixture(FIXTURE);
        await openAndFill();
        await submitAndVerify();
      },
    },
  });



  it('read the create modal as the user fills it: name, passphrase, permissions, IPs', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    clickText('Create API');
    let form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: false, withdraw: false, transfer: false, labels: ['General'] });
    expect(form).toMatchObject({ passphrase: '', ipText: '', ipField: null });

    typeInto(fieldAfter('API Name'), 'grid-bot-7');
    typeInto(fieldAfter('API Passphrase'), 'my kucoin pass');
    form = readCreateForm(document, vocabulary);
    expect(form).toMatchObject({ keyLabel: 'grid-bot-7', passphrase: 'my kucoin pass' });

    clickText('Withdrawal');
    expect(readCreateForm(document, vocabulary)?.permissions).toMatchObject({ trade: false, withdraw: true, transfer: false });
    clickText('General'); // always on
    clickText('Futures Trading');
    clickText('Flex Transfers');
    form = readCreateForm(document, vocabulary);
    // Futures trading is its own right: a spot-only key cannot run a futures bot.
    expect(form?.permissions).toMatchObject({ read: true, trade: false, futures: true, withdraw: true, transfer: true });
    expect(form?.permissions.labels).toEqual(['General', 'Futures Trading', 'Withdrawal', 'Flex Transfers']);
    expect(form?.passphrase).toBe('my kucoin pass');

    clickText('Yes');
    form = readCreateForm(document, vocabulary);
    if (!form?.ipField) throw new Error('no IP field');
    typeInto(form.ipField, '203.0.113.7, 198.51.100.0/24');
    expect(readCreateForm(document, vocabulary)?.ipText).toBe('203.0.113.7, 198.51.100.0/24');
    clickText('No');
    expect(readCreateForm(document, vocabulary)).toMatchObject({ ipField: null, ipText: '' });
  });

  it('read Key and Secret from the late result modal; the passphrase came from the form', async () => {
    loadFixture(FIXTURE);
    await openAndFill();
    expect(readCreateForm(document, vocabulary)?.passphrase).toBe('my kucoin pass');
    await submitAndVerify();
    const reading = readSecretDialog(document, vocabulary, kucoin.credentials);
    expect(reading).toMatchObject({ apiKey: NEW_KEY, secret: NEW_SECRET });
    expect(reading?.container.getAttribute('role')).toBe('dialog');
    expect(reading?.secretElement.tagName).toBe('CODE');
    expect(dialog().textContent).not.toContain('my kucoin pass');
  });


  it('read the key grid: permissions per row, and the IPs of a restricted key', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const keys = readKeyList(document, vocabulary, kucoin.credentials);
    expect(keys.map((k) => k.apiKey)).toEqual([DCA_BOT, OLD_WITHDRAW]);
    expect(keys[0]).toMatchObject({ ipWhitelist: ['203.0.113.7', '198.51.100.0/24'], permissions: { read: true, trade: true, withdraw: false } });
    expect(keys[1]?.permissions).toMatchObject({ read: true, trade: true, withdraw: true, labels: ['General', 'Spot Trading', 'Withdrawal'] });
  });

  // The grid has no <table>: the row is read by its texts, where "No" stands alone.
  it('read a key without IP restriction in the grid as having no IP whitelist', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const keys = readKeyList(document, vocabulary, kucoin.credentials);
    expect(keys[1]?.ipWhitelist).toEqual([]);
  });

  it('read each key name from the grid', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const keys = readKeyList(document, vocabulary, kucoin.credentials);
    expect(keys.map((k) => k.label)).toEqual(['dca-bot', 'old-withdraw']);
  });
});

describe('KuCoin credential shapes', () => {
  credentialShapesContract({
    exchange: kucoin,
    labels: { apiKey: 'Key', secret: 'Secret', passphrase: true },
    valid: [{ what: '24 hex and UUID', apiKey: '5f3b8c2a9d4e1f6a7b8c9d0e', secret: UUID_B, passphrase: 'my kucoin pass' }],
    nearMisses: [{ field: 'apiKey', value: '5f3b8c2a9d4e1f6a7b8c9d0' }],
  });
});
