/**
 * Masked values in the key list on API pages: `••••••••`, `abcd****wxyz`, `************`,
 * `e2xx…7xxx`-style ellipsis, and a secret column saying "******". Some masks keep 16+ real
 * characters on either side, so a reader that "normalises away" asterisks or bullets would be left
 * with a credential-shaped string: it must still not be taken for a key or secret.
 */
import type { NearMiss, Page } from '../drive';
import { type ListedKeyRow, gateApiPageZh, htxApiPage, newKeyDialog, okxApiPage } from './api-pages';
import { page, nearMiss, type NewKey } from './build';
import { copyButton, css, shell, valueRow } from './chrome';

export const MASKED = {
  htxKey: 'j4nv9lgo…7b29l',
  htxKey2: 'etg0jcgp-90qj****-****-2w1wl',
  okxKey: '677c****a2bd',
  okxKeyLong: '5b4cd3c000994193****************b5a330ea76695937',
  stars: '************',
  six: '******',
  bullets: '••••••••',
  binanceKey: 'KdKJkfytqpAlRjd9vpvS••••••••••••••••••••••••QuSXGm9',
  gateKey: 'a6c7e976b354****************894f',
  bybitKey: 'kKyT••••••••k5Jo',
  krakenKey: '5V1dO/jsSQ456Tf4…GqeUgp1Supwt0U',
} as const;

const HTX_KEYS: ListedKeyRow[] = [
  { name: 'grid', apiKeyShown: MASKED.htxKey, secretShown: MASKED.six, permissions: 'Read, Trade', ips: '203.0.113.9', created: '2025-02-11 14:20' },
  { name: 'backup', apiKeyShown: MASKED.htxKey2, secretShown: MASKED.six, permissions: 'Read', ips: '--', created: '2024-12-30 09:01' },
];

const OKX_KEYS: ListedKeyRow[] = [
  { name: 'scalper', apiKeyShown: MASKED.okxKey, secretShown: MASKED.stars, permissions: 'Read, Trade', ips: '198.51.100.4', created: '2025-04-01 18:30:12' },
  { name: 'dca', apiKeyShown: MASKED.okxKeyLong, secretShown: MASKED.bullets, permissions: 'Read, Trade', ips: 'Not linked', created: '2025-04-03 07:11:40' },
];

const GATE_KEYS: ListedKeyRow[] = [
  { name: '网格', apiKeyShown: MASKED.gateKey, secretShown: MASKED.six, permissions: '现货交易(读写)', ips: '192.0.2.44', created: '2025-03-19 16:45:01' },
];

/**
 * Modelled on Binance's API Management cards (www.binance.com/en/my/settings/api-management) with
 * the key partly hidden and "Secret Key" shown as bullets once the creation dialog is gone.
 */
function binanceMaskedCards(extra: string): string {
  return shell('Binance', 'en', 'API Management', `<button type="button">Create API</button><button type="button">Delete all API</button>
     <div class="${css('api-card')}"><div class="${css('api-card-head')}"><span>trading-bot</span><span><button type="button">Edit restrictions</button><button type="button">Delete</button></span></div>
       ${valueRow('API Key', MASKED.binanceKey, copyButton('Copy'))}${valueRow('Secret Key', MASKED.bullets, '')}
       <div>API restrictions: <label><input type="checkbox" checked disabled> Enable Reading</label> <label><input type="checkbox" checked disabled> Enable Spot &amp; Margin Trading</label></div>
       <div>IP access restrictions: Restrict access to trusted IPs only (Recommended) 203.0.113.50</div></div>
     ${extra}`,
  );
}

/**
 * Modelled on Bybit's API key list in Russian (www.bybit.com/ru-RU/app/user/api-management):
 * cards with "API-ключ" partly hidden and "Секретный ключ" as bullets.
 */
function bybitMaskedRu(): string {
  return shell('Bybit', 'ru', 'Управление API', `<button type="button">Создать новый ключ</button>
     <div class="${css('api-card')}">${valueRow('Название', 'grid-bot', '')}${valueRow('API-ключ', MASKED.bybitKey, copyButton('Копировать'))}
       ${valueRow('Секретный ключ', MASKED.bullets, '')}${valueRow('Права', 'Спот — торговля', '')}${valueRow('IP-адреса', '203.0.113.77', '')}</div>`,
  );
}

/**
 * Modelled on Kraken's API key list (www.kraken.com/u/security/api): key description, the public
 * key cut with an ellipsis, "Private key" hidden.
 */
function krakenMasked(): string {
  return shell('Kraken', 'en', 'API', `<button type="button">Create API key</button>
     <div class="${css('key-row')}">${valueRow('Key description', 'portfolio-sync', '')}${valueRow('API key', MASKED.krakenKey, copyButton('Copy'))}${valueRow('Private key', MASKED.stars, '')}${valueRow('Permissions', 'Query Funds, Query Open Orders &amp; Trades', '')}</div>`,
  );
}

export const pages: Page[] = [
  {
    ...page('HTX My API keys table: Access Key with … and ****, Secret Key column "******"', 'htx', 'en', 'https://www.htx.com/en-us/apikey/'),
    html: htxApiPage(HTX_KEYS),
    decoys: [MASKED.htxKey, MASKED.htxKey2, MASKED.six],
  },
  {
    ...page('OKX API cards: "677c****a2bd", a long key masked in the middle, Secret key "************" and "••••••••"', 'okx', 'en', 'https://www.okx.com/account/my-api'),
    html: okxApiPage(OKX_KEYS, ''),
    decoys: [MASKED.okxKey, MASKED.okxKeyLong, MASKED.stars, MASKED.bullets, '5b4cd3c000994193', 'b5a330ea76695937'],
  },
  {
    ...page('Gate API Key 管理 (zh): masked key, Secret column "******"', 'gate', 'zh-CN', 'https://www.gate.io/zh/myaccount/apikeys'),
    html: gateApiPageZh(GATE_KEYS),
    decoys: [MASKED.gateKey, MASKED.six],
  },
  {
    ...page('Binance API card: key masked with bullets keeping 20+7 characters, Secret Key "••••••••"', 'binance', 'en', 'https://www.binance.com/en/my/settings/api-management'),
    html: binanceMaskedCards(''),
    decoys: [MASKED.binanceKey, MASKED.bullets, 'KdKJkfytqpAlRjd9vpvS', 'KdKJkfytqpAlRjd9vpvSQuSXGm9'],
  },
  {
    ...page('Bybit Управление API: API-ключ "kKyT••••••••k5Jo", Секретный ключ "••••••••" (ru)', 'bybit', 'ru', 'https://www.bybit.com/ru-RU/app/user/api-management'),
    html: bybitMaskedRu(),
    decoys: [MASKED.bybitKey, MASKED.bullets],
  },
  {
    ...page('Kraken API: public key cut with "…", Private key "************"', 'kraken', 'en', 'https://www.kraken.com/u/security/api'),
    html: krakenMasked(),
    decoys: [MASKED.krakenKey, MASKED.stars],
  },
];

const BINANCE_NEW: NewKey = { apiKey: 'dD5jlraWaGAmi5cmvOeJ4qOGt3fDSY5OExFoFEZpYNBBwWzEumB9iEATyH7cEnCS', secret: 'edeK66iHI9rfkFQO5FSkXxOROXe7qUoqvWAJXwij1DswXZFVZ4EojBqFcF9Wm5Kf' };
const OKX_NEW: NewKey = { apiKey: 'd6e5d285-ff1d-4fc9-b9af-40462edd380c', secret: 'a1375267201a1a6a56f6b4a49a79b77f' };

export const nearMisses: NearMiss[] = [
  nearMiss(BINANCE_NEW, {
    ...page('Binance: the same masked card list, and a new key card showing API Key and Secret Key in full', 'binance', 'en', 'https://www.binance.com/en/my/settings/api-management'),
    html: binanceMaskedCards(''),
    late: {
      afterMs: 200,
      into: 'main',
      html: `<div class="${css('api-card')}"><div class="${css('api-card-head')}"><span>new-bot</span><span><button type="button">Edit restrictions</button><button type="button">Delete</button></span></div>
        ${valueRow('API Key', BINANCE_NEW.apiKey, copyButton('Copy'))}${valueRow('Secret Key', BINANCE_NEW.secret, copyButton('Copy'))}
        <div>Please copy and store your Secret Key. It will not be shown again.</div></div>`,
    },
    decoys: [MASKED.binanceKey, MASKED.bullets],
  }),
  nearMiss(OKX_NEW, {
    ...page('OKX: the same masked cards, and the creation dialog with API key and Secret key', 'okx', 'en', 'https://www.okx.com/account/my-api'),
    html: okxApiPage(OKX_KEYS, ''),
    late: {
      afterMs: 200,
      html: newKeyDialog(
        'API key created',
        [
          { label: 'API key', value: OKX_NEW.apiKey, copy: 'Copy' },
          { label: 'Secret key', value: OKX_NEW.secret, copy: 'Copy' },
        ],
        'Done',
      ),
    },
    decoys: [MASKED.okxKey, MASKED.okxKeyLong, MASKED.stars, MASKED.bullets],
  }),
];
