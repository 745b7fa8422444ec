// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { kraken } from '.';
import { readCreateForm } from '../readers/create-form';
import { readKeyList } from '../readers/key-list';
import { readSecretDialog } from '../readers/secret-dialog';
import { credentialShapesContract, readersContract } from '../../../tests/unit/exchanges/readers-contract';
import { clickText, loadFixture, settle, typeInto } from '../../../tests/unit/exchanges/fixture-dom';

const { page } = kraken;
const { vocabulary } = page;
const FIXTURE = 'www.kraken.com/u/security/api/index.html';

const NEW_KEY = 'oHiIe5Zt9hQIKKZfcy5EUscUUfdAOMvrb5yexKY0qmdpRL4f3nyXKR/v';
const NEW_SECRET = 'oS37p6ieSv5Q4kSQ50S8urnIGz9WrRdE8itsQXjjEAVayn5YjcvxHNv/+m0NqnOi75pnnG7C+N29yCORrHy7xA==';

function field(placeholder: string): HTMLInputElement | HTMLTextAreaElement {
  const input = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[placeholder="${placeholder}"]`);
  if (!input) throw new Error(`no field ${placeholder}`);
  return input;
}

/** Clicks the permission control the reader found for `label` (the box, not its text). */
function toggle(label: string): void {
  const control = readCreateForm(document, vocabulary)?.controls.find((c) => c.label === label)?.control;
  if (!control) throw new Error(`no control for ${label}`);
  control.click();
}

async function openCreate(): Promise<void> {
  loadFixture(FIXTURE);
  await settle(230);
  clickText('Create API key');
}

async function generate(): Promise<void> {
  await openCreate();
  clickText('Create & modify orders');
  clickText('Generate key');
  typeInto(field('2FA code'), '123456');
  clickText('Confirm');
}

afterEach(() => {
  Object.assign(window, { __fixtureAccess: undefined, __fixtureSecret: undefined });
});

describe('Kraken readers on the fixture', () => {
  readersContract({
    exchange: kraken,
    fixture: FIXTURE,
    apiPages: ['/u/security/api', '/u/security/api/', '/app/settings/api'],
    notApiPages: ['/u/security/apis', '/u/security/2fa', '/app/trade/btc-usd'],
    rendersWithin: 230,
    chosenCredentials: {
      apiKey: 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9w',
      secret: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZg==',
      reveal: async () => {
        await generate();
        await settle(550);
      },
    },
  });

  it('read the create form as the user toggles it', async () => {
    await openCreate();
    let form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: false, withdraw: false, transfer: false });
    expect(form?.permissions.labels).toEqual(['Query', 'Query open orders & trades', 'Query closed orders & trades']);
    expect(form?.controls).toHaveLength(11);
    expect(form?.controls.filter((c) => c.flag === 'other').map((c) => c.label)).toEqual(['Deposit', 'Earn', 'WebSocket interface']);
    expect(form?.keyLabel).toBe('api-key-1719830400000');
    // Collapsed advanced settings: no IP field yet.
    expect(form?.ipField).toBeNull();
    clickText('Withdraw');
    form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ withdraw: true, trade: false });
    toggle('Cancel & close orders');
    toggle('WebSocket interface');
    form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: true, withdraw: true, transfer: false });
    expect(form?.controls.find((c) => c.label === 'WebSocket interface')?.control.getAttribute('role')).toBe('switch');
    toggle('Withdraw');
    expect(readCreateForm(document, vocabulary)?.permissions).toMatchObject({ withdraw: false, trade: true });
  });

  it('read the IP whitelist under Advanced settings, and the key description, across re-renders', async () => {
    await openCreate();
    const description = document.querySelector<HTMLInputElement>('input[maxlength="32"]');
    if (!description) throw new Error('no description field');
    typeInto(description, 'grid-bot-7');
    clickText('Advanced settings');
    const form = readCreateForm(document, vocabulary);
    if (!form?.ipField) throw new Error('no IP field');
    expect(form.ipField).toBe(field('One IP address or CIDR range per line, or separated by commas'));
    typeInto(form.ipField, '203.0.113.7\n2001:db8::/32');
    clickText('Withdraw');
    const after = readCreateForm(document, vocabulary);
    expect(after?.ipField).not.toBe(form.ipField);
    expect(after).toMatchObject({ ipText: '203.0.113.7\n2001:db8::/32', keyLabel: 'grid-bot-7', permissions: { withdraw: true } });
  });

  it('read the one-time secret from the late key page (no dialog)', async () => {
    await generate();
    expect(document.querySelector('[role=dialog]')?.textContent).toContain('Two-factor authentication');
    await settle(50);
    expect(readSecretDialog(document, vocabulary, kraken.credentials)).toBeNull();
    await settle(500);
    const reading = readSecretDialog(document, vocabulary, kraken.credentials);
    expect(reading).toMatchObject({ apiKey: NEW_KEY, secret: NEW_SECRET });
    expect(reading?.secretElement.tagName).toBe('CODE');
    expect(document.querySelector('[role=dialog]')).toBeNull();
    expect(kraken.credentials.apiKeyPatterns.some((p) => p.test(reading?.apiKey ?? ''))).toBe(true);
    expect(kraken.credentials.secretPatterns.some((p) => p.test(reading?.secret ?? ''))).toBe(true);
    // Leaving the page drops the secret.
    clickText('Done');
    expect(readSecretDialog(document, vocabulary, kraken.credentials)).toBeNull();
  });


  it('read the key list: permissions and IPs per key', async () => {
    loadFixture(FIXTURE);
    await settle(230);
    const keys = readKeyList(document, vocabulary, kraken.credentials);
    expect(keys.map((k) => k.apiKey)).toEqual([
      'kvOGi0RwCGWYoIJ8C0QM8UeYrJloQcFx+y8Dq0iNvfhlpfnAk30pE5DE',
      'eFxsDZ6HXd72xrK0zkRgDjjjVDnHON0xwh/jQcbVBW2KoacCetIWx/IC',
      'UVrlqsnrRZp0h92LD07E+9HInOuKvNrG245qmNgL0cxHVtzPDgtbbGlO',
    ]);
    expect(keys[0]?.permissions).toMatchObject({ read: true, trade: true, withdraw: true, transfer: false });
    expect(keys[0]?.permissions?.labels).toEqual(['Query funds', 'Withdraw funds', 'Create & modify orders', 'Cancel & close orders']);
    expect(keys[1]).toMatchObject({ ipWhitelist: ['203.0.113.7', '2001:db8::/32'], permissions: { trade: true, withdraw: false } });
    expect(keys[2]?.permissions).toMatchObject({ read: true, trade: false, withdraw: false });
    expect(keys[0]?.row.tagName).toBe('LI');
  });

  // Was a reader gap while this fixture was written (the whole item's text was tested against
  // ipUnrestricted); readKeyList now reads the value beside the item's "IP whitelist".
  it('read a key whose item says "Any IP" as unrestricted', async () => {
    loadFixture(FIXTURE);
    await settle(230);
    const [first] = readKeyList(document, vocabulary, kraken.credentials);
    expect(first?.apiKey).toBe('kvOGi0RwCGWYoIJ8C0QM8UeYrJloQcFx+y8Dq0iNvfhlpfnAk30pE5DE');
    expect(first?.ipWhitelist).toEqual([]);
  });

  it('read the new key in the list after Done', async () => {
    await openCreate();
    clickText('Advanced settings');
    typeInto(field('One IP address or CIDR range per line, or separated by commas'), '192.0.2.10');
    clickText('Create & modify orders');
    clickText('Generate key');
    typeInto(field('2FA code'), '123456');
    clickText('Confirm');
    await settle(550);
    clickText('Done');
    const [first] = readKeyList(document, vocabulary, kraken.credentials);
    expect(first).toMatchObject({ apiKey: NEW_KEY, ipWhitelist: ['192.0.2.10'], permissions: { read: true, trade: true, withdraw: false } });
  });
});

describe('Kraken credential shapes', () => {
  credentialShapesContract({
    exchange: kraken,
    labels: { apiKey: 'API Key', secret: 'Private Key', passphrase: false },
    valid: [
      {
        what: "the docs' private key",
        apiKey: 'Xk2Lp9vQ7/rT4mN8wB3cH6jF1zY5sD0gA+eR7uI9oP2lK4nM6bV8xC3q',
        secret: 'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==',
      },
    ],
    nearMisses: [{ field: 'secret', value: 'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg=' }],
  });
});
