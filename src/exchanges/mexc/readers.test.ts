// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { mexc } from '.';
import { readCreateForm, readSubAccount } from '../readers/create-form';
import { readKeyList } from '../readers/key-list';
import { readSecretDialog } from '../readers/secret-dialog';
import { credentialShapesContract, readersContract } from '../../../tests/unit/exchanges/readers-contract';
import { clickText, loadFixture, settle, typeInto } from '../../../tests/unit/exchanges/fixture-dom';

const { page } = mexc;
const { vocabulary } = page;
const FIXTURE = 'www.mexc.com/user/openapi/index.html';

function field(placeholder: string): HTMLInputElement | HTMLTextAreaElement {
  const input = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[placeholder="${placeholder}"]`);
  if (!input) throw new Error(`no field ${placeholder}`);
  return input;
}

/** Clicks the option `text` in the permission row titled `row` ("View" exists in three rows). */
function option(row: string, text: string): void {
  const title = Array.from(document.querySelectorAll('div')).find((d) => d.children.length === 0 && d.textContent === row);
  const target = Array.from(title?.parentElement?.querySelectorAll<HTMLElement>('span') ?? []).find((s) => s.textContent === text);
  if (!target) throw new Error(`no option ${row} / ${text}`);
  target.click();
}

async function rendered(): Promise<void> {
  loadFixture(FIXTURE);
  await settle(220);
}

async function createKey(ips: string): Promise<void> {
  await rendered();
  typeInto(field('Please enter notes'), 'grid-bot-7');
  option('Trade', 'Trade');
  typeInto(field('Up to 10 IP addresses, separated by commas'), ips);
  clickText('Create');
  typeInto(field('Enter the email verification code'), '123456');
  typeInto(field('Enter the Google Authenticator code'), '654321');
  clickText('Submit');
}

afterEach(() => {
  Object.assign(window, { __fixtureAccess: undefined, __fixtureSecret: undefined });
});

describe('MEXC readers on the fixture', () => {
  readersContract({
    exchange: mexc,
    fixture: FIXTURE,
    apiPages: ['/user/openapi', '/user/openapi/', '/en-GB/user/openapi'],
    notApiPages: ['/user/openapi-v2', '/exchange/BTC_USDT'],
    chosenCredentials: {
      apiKey: 'mx0TestChosenKey42',
      secret: '0123456789abcdef0123456789abcdef',
      reveal: async () => {
        await createKey('');
        await settle(550);
      },
    },
  });

  it('read the create form as the user toggles it', async () => {
    await rendered();
    let form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: false, withdraw: false, transfer: false });
    expect(form?.permissions.labels).toEqual(['View']);
    // In the page's order: each row's View, then its write right.
    expect(form?.controls.map((c) => c.flag)).toEqual(['read', 'other', 'read', 'trade', 'read', 'transfer', 'withdraw']);
    expect(form?.ipText).toBe('');
    option('Withdraw', 'Withdraw');
    form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: false, withdraw: true, transfer: false });
    option('Trade', 'Trade');
    option('Transfer', 'Transfer');
    form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: true, withdraw: true, transfer: true });
    // The row titles must not have claimed the "View" boxes: unchecking Account › View clears read.
    option('Account', 'View');
    form = readCreateForm(document, vocabulary);
    expect(form?.permissions.read).toBe(false);
    expect(form?.controls.find((c) => c.flag === 'trade')?.on).toBe(true);
    option('Trade', 'Trade');
    expect(readCreateForm(document, vocabulary)?.permissions).toMatchObject({ trade: false, withdraw: true });
  });

  it('read the IP whitelist and notes as typed, across re-renders', async () => {
    await rendered();
    const form = readCreateForm(document, vocabulary);
    if (!form?.ipField) throw new Error('no IP field');
    expect(form.ipField.tagName).toBe('TEXTAREA');
    typeInto(form.ipField, '203.0.113.7, 198.51.100.0/24');
    typeInto(field('Please enter notes'), 'grid-bot-7');
    option('Trade', 'Trade');
    const after = readCreateForm(document, vocabulary);
    expect(after?.ipField).not.toBe(form.ipField);
    expect(after).toMatchObject({ ipText: '203.0.113.7, 198.51.100.0/24', keyLabel: 'grid-bot-7' });
  });

  it('read the one-time secret from the late modal', async () => {
    await createKey('');
    expect(document.querySelector('[role=dialog]')?.textContent).toContain('Security Verification');
    await settle(50);
    expect(readSecretDialog(document, vocabulary, mexc.credentials)).toBeNull();
    await settle(500);
    const reading = readSecretDialog(document, vocabulary, mexc.credentials);
    expect(reading).toMatchObject({ apiKey: 'mx0vglBq7Xz3Rk9TmP4', secret: '3f9a1c7e5b2d8f4a6c0e9b3d7a1f5c2e' });
    expect(reading?.container.getAttribute('role')).toBe('dialog');
    expect(reading?.secretElement.tagName).toBe('INPUT');
    expect(mexc.credentials.apiKeyPatterns.some((p) => p.test(reading?.apiKey ?? ''))).toBe(true);
    expect(mexc.credentials.secretPatterns.some((p) => p.test(reading?.secret ?? ''))).toBe(true);
  });


  it('read the key cards: permissions and IPs per key', async () => {
    await rendered();
    const keys = readKeyList(document, vocabulary, mexc.credentials);
    expect(keys.map((k) => k.apiKey)).toEqual(['mx0aK8pQ2rT5vX9zB3', 'mx0bN4cW7eY1uI6oL2']);
    expect(keys[0]?.permissions).toMatchObject({ read: true, trade: true, withdraw: true, transfer: false });
    expect(keys[0]?.permissions?.labels).toEqual(['Account (View)', 'Trade (View)', 'Trade (Trade)', 'Withdraw']);
    expect(keys[1]).toMatchObject({
      ipWhitelist: ['203.0.113.7', '198.51.100.0/24'],
      permissions: { read: true, trade: true, withdraw: false, transfer: false },
    });
    // Each card is its own row, not the whole list.
    expect(keys[0]?.row.textContent).not.toContain('mx0bN4cW7eY1uI6oL2');
  });

  // Was a reader gap while this fixture was written (the whole card's text was tested against
  // ipUnrestricted); readKeyList now reads the value beside the card's "Linked IP Address".
  it('read a card without a linked IP as unrestricted', async () => {
    await rendered();
    const [first] = readKeyList(document, vocabulary, mexc.credentials);
    expect(first?.apiKey).toBe('mx0aK8pQ2rT5vX9zB3');
    expect(first?.ipWhitelist).toEqual([]);
  });

  // Was a reader gap: the card shows its notes as the card's title, with no "Notes" label beside
  // it; a card's first text before the key, when it is none of the page's words, is its name.
  it("read a card's notes as the key's label", async () => {
    await rendered();
    const [first] = readKeyList(document, vocabulary, mexc.credentials);
    expect(first?.apiKey).toBe('mx0aK8pQ2rT5vX9zB3');
    expect(first?.label).toBe('arb-main');
  });

  it('say the page is the main account', async () => {
    await rendered();
    typeInto(field('Please enter notes'), 'grid-bot-7');
    expect(readSubAccount(document, vocabulary)).toBeNull();
  });

  it('not read a side-menu link as the sub-account selector', async () => {
    await rendered();
    typeInto(field('Please enter notes'), 'grid-bot-7');
    expect(readSubAccount(document, { ...vocabulary, subAccount: ['sub-account'] })).toBeNull();
  });

  it('read the new key card after creation', async () => {
    await createKey('192.0.2.10');
    await settle(550);
    const keys = readKeyList(document, vocabulary, mexc.credentials);
    expect(keys.map((k) => k.apiKey)).toEqual(['mx0vglBq7Xz3Rk9TmP4', 'mx0aK8pQ2rT5vX9zB3', 'mx0bN4cW7eY1uI6oL2']);
    expect(keys[0]).toMatchObject({ ipWhitelist: ['192.0.2.10'], permissions: { read: true, trade: true, withdraw: false } });
  });
});

describe('MEXC credential shapes', () => {
  credentialShapesContract({
    exchange: mexc,
    labels: { apiKey: 'Access Key', secret: 'Secret Key', passphrase: false },
    valid: [{ what: "the docs' example key and test secret", apiKey: 'mx0aBYs33eIilxBWC5', secret: '45d0b3c26f2644f19bfb98b07741b2f5' }],
    nearMisses: [
      { field: 'apiKey', value: 'aBYs33eIilxBWC5' },
      { field: 'apiKey', value: 'mx0aBY' },
    ],
  });
});
