// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { gate } from '.';
import { readCreateForm } from '../readers/create-form';
import { readKeyList } from '../readers/key-list';
import { readSecretDialog } from '../readers/secret-dialog';
import { credentialShapesContract, readersContract } from '../../../tests/unit/exchanges/readers-contract';
import { clickText, loadFixture, settle, typeInto } from '../../../tests/unit/exchanges/fixture-dom';

const { page } = gate;
const { vocabulary } = page;
const FIXTURE = 'www.gate.io/myaccount/apikeys/index.html';

const NEW_KEY = '2227e36c58901435ef428e3325899aac';
const NEW_SECRET = 'f5a21070b4b618bbb6ac9ea092e5bb71d22da9bf3319ae23ce7dbd4746a877ab';
const SPOT_BOT = 'be3680ee2bcc39c8d4e56f09b99cf9d4';
const OLD_WITHDRAW = 'f7131714a9b210ee4935a534eadb8888';

function dialogs(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[role=dialog]'));
}

function topDialog(): HTMLElement {
  const found = dialogs().at(-1);
  if (!found) throw new Error('no dialog');
  return found;
}

/** The text field that follows the words `label` in the top dialog. */
function fieldAfter(label: string): HTMLInputElement {
  const words = Array.from(topDialog().querySelectorAll('*')).find((e) => e.children.length === 0 && e.textContent === label);
  const field = words?.parentElement?.querySelector<HTMLInputElement>('input:not([type=radio])');
  if (!field) throw new Error(`no field after ${label}`);
  return field;
}

/** The row of a permission area: its switch, and its mode radios by their words. */
function areaRow(name: string): HTMLElement {
  const words = Array.from(topDialog().querySelectorAll('span')).find((e) => e.textContent === name);
  const row = words?.parentElement?.parentElement;
  if (!row) throw new Error(`no area ${name}`);
  return row;
}

function switchArea(name: string): void {
  areaRow(name).querySelector<HTMLElement>('[role=switch]')?.click();
}

function setMode(name: string, mode: 'Read only' | 'Read-write'): void {
  const words = Array.from(areaRow(name).querySelectorAll('span')).find((e) => e.textContent === mode);
  if (!words) throw new Error(`no ${mode} for ${name}`);
  words.click();
}

async function openAndFill(): Promise<void> {
  await settle(200);
  clickText('Create API Key');
  typeInto(fieldAfter('API Key Remarks'), 'grid-bot-7');
  switchArea('Spot/Margin Trade');
  setMode('Spot/Margin Trade', 'Read-write');
}

async function submitAndVerify(): Promise<void> {
  clickText('Submit');
  clickText('I accept');
  typeInto(fieldAfter('Fund Password'), 'fund-pass');
  typeInto(fieldAfter('Google Authenticator Code'), '123456');
  expect(readSecretDialog(document, vocabulary, gate.credentials)).toBeNull();
  clickText('Confirm');
  await settle(50);
  expect(readSecretDialog(document, vocabulary, gate.credentials)).toBeNull();
  await settle(500);
}

describe('Gate readers on the API keys fixture', () => {
  readersContract({
    exchange: gate,
    fixture: FIXTURE,
    apiPages: ['/myaccount/apikeys', '/zh/myaccount/apikeys', '/zh-tw/myaccount/apikeys/'],
    notApiPages: ['/myaccount/apikeys-guide', '/myaccount/security', '/docs/developers/apiv4'],
    rendersWithin: 200,
    chosenCredentials: {
      apiKey: '3b5d7f9a1c3e5a7c9e1b3d5f7a9c1e3b',
      secret: '8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
      reveal: async () => {
        loadFixture(FIXTURE);
        await openAndFill();
        await submitAndVerify();
      },
    },
  });

  it('lists both Gate hosts, gate.io and gate.com', () => {
    expect(gate.hosts).toEqual(expect.arrayContaining(['www.gate.io', 'www.gate.com']));
  });



  it('read the create drawer as the user switches areas on and sets their mode', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    clickText('Create API Key');
    let form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: false, withdraw: false, transfer: false, labels: [] });
    expect(form?.controls).toHaveLength(9);
    expect(form?.ipText).toBe('');

    typeInto(fieldAfter('API Key Remarks'), 'grid-bot-7');
    expect(readCreateForm(document, vocabulary)?.keyLabel).toBe('grid-bot-7');

    switchArea('Perpetual Futures');
    setMode('Perpetual Futures', 'Read-write');
    form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ trade: false, futures: true, withdraw: false, labels: ['Perpetual Futures'] });

    switchArea('Wallet');
    setMode('Wallet', 'Read-write');
    switchArea('Earn');
    form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, futures: true, withdraw: true, labels: ['Perpetual Futures', 'Wallet', 'Earn'] });
    expect(form?.keyLabel).toBe('grid-bot-7');

    if (!form?.ipField) throw new Error('no IP field');
    typeInto(form.ipField, '203.0.113.7, 198.51.100.0/24');
    expect(readCreateForm(document, vocabulary)?.ipText).toBe('203.0.113.7, 198.51.100.0/24');
    clickText('Later');
    expect(readCreateForm(document, vocabulary)).toMatchObject({ ipField: null, ipText: '' });
  });

  // Was a gap: Gate grants per area *and* mode. The mode radios repeat on every row; the checked
  // one in the Wallet switch's own row now decides, and Read-write still reads as withdraw.
  it('read a wallet area set to Read only as no withdrawal', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    clickText('Create API Key');
    switchArea('Wallet');
    setMode('Wallet', 'Read only');
    expect(readCreateForm(document, vocabulary)?.permissions.withdraw).toBe(false);
    setMode('Wallet', 'Read-write');
    expect(readCreateForm(document, vocabulary)?.permissions.withdraw).toBe(true);
  });

  it('read the key and secret from the late result dialog, not from the drawer under the checks', async () => {
    loadFixture(FIXTURE);
    await openAndFill();
    clickText('Submit');
    expect(dialogs()).toHaveLength(2);
    clickText('Cancel'); // back from the risk reminder
    await submitAndVerify();
    expect(dialogs()).toHaveLength(1);
    const reading = readSecretDialog(document, vocabulary, gate.credentials);
    expect(reading).toMatchObject({ apiKey: NEW_KEY, secret: NEW_SECRET });
    expect(reading?.container.getAttribute('role')).toBe('dialog');
    expect(reading?.secretElement).toBeInstanceOf(HTMLInputElement);
  });


  it('read the key list table: remarks, permissions and IPs per key', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const keys = readKeyList(document, vocabulary, gate.credentials);
    expect(keys.map((k) => k.apiKey)).toEqual([SPOT_BOT, OLD_WITHDRAW]);
    expect(keys[0]).toMatchObject({ label: 'spot-bot', ipWhitelist: ['203.0.113.7', '198.51.100.0/24'], permissions: { trade: true } });
    expect(keys[1]).toMatchObject({ label: 'old-withdraw', ipWhitelist: [], permissions: { read: true, trade: true, withdraw: true } });
  });

  // Was the same gap in the list: "Wallet (Read only)" read as withdraw.
  it('read a key whose wallet area is read-only as unable to withdraw', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const keys = readKeyList(document, vocabulary, gate.credentials);
    expect(keys[0]?.permissions).toMatchObject({ trade: true, withdraw: false });
  });
});

describe('Gate credential shapes', () => {
  credentialShapesContract({
    exchange: gate,
    labels: { apiKey: 'API Key', secret: 'Secret Key', passphrase: false },
    valid: [
      {
        what: '32 and 64 hex',
        apiKey: '3b5d7f9a1c3e5a7c9e1b3d5f7a9c1e3b',
        secret: '8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
      },
    ],
    nearMisses: [{ field: 'secret', value: '8f1e2d3c4b5a69788796a5b4c3d2e1f0' }],
  });
});
