// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { htx } from '.';
import { readCreateForm } from '../readers/create-form';
import { readKeyList } from '../readers/key-list';
import { readSecretDialog } from '../readers/secret-dialog';
import { credentialShapesContract, readersContract } from '../../../tests/unit/exchanges/readers-contract';
import { clickText, loadFixture, settle, typeInto } from '../../../tests/unit/exchanges/fixture-dom';

const { page } = htx;
const { vocabulary } = page;

describe.each([
  ['en-us', { read: 'Read-only', trade: 'Trade', withdraw: 'Withdraw', create: 'Create' }],
  ['zh-cn', { read: '读取', trade: '交易', withdraw: '提币', create: '创建' }],
  // Traditional characters: matched through the same Simplified vocabulary (src/dom/traditional.ts).
  ['zh-hk', { read: '讀取', trade: '交易', withdraw: '提幣', create: '創建' }],
])('HTX readers on the %s fixture', (locale, words) => {
  readersContract({
    exchange: htx,
    fixture: `www.htx.com/${locale}/apikey/index.html`,
    apiPages: [`/${locale}/apikey`, `/${locale}/apikey/`, '/apikey', `/${locale}/sub-account/api-management`],
    notApiPages: [`/${locale}/trade/btc_usdt`, `/${locale}/user-center`, `/${locale}/apikeys-guide`],
  });


  it('read the create form as the user toggles it', async () => {
    loadFixture(`www.htx.com/${locale}/apikey/index.html`);
    await settle(200);
    let form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: false, withdraw: false });
    expect(form?.ipText).toBe('');
    clickText(words.withdraw);
    clickText(words.trade);
    form = readCreateForm(document, vocabulary);
    expect(form?.permissions).toMatchObject({ read: true, trade: true, withdraw: true });
    expect(form?.controls.map((c) => c.flag).sort()).toEqual(['read', 'trade', 'withdraw']);
    if (!form?.ipField) throw new Error('no IP field');
    typeInto(form.ipField, '203.0.113.7, 198.51.100.0/24');
    expect(readCreateForm(document, vocabulary)?.ipText).toBe('203.0.113.7, 198.51.100.0/24');
  });

  it('read the one-time secret from the late modal, and the key label typed before', async () => {
    loadFixture(`www.htx.com/${locale}/apikey/index.html`);
    await settle(200);
    const notes = document.querySelector('input');
    if (!notes) throw new Error('no notes field');
    typeInto(notes, 'grid-bot-7');
    expect(readCreateForm(document, vocabulary)?.keyLabel).toBe('grid-bot-7');
    clickText(words.create);
    await settle(50);
    expect(readSecretDialog(document, vocabulary, htx.credentials)).toBeNull();
    await settle(500);
    const reading = readSecretDialog(document, vocabulary, htx.credentials);
    expect(reading).toMatchObject({ apiKey: 'e2c4f6a8-99b1d3f5-84e6a8c0-7b2d4', secret: 'b7c8d9e0-f1a2b3c4-d5e6f7a8-9b0c1' });
    expect(reading?.container.getAttribute('role')).toBe('dialog');
  });

  it('read the key list: permissions and IPs per key', async () => {
    loadFixture(`www.htx.com/${locale}/apikey/index.html`);
    await settle(200);
    const keys = readKeyList(document, vocabulary, htx.credentials);
    expect(keys.map((k) => k.apiKey)).toEqual(['a1b2c3d4-5e6f7a8b-9c0d1e2f-3a4b5', 'f0e1d2c3-b4a59687-78695a4b-3c2d1']);
    expect(keys[0]).toMatchObject({ label: 'old-grid', ipWhitelist: [], permissions: { withdraw: true, trade: true } });
    expect(keys[1]).toMatchObject({ label: 'dca-bot', ipWhitelist: ['203.0.113.7', '198.51.100.0/24'], permissions: { withdraw: false, trade: true } });
  });
});

describe('HTX credential shapes', () => {
  credentialShapesContract({
    exchange: htx,
    labels: { apiKey: 'Access Key', secret: 'Secret Key', passphrase: false },
    valid: [
      { what: 'documented 8-8-8-5 shape', apiKey: 'e2b4c6d8-99f1a3b5-84c7d9e1-7a2b4', secret: 'c1d3e5f7-0a2b4c6d-8e9f0a1b-2c3d4' },
      { what: 'a 10-character second group', apiKey: 'a1b2c3d4-bewr5drtmh-5e6f7a8b-9c0d1', secret: '9f8e7d6c-5b4a3f2e-1d0c9b8a-7f6e5' },
    ],
    nearMisses: [
      { field: 'apiKey', value: 'E2B4C6D8-99F1A3B5-84C7D9E1-7A2B4' },
      { field: 'apiKey', value: 'e2b4c6d8-99f1a3b5-84c7d9e1' },
    ],
    keyAndSecretShareShape: true,
  });
});
