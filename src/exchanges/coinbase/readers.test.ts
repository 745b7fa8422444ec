// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { coinbase } from '.';
import { readCreateForm, readSubAccount } from '../readers/create-form';
import { readKeyList } from '../readers/key-list';
import { readSecretDialog } from '../readers/secret-dialog';
import { credentialShapesContract, readersContract } from '../../../tests/unit/exchanges/readers-contract';
import { UUID_A, UUID_B, ecSec1, ed25519Base64, rsaPkcs8 } from '../../../tests/unit/exchanges/credential-samples';
import { clickText, loadFixture, settle, typeInto } from '../../../tests/unit/exchanges/fixture-dom';

const { page } = coinbase;
const { vocabulary } = page;
const FIXTURE = 'portal.cdp.coinbase.com/projects/api-keys/index.html';

const ORG = '7ada5c42-95ef-4012-a49b-fb5118f25bcc';
const PROJECT_ID = '28f0b7a9-aaa3-429f-9ed0-dbfc1e5f2fc6';
const EC_PEM = [
  '-----BEGIN EC PRIVATE KEY-----',
  'MHcCAQEEIGzld3Kn+vHzwLYDywpoP1Ke6gUNMf6Y7Ie/hS0fLnCLHBRBIJ0bra5E',
  '9u6UZZlaK8v00aFiX1etVrZMz5B032fu+27tUaGRJPjp5vSEW+rsI0xKNt8NO7DX',
  'rKrl6Bf/fLPxHFxjvMvKmexva6AqoDM6jw==',
  '-----END EC PRIVATE KEY-----',
].join('\n');

function field(placeholder: string): HTMLInputElement | HTMLTextAreaElement {
  const input = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[placeholder="${placeholder}"]`);
  if (!input) throw new Error(`no field ${placeholder}`);
  return input;
}

async function openModal(): Promise<void> {
  loadFixture(FIXTURE);
  await settle(260);
  clickText('Create API key');
}

async function createKey(algorithm: 'Ed25519' | 'ECDSA'): Promise<void> {
  await openModal();
  typeInto(field('e.g. trading-bot'), 'grid-bot-7');
  clickText('API restrictions');
  clickText('Trade');
  if (algorithm === 'ECDSA') {
    clickText('Advanced settings');
    clickText('ECDSA');
  }
  clickText('Create API key');
  typeInto(field('Enter code'), '123456');
  clickText('Continue');
}

afterEach(() => {
  Object.assign(window, { __fixtureAccess: undefined, __fixtureSecret: undefined });
});

describe('Coinbase readers on the fixture', () => {
  readersContract({
    exchange: coinbase,
    fixture: FIXTURE,
    apiPages: ['/projects/api-keys', '/projects/api-keys/', `/projects/${PROJECT_ID}/api-keys`, '/access/api'],
    notApiPages: ['/projects/overview', '/projects/api-keys-help'],
    chosenCredentials: {
      apiKey: `organizations/${ORG}/apiKeys/11111111-2222-4333-8444-555555555555`,
      secret: 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk=',
      reveal: async () => {
        await createKey('ECDSA');
        await settle(550);
      },
    },
  });

  it('read the create form once API restrictions are open, as the user toggles it', async () => {
    await openModal();
    // Collapsed: the permissions and the allowlist are not rendered yet (View only, by default),
    // so at most the nickname is read.
    const collapsed = readCreateForm(document, vocabulary);
    expect(collapsed?.controls ?? []).toEqual([]);
    expect(collapsed?.ipField ?? null).toBeNull();
    clickText('API restrictions');
    let form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: false, withdraw: false, transfer: false });
    expect(form?.controls.map((c) => `${c.flag}:${c.label}`)).toEqual(['read:View', 'trade:Trade', 'withdraw:Transfer']);
    expect(form?.ipText).toBe('');
    clickText('Transfer');
    form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: false, withdraw: true });
    clickText('Trade');
    clickText('View');
    form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: false, trade: true, withdraw: true });
    expect(form?.permissions.labels).toEqual(['Trade', 'Transfer']);
  });

  it('read the IP allowlist and the nickname as typed, across re-renders', async () => {
    await openModal();
    typeInto(field('e.g. trading-bot'), 'grid-bot-7');
    clickText('API restrictions');
    const form = readCreateForm(document, vocabulary);
    if (!form?.ipField) throw new Error('no IP field');
    typeInto(form.ipField, '203.0.113.7, 2001:db8::/32');
    clickText('Trade');
    const after = readCreateForm(document, vocabulary);
    expect(after?.ipField).not.toBe(form.ipField);
    expect(after).toMatchObject({ ipText: '203.0.113.7, 2001:db8::/32', keyLabel: 'grid-bot-7' });
  });

  it('read the portfolio the key is restricted to', async () => {
    await openModal();
    expect(readSubAccount(document, vocabulary)).toBeNull();
    clickText('API restrictions');
    expect(readSubAccount(document, vocabulary)).toBe('Default');
    const select = document.querySelector('select');
    if (!select) throw new Error('no portfolio select');
    select.value = 'Bot portfolio';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(readSubAccount(document, vocabulary)).toBe('Bot portfolio');
  });

  it('read an Ed25519 key and secret from the late modal', async () => {
    await createKey('Ed25519');
    await settle(50);
    expect(readSecretDialog(document, vocabulary, coinbase.credentials)).toBeNull();
    await settle(500);
    const reading = readSecretDialog(document, vocabulary, coinbase.credentials);
    expect(reading).toMatchObject({
      apiKey: '9783c9ef-b9f1-4002-85c3-1405047e5742',
      secret: 'hc3fc9Tr8MC7MNDRH4EzFzlNbVEv3pN+MgvclxDUZNvBROKJZLqsIJurjVxyo+HZMKrMCS9wf6vPxGK2E4a03Q==',
    });
    expect(reading?.container.getAttribute('aria-label')).toBe('API key created');
    expect(coinbase.credentials.secretPatterns.some((p) => p.test(reading?.secret ?? ''))).toBe(true);
  });

  it('read an ECDSA key name and its PEM private key from the late modal', async () => {
    await createKey('ECDSA');
    await settle(550);
    const reading = readSecretDialog(document, vocabulary, coinbase.credentials);
    expect(reading?.apiKey).toBe(`organizations/${ORG}/apiKeys/74800aca-c24c-4f31-a7ab-220a503e2321`);
    expect(reading?.secret).toBe(EC_PEM);
    expect(reading?.secretElement.tagName).toBe('PRE');
    expect(coinbase.credentials.apiKeyPatterns.some((p) => p.test(reading?.apiKey ?? ''))).toBe(true);
    // The fixture's default PEM (random bytes, not a real key) has the shape Keyward accepts.
    expect(coinbase.credentials.secretPatterns.some((p) => p.test(EC_PEM))).toBe(true);
  });

  // A PEM shown in a code block keeps its line breaks: most PEM parsers need them.
  it('keep the PEM line breaks of the private key', async () => {
    await createKey('ECDSA');
    await settle(550);
    expect(readSecretDialog(document, vocabulary, coinbase.credentials)?.secret).toBe(EC_PEM);
  });


  it('read the key list: permissions and IPs per key', async () => {
    loadFixture(FIXTURE);
    await settle(260);
    const keys = readKeyList(document, vocabulary, coinbase.credentials);
    const byId = (id: string) => keys.find((k) => k.apiKey === id);
    expect(byId('7a0a5154-270e-46e3-83ef-1a457b2f1691')).toMatchObject({
      label: 'legacy-transfer',
      ipWhitelist: [],
      permissions: { read: true, trade: true, withdraw: true, transfer: false, labels: ['View', 'Trade', 'Transfer'] },
    });
    expect(byId('9e97e217-b2b4-4198-a72d-b0cfe600de4c')).toMatchObject({
      label: 'prod-trader',
      ipWhitelist: ['203.0.113.7', '198.51.100.0/24'],
      permissions: { read: true, trade: true, withdraw: false },
    });
    expect(byId('f7baecf6-fb1b-4908-aae6-a5431af24daf')).toMatchObject({
      label: 'reporting',
      ipWhitelist: [],
      permissions: { read: true, trade: false, withdraw: false },
    });
  });

  // Was a reader gap: an Ed25519 key ID is a bare UUID, so readKeyList took every UUID on the page
  // for a key, here the project ID in the project switcher. A value in the navigation, or labelled
  // as another kind of ID, is not a key.
  it('list only the API keys, not the project ID', async () => {
    loadFixture(FIXTURE);
    await settle(260);
    const keys = readKeyList(document, vocabulary, coinbase.credentials);
    expect(keys.map((k) => k.apiKey)).toEqual([
      '7a0a5154-270e-46e3-83ef-1a457b2f1691',
      '9e97e217-b2b4-4198-a72d-b0cfe600de4c',
      'f7baecf6-fb1b-4908-aae6-a5431af24daf',
    ]);
  });
});

describe('Coinbase: a key name in an input beside a private key in a <pre> (minimal HTML)', () => {
  // Was a reader gap while this fixture was written: valueAfterLabel() took the only input within
  // three ancestors even when it stood before the label, so the "Private key" label got the key
  // name's input and nothing was captured. controlFor() now only looks after the label here.
  it('read a key name shown in an input and a private key shown in a <pre>', () => {
    document.body.innerHTML = `
      <div role="dialog" aria-modal="true">
        <h2>API key created</h2>
        <div><div>API key name</div><div><input readonly value="organizations/${ORG}/apiKeys/74800aca-c24c-4f31-a7ab-220a503e2321"><button>Copy</button></div></div>
        <div><div>Private key</div><div><pre>hc3fc9Tr8MC7MNDRH4EzFzlNbVEv3pN+MgvclxDUZNvBROKJZLqsIJurjVxyo+HZMKrMCS9wf6vPxGK2E4a03Q==</pre><button>Copy</button></div></div>
      </div>`;
    expect(readSecretDialog(document, vocabulary, coinbase.credentials)).toMatchObject({
      apiKey: `organizations/${ORG}/apiKeys/74800aca-c24c-4f31-a7ab-220a503e2321`,
      secret: 'hc3fc9Tr8MC7MNDRH4EzFzlNbVEv3pN+MgvclxDUZNvBROKJZLqsIJurjVxyo+HZMKrMCS9wf6vPxGK2E4a03Q==',
    });
  });
});

describe('Coinbase: IDs that are not keys', () => {
  it('skip a UUID labelled as another kind of ID, keep one labelled as the key', async () => {
    const { readKeyList } = await import('../readers/key-list');
    document.body.innerHTML = `<main>
      <div><span>Organization ID</span> <code>0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e</code></div>
      <div class="card"><div>Key ID <code>7a0a5154-270e-46e3-83ef-1a457b2f1691</code></div><div>Trade</div></div>
    </main>`;
    expect(readKeyList(document, vocabulary, coinbase.credentials).map((k) => k.apiKey)).toEqual(['7a0a5154-270e-46e3-83ef-1a457b2f1691']);
  });
});

describe('Coinbase credential shapes', () => {
  credentialShapesContract({
    exchange: coinbase,
    labels: { apiKey: 'API key name', secret: 'Private key', passphrase: false },
    valid: [
      { what: 'ECDSA key name and EC PEM', apiKey: `organizations/${UUID_A}/apiKeys/${UUID_B}`, secret: ecSec1 },
      { what: 'Ed25519 key ID and base64 secret', apiKey: UUID_B, secret: ed25519Base64 },
    ],
    nearMisses: [
      { field: 'apiKey', value: `organizations/${UUID_A}/apiKeys/` },
      { field: 'secret', value: rsaPkcs8 },
    ],
  });
});
