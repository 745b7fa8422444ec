// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { okx } from '.';
import { readCreateForm } from '../readers/create-form';
import { readKeyList } from '../readers/key-list';
import { readSecretDialog } from '../readers/secret-dialog';
import { credentialShapesContract, readersContract } from '../../../tests/unit/exchanges/readers-contract';
import { UUID_A, UUID_B } from '../../../tests/unit/exchanges/credential-samples';
import { clickText, loadFixture, settle, typeInto } from '../../../tests/unit/exchanges/fixture-dom';

const { page } = okx;
const { vocabulary } = page;
const FIXTURE = 'www.okx.com/account/my-api/index.html';

const NEW_KEY = 'd3aede45-c3b6-4b4b-a6c5-4aea77000e21';
const NEW_SECRET = 'CA4DB91963A2B3E372AC4593493F32B0';
const DCA_BOT = '09a1ef36-df0c-4dd7-aaf3-bba5dd2e4336';
const OLD_WITHDRAW = '43559171-74dc-4997-a789-fa5c289dfe0c';

function dialog(): HTMLElement {
  const found = document.querySelector<HTMLElement>('[role=dialog]');
  if (!found) throw new Error('no dialog');
  return found;
}

/** The text field under the label `label` in the open dialog (as a person finds it). */
function fieldIn(label: string): HTMLInputElement | HTMLTextAreaElement {
  const item = Array.from(dialog().querySelectorAll('.okui-form-item')).find(
    (e) => e.querySelector('.okui-form-item-label')?.textContent === label,
  );
  const field = item?.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
  if (!field) throw new Error(`no field ${label}`);
  return field;
}

async function openAndFill(): Promise<void> {
  await settle(200);
  clickText('Create API key');
  typeInto(fieldIn('API key name'), 'grid-bot-7');
  typeInto(fieldIn('Passphrase'), 'Correct-Horse-9');
  clickText('Trade');
}

async function submitAndVerify(): Promise<void> {
  clickText('Submit');
  typeInto(fieldIn('Email code'), '123456');
  typeInto(fieldIn('Authenticator code'), '654321');
  expect(readSecretDialog(document, vocabulary, okx.credentials)).toBeNull();
  clickText('Confirm');
  await settle(50);
  expect(readSecretDialog(document, vocabulary, okx.credentials)).toBeNull();
  await settle(500);
}

describe('OKX readers on the my-api fixture', () => {
  readersContract({
    exchange: okx,
    fixture: FIXTURE,
    apiPages: ['/account/my-api', '/fr/account/my-api', '/zh-hans/account/my-api/'],
    notApiPages: ['/account/my-api-docs', '/balance', '/account/users'],
    rendersWithin: 200,
    chosenCredentials: {
      apiKey: '5c2f1a7e-93b4-4d0a-8e6f-1b2c3d4e5f60',
      secret: '7c5b3e0f9a1d2b4c6e8f0a1b2c3d4e5f',
      reveal: async () => {
        loadFixture(FIXTURE);
        await openAndFill();
        await submitAndVerify();
      },
    },
  });

  it('lists the regional OKX hosts', () => {
    expect(okx.hosts).toEqual(expect.arrayContaining(['www.okx.com', 'my.okx.com', 'app.okx.com']));
  });



  it('read the create dialog as the user fills it: name, passphrase, permissions, IPs', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    clickText('Create API key');
    let form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: false, withdraw: false, transfer: false });
    expect(form?.passphrase).toBe('');
    expect(form?.ipText).toBe('');

    typeInto(fieldIn('API key name'), 'grid-bot-7');
    typeInto(fieldIn('Passphrase'), 'Correct-Horse-9');
    form = readCreateForm(document, vocabulary);
    expect(form).toMatchObject({ keyLabel: 'grid-bot-7', passphrase: 'Correct-Horse-9' });
    expect(form?.passphraseField?.type).toBe('password');

    clickText('Withdraw');
    form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: false, withdraw: true });
    clickText('Read'); // always on: clicking does nothing
    clickText('Trade');
    form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: true, withdraw: true, labels: ['Read', 'Trade', 'Withdraw'] });
    // The dialog re-rendered on every click; the passphrase survives in the new field.
    expect(form?.passphrase).toBe('Correct-Horse-9');

    if (!form?.ipField) throw new Error('no IP field');
    typeInto(form.ipField, '203.0.113.7 198.51.100.0/24');
    expect(readCreateForm(document, vocabulary)?.ipText).toBe('203.0.113.7 198.51.100.0/24');
  });

  it('read the key and secret from the late result dialog; the passphrase came from the form', async () => {
    loadFixture(FIXTURE);
    await openAndFill();
    expect(readCreateForm(document, vocabulary)?.passphrase).toBe('Correct-Horse-9');
    await submitAndVerify();
    const reading = readSecretDialog(document, vocabulary, okx.credentials);
    expect(reading).toMatchObject({ apiKey: NEW_KEY, secret: NEW_SECRET });
    expect(reading?.container.getAttribute('role')).toBe('dialog');
    expect(reading?.secretElement).toBeInstanceOf(HTMLInputElement);
    // The passphrase is not on the result dialog: it had to be read before.
    expect(dialog().textContent).not.toContain('Correct-Horse-9');
  });


  it('read the key list: permissions per card, and the IPs of a linked key', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const keys = readKeyList(document, vocabulary, okx.credentials);
    expect(keys.map((k) => k.apiKey)).toEqual([DCA_BOT, OLD_WITHDRAW]);
    expect(keys[0]).toMatchObject({ ipWhitelist: ['203.0.113.7', '198.51.100.0/24'], permissions: { trade: true, withdraw: false } });
    expect(keys[1]?.permissions).toMatchObject({ read: true, trade: true, withdraw: true, transfer: false });
  });

  // On a card the IP value sits beside its label ("IP address" / "Not linked").
  it('read a card that is not linked to an IP as having no IP whitelist', async () => {
    loadFixture(FIXTURE);
    await settle(200);
    const keys = readKeyList(document, vocabulary, okx.credentials);
    expect(keys[1]?.ipWhitelist).toEqual([]);
  });
});

describe('OKX credential shapes', () => {
  credentialShapesContract({
    exchange: okx,
    labels: { apiKey: 'API Key', secret: 'Secret Key', passphrase: true },
    valid: [
      { what: 'upper-case hex secret', apiKey: UUID_A, secret: '7C5B3E0F9A1D2B4C6E8F0A1B2C3D4E5F', passphrase: 'Correct-Horse-9' },
      { what: 'lower-case hex secret', apiKey: UUID_B, secret: '7c5b3e0f9a1d2b4c6e8f0a1b2c3d4e5f', passphrase: 'p4ss!word' },
    ],
    nearMisses: [{ field: 'secret', value: '7C5B3E0F9A1D2B4C6E8F0A1B2C3D4E5G' }],
  });
});
