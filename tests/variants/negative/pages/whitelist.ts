/**
 * Withdrawal address whitelists / address books: saved addresses with labels, networks and memos.
 * The TRX address has the shape of a bitexbit key; all are long and high-entropy.
 */
import type { NearMiss, Page } from '../drive';
import { page, type Field, nearMiss, type NewKey } from './build';
import { copyButton, css, shell, valueRow } from './chrome';

export const SAVED = {
  btc: 'bc1qaqga28k3x7j5aegxu8xy7hjc47423je6mk05yp',
  eth: '0xbaf3a8c582ccd4063105453d32b1a47bb4ff1cda',
  trx: 'TDg2HAkVMHd9z4nesRBumiQg527JjCHmFY',
  xrp: 'rKEUUojm5PJVQjSzrdk7k2tBaUWvJVPg7c',
  xrpTag: '2290418876',
  kucoinMemo: 'UCULYgUPCjWinb0F',
} as const;

/**
 * Modelled on Binance Address Management (www.binance.com/en/my/security/address-management;
 * Binance FAQ "How to Use the Withdrawal Whitelist"): the "Whitelist" switch and a table of Coin,
 * Address Label, Network, Address, Memo/Tag, Whitelisted, Action.
 */
function binanceAddressBook(): string {
  const row = (coin: string, label: string, network: string, address: string, memo: string) =>
    `<tr><td>${coin}</td><td>${label}</td><td>${network}</td><td><span>${address}</span>${copyButton('Copy')}</td><td>${memo}</td><td>Yes</td><td><a href="#">Delete</a></td></tr>`;
  return shell('Binance', 'en', 'Address Management', `<div class="${css('switch-row')}"><span>Whitelist</span><button role="switch" aria-checked="true"></button><span>When this function is turned on, your account will only be able to withdraw to addresses on your whitelist.</span></div>
     <table class="${css('table')}"><thead><tr><th>Coin</th><th>Address Label</th><th>Network</th><th>Address</th><th>Memo/Tag</th><th>Whitelisted</th><th>Action</th></tr></thead>
     <tbody>${row('BTC', 'Ledger cold', 'BTC', SAVED.btc, '--')}${row('USDT', 'OTC desk', 'ETH', SAVED.eth, '--')}${row('XRP', 'Bitstamp', 'XRP', SAVED.xrp, SAVED.xrpTag)}</tbody></table>`,
  );
}

/**
 * Modelled on OKX's withdrawal address book (www.okx.com/balance/withdrawal-address): one card per
 * saved address with "Address name", "Address" (copy icon) and "Network", Verified badge, Delete.
 */
function okxAddressBook(cards: Field[][]): string {
  return shell('OKX', 'en', 'Withdrawal address book', `<button type="button">Add address</button>${cards
      .map((fields) => `<div class="${css('addr-card')}">${fields.map((f) => valueRow(f.label, f.value, f.label.endsWith('ress') || / key$/i.test(f.label) ? copyButton('Copy') : '')).join('')}<span>Verified</span><button type="button">Delete</button></div>`)
      .join('')}`,
  );
}

/**
 * Modelled on KuCoin 提币地址管理 (www.kucoin.com/zh-hans/assets/withdraw-address): a table of 币种,
 * 网络, 地址, 备注 (memo), 地址标签.
 */
function kucoinAddressesZh(): string {
  return shell('KuCoin', 'zh', '提币地址管理', `<table class="${css('table')}"><thead><tr><th>币种</th><th>网络</th><th>地址</th><th>Memo</th><th>地址标签</th><th>操作</th></tr></thead>
     <tbody><tr><td>USDT</td><td>TRC20</td><td>${SAVED.trx}</td><td>${SAVED.kucoinMemo}</td><td>冷钱包</td><td><a href="#">删除</a></td></tr></tbody></table>`,
  );
}

/**
 * Modelled on bitexbit's withdrawal address management (bitexbit.com/profile/addresses, Russian
 * UI; seed 001 mentions withdrawals limited to whitelisted addresses): "Адрес" rows in a list.
 */
function bitexbitAddressesRu(): string {
  return shell('bitexbit', 'ru', 'Адреса для вывода', `<p>Управление адресами включено: вывод возможен только на адреса из списка.</p>
     <ul class="${css('list')}"><li><span>USDT (TRC20)</span> · <span>Название: Холодный кошелёк</span> · <span>Адрес:</span> <span>${SAVED.trx}</span>${copyButton('Скопировать')}</li></ul>`,
  );
}

/**
 * Modelled on Kraken's withdrawal addresses (www.kraken.com/u/funding/withdraw?asset=BTC; Kraken
 * support "Adding a withdrawal address"): description and address, Confirmed.
 */
function krakenAddresses(): string {
  return shell('Kraken', 'en', 'Withdraw Bitcoin', `<div class="${css('addresses')}">${valueRow('Description', 'Hardware wallet', '')}${valueRow('Address', SAVED.btc, copyButton('Copy address'))}<span>Confirmed</span></div>`,
  );
}

export const pages: Page[] = [
  {
    ...page('Binance Address Management: whitelist on, table of BTC, ETH, XRP addresses and a tag', 'binance', 'en', 'https://www.binance.com/en/my/security/address-management'),
    html: binanceAddressBook(),
    decoys: [SAVED.btc, SAVED.eth, SAVED.xrp, SAVED.xrpTag],
  },
  {
    ...page('OKX Withdrawal address book: cards with Address name, Address, Network', 'okx', 'en', 'https://www.okx.com/balance/withdrawal-address'),
    html: okxAddressBook([
      [
        { label: 'Address name', value: 'Ledger' },
        { label: 'Address', value: SAVED.eth },
        { label: 'Network', value: 'ERC20' },
      ],
      [
        { label: 'Address name', value: 'Tron hot' },
        { label: 'Address', value: SAVED.trx },
        { label: 'Network', value: 'TRC20' },
      ],
    ]),
    decoys: [SAVED.eth, SAVED.trx],
  },
  {
    ...page('KuCoin 提币地址管理: 地址 and Memo in a table (zh)', 'kucoin', 'zh-CN', 'https://www.kucoin.com/zh-hans/assets/withdraw-address'),
    html: kucoinAddressesZh(),
    decoys: [SAVED.trx, SAVED.kucoinMemo],
  },
  {
    ...page('bitexbit Адреса для вывода: a TRX address with a bitexbit key shape (ru)', 'bitexbit', 'ru', 'https://bitexbit.com/profile/addresses'),
    html: bitexbitAddressesRu(),
    decoys: [SAVED.trx],
  },
  {
    ...page('Kraken withdrawal addresses: Description and Address', 'kraken', 'en', 'https://www.kraken.com/u/funding/withdraw?asset=BTC'),
    html: krakenAddresses(),
    decoys: [SAVED.btc],
  },
];

const OKX_NEW: NewKey = { apiKey: 'ecf197c8-10fb-4eac-bcfa-408781127b8b', secret: 'bb93b554276a0d34f4ebec4b447175f8' };

export const nearMisses: NearMiss[] = [
  nearMiss(OKX_NEW, {
    ...page('OKX: the address-book card layout shows a new API key and Secret key', 'okx', 'en', 'https://www.okx.com/account/my-api'),
    html: okxAddressBook([
      [
        { label: 'API key name', value: 'arb-bot' },
        { label: 'API key', value: OKX_NEW.apiKey },
        { label: 'Secret key', value: OKX_NEW.secret },
      ],
    ]),
  }),
];
