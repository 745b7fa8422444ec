/**
 * The API page with its key list (existing keys, no new secret) and the ids around it: UID,
 * sub-account id, Coinbase's "Project ID" and "Organization ID" (UUIDs, the shape of a Coinbase
 * API key id), "API key ID". Listing the existing keys is fine; capturing, offering or calling any
 * of these an unsaved secret is not, and no id may be reported as a key.
 */
import type { NearMiss, Page } from '../drive';
import { type ListedKeyRow, htxApiPage, newKeyDialog } from './api-pages';
import { page, nearMiss, type NewKey } from './build';
import { copyButton, css, shell, valueRow } from './chrome';

export const ID = {
  binanceUid: '358120477',
  binanceSubId: '7841829340',
  htxUid: '41276388',
  okxUid: '513874290381725696',
  xtSubId: '1784523901288',
  project: 'ecf197c8-10fb-4eac-bcfa-408781127b8b',
  org: '24a421b1-21f1-4fd6-b774-1fdaf56d024b',
  bybitUid: '118273645',
} as const;

export const LISTED = {
  binance: ['KdKJkfytqpAlRjd9vpvSqq4FBez6B4qQWtibpLEgJFgrOQFwwQfRX1COiQuSXGm9', 'WwhPzOO0v9WDVNFjSCxLWE8ZJoGIYgkKV9OrcPiAktEDIFcCCopKlw5GmrEFxFvN'],
  htx: ['etg0jcgp-90qjprkk-9xeuua19-2w1wl', 'j4nv9lgo-thub4u61-rrdjh83a-7b29l'],
  xt: ['de48c68c-b512-49e9-ac21-7e9520223132'],
  coinbase: ['1a14a849-8940-4253-b06e-d61d6bbd085a', '5b4cd3c0-0099-4193-b5a3-30ea76695937'],
  bybit: ['hz8Xa3CVefGot6uLDI', 'kKyTlTLiUlHlf6tZk5Jo'],
  okx: ['677ca168-b714-42a6-a06f-39fb4035a2bd'],
} as const;

/**
 * Modelled on Binance's API Management (www.binance.com/en/my/settings/api-management): the user's
 * UID in the account header, then one card per key with its label, "API Key" with a copy button,
 * the restriction checkboxes and IP access restrictions; the secret is not shown again.
 */
function binanceKeyCards(extra: string): string {
  const card = (label: string, key: string, withdraw: boolean) => `
    <div class="${css('api-card')}"><div class="${css('api-card-head')}"><span>${label}</span><span><button type="button">Edit restrictions</button><button type="button">Delete</button></span></div>
      ${valueRow('API Key', key, copyButton('Copy'))}
      <div>API restrictions: <label><input type="checkbox" checked disabled> Enable Reading</label> <label><input type="checkbox" checked disabled> Enable Spot &amp; Margin Trading</label> <label><input type="checkbox" ${withdraw ? 'checked' : ''} disabled> Enable Withdrawals</label></div>
      <div>IP access restrictions: Unrestricted (Less Secure)</div></div>`;
  const [first = '', second = ''] = LISTED.binance;
  return shell('Binance', 'en', 'API Management', `<div class="${css('account')}">${valueRow('UID', ID.binanceUid, copyButton('Copy'))}${valueRow('Sub-account ID', ID.binanceSubId, copyButton('Copy'))}</div>
     <button type="button">Create API</button>
     ${card('spot-grid', first, false)}${card('treasury', second, true)}${extra}`,
  );
}

/**
 * Modelled on XT's API management in Chinese (www.xt.com/zh-CN/accounts/api; seed 000: sub-accounts
 * have their own API page): 子账户 selector with 子账户ID, the UID, and a key card with 公钥.
 */
function xtKeyListZh(): string {
  const [key = ''] = LISTED.xt;
  return shell('XT', 'zh', 'API管理', `<div class="${css('account')}">${valueRow('UID', '20378411', '')}<div>子账户：<span>quant-01</span> · 子账户ID <span>${ID.xtSubId}</span></div></div>
     <button type="button">创建API</button>
     <div class="${css('api-card')}">${valueRow('备注', '网格机器人', '')}${valueRow('公钥', key, copyButton('复制'))}${valueRow('权限', '查询, 交易', '')}${valueRow('IP', '203.0.113.12', '')}</div>`,
  );
}

/**
 * Modelled on Coinbase Developer Platform's API keys page (portal.cdp.coinbase.com/projects/api-keys;
 * CDP docs "Secret API Keys"): the project header with "Project ID" and "Organization ID" (UUIDs)
 * and copy buttons, then a table of Name, API key ID, Created, Last used, Actions.
 */
function coinbaseKeys(extra: string): string {
  const rows = LISTED.coinbase
    .map((id, i) => `<tr><td>${i === 0 ? 'trading' : 'read-only'}</td><td><span>${id}</span>${copyButton('Copy API key ID')}</td><td>Apr ${i + 3}, 2025</td><td>—</td><td><button type="button">Delete</button></td></tr>`)
    .join('');
  return shell('Coinbase Developer Platform', 'en', 'Secret API Keys', `<div class="${css('project')}"><div class="${css('project-name')}">My First Project</div>
       ${valueRow('Project ID', ID.project, copyButton('Copy'))}${valueRow('Organization ID', ID.org, copyButton('Copy'))}</div>
     <button type="button">Create API key</button>
     <table class="${css('table')}"><thead><tr><th>Name</th><th>API key ID</th><th>Created</th><th>Last used</th><th>Actions</th></tr></thead><tbody>${rows}</tbody></table>${extra}`,
  );
}

/**
 * Modelled on Bybit's API management in Russian (www.bybit.com/ru-RU/app/user/api-management):
 * the UID in the header, cards with "API-ключ" (18-20 alphanumerics, Bybit's key shape).
 */
function bybitKeysRu(): string {
  return shell('Bybit', 'ru', 'Управление API', `<div>${valueRow('UID', ID.bybitUid, copyButton('Копировать'))}</div><button type="button">Создать новый ключ</button>
     ${LISTED.bybit.map((k, i) => `<div class="${css('api-card')}">${valueRow('Название', i === 0 ? 'grid' : 'copy-trade', '')}${valueRow('API-ключ', k, copyButton('Копировать'))}${valueRow('Права', 'Чтение', '')}</div>`).join('')}`,
  );
}

/**
 * Modelled on OKX's sub-account API page (www.okx.com/account/sub-account/api): the sub-account's
 * name and UID (an 18-digit number) above its key card.
 */
function okxSubAccount(): string {
  const [key = ''] = LISTED.okx;
  return shell('OKX', 'en', 'Sub-account API', `<div>${valueRow('Sub-account', 'quant-sub-1', '')}${valueRow('UID', ID.okxUid, copyButton('Copy'))}</div><button type="button">Create API key</button>
     <div class="${css('api-card')}">${valueRow('API key name', 'sub-bot', '')}${valueRow('API key', key, copyButton('Copy'))}${valueRow('Permissions', 'Read, Trade', '')}</div>`,
  );
}

const HTX_ROWS: ListedKeyRow[] = LISTED.htx.map((k, i) => ({
  name: i === 0 ? 'grid' : 'backup',
  apiKeyShown: k,
  permissions: i === 0 ? 'Read, Trade' : 'Read',
  ips: i === 0 ? '203.0.113.9' : '--',
  created: '2025-02-11 14:20',
}));

export const pages: Page[] = [
  {
    ...page('Binance API Management: two key cards (no secret), UID and Sub-account ID with copy', 'binance', 'en', 'https://www.binance.com/en/my/settings/api-management'),
    html: binanceKeyCards(''),
    decoys: [...LISTED.binance, ID.binanceUid, ID.binanceSubId],
    listedKeys: [...LISTED.binance],
  },
  {
    ...page('HTX My API keys table: two Access Keys, no secret', 'htx', 'en', 'https://www.htx.com/en-us/apikey/'),
    html: `${htxApiPage(HTX_ROWS)}<div>UID: ${ID.htxUid}</div>`,
    decoys: [...LISTED.htx, ID.htxUid],
    listedKeys: [...LISTED.htx],
  },
  {
    ...page('XT API管理: 公钥 card, UID and 子账户ID (zh)', 'xt', 'zh-CN', 'https://www.xt.com/zh-CN/accounts/api'),
    html: xtKeyListZh(),
    decoys: [...LISTED.xt, ID.xtSubId, '20378411'],
    listedKeys: [...LISTED.xt],
  },
  {
    ...page('Coinbase CDP Secret API Keys: Project ID and Organization ID UUIDs beside the API key ID table', 'coinbase', 'en', 'https://portal.cdp.coinbase.com/projects/api-keys'),
    html: coinbaseKeys(''),
    decoys: [...LISTED.coinbase, ID.project, ID.org],
    listedKeys: [...LISTED.coinbase],
  },
  {
    ...page('Bybit Управление API: UID and API-ключ cards (ru)', 'bybit', 'ru', 'https://www.bybit.com/ru-RU/app/user/api-management'),
    html: bybitKeysRu(),
    decoys: [...LISTED.bybit, ID.bybitUid],
    listedKeys: [...LISTED.bybit],
  },
  {
    ...page('OKX sub-account API: 18-digit sub-account UID above its key card', 'okx', 'en', 'https://www.okx.com/account/sub-account/api'),
    html: okxSubAccount(),
    decoys: [...LISTED.okx, ID.okxUid],
    listedKeys: [...LISTED.okx],
  },
];

const COINBASE_NEW: NewKey = { apiKey: 'dad0d2fa-3344-465b-a305-e0fcb499ef17', secret: 'FS7CYztlebTr6VR+dVBCS/jeapi+wI8uESZ50zH+64Hg7pJlE/TRwap31GWCGwcbU+aBM5O5DI1F7hXiFJE4Ut==' };
const BINANCE_NEW: NewKey = { apiKey: 'gw6QO38Keagqc1fDqiWgA2XjmKETqA4s2VEifz7R6ThrVQQq1xO8xz4WDBNQlTVc', secret: 'dD5jlraWaGAmi5cmvOeJ4qOGt3fDSY5OExFoFEZpYNBBwWzEumB9iEATyH7cEnCS' };

export const nearMisses: NearMiss[] = [
  nearMiss(COINBASE_NEW, {
    ...page('Coinbase CDP: the same page, and the "API key created" dialog with API key ID and API key secret', 'coinbase', 'en', 'https://portal.cdp.coinbase.com/projects/api-keys'),
    html: coinbaseKeys(''),
    late: {
      afterMs: 200,
      html: newKeyDialog(
        'API key created',
        [
          { label: 'API key ID', value: COINBASE_NEW.apiKey, copy: 'Copy' },
          { label: 'API key secret', value: COINBASE_NEW.secret, copy: 'Copy' },
        ],
        'I have saved my key',
      ),
    },
    decoys: [ID.project, ID.org],
  }),
  nearMiss(BINANCE_NEW, {
    ...page('Binance: the same card list gains a new card showing its Secret Key once', 'binance', 'en', 'https://www.binance.com/en/my/settings/api-management'),
    html: binanceKeyCards(''),
    late: {
      afterMs: 200,
      into: 'main',
      html: `<div class="${css('api-card')}"><div class="${css('api-card-head')}"><span>new-bot</span><span><button type="button">Edit restrictions</button><button type="button">Delete</button></span></div>
        ${valueRow('API Key', BINANCE_NEW.apiKey, copyButton('Copy'))}${valueRow('Secret Key', BINANCE_NEW.secret, copyButton('Copy'))}</div>`,
    },
    decoys: [ID.binanceUid, ID.binanceSubId],
    listedKeys: [...LISTED.binance],
  }),
];
