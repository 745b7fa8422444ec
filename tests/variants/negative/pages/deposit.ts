/**
 * Deposit pages: a deposit address (BTC bech32, ETH 0x…, TRX T…, XRP r…) and a memo / tag /
 * destination tag, each with a copy button ("Copy address"), beside a QR code. Addresses are long,
 * high-entropy and alphanumeric: credential-shaped. The TRX address has the shape of a bitexbit
 * key; nothing here is an API key or secret.
 */
import type { NearMiss, Page } from '../drive';
import { page, type Field, keyFields, nearMiss, type NewKey, valueRows } from './build';
import { copyButton, css, inputRow, qrCode, shell, valueRow } from './chrome';

export const ADDRESS = {
  btc: 'bc1q8nqk64ty6030mdejj7g2fd05rmqr9rumsl5xkl',
  eth: '0xc44ee976113b2acbf762d3fa649788fc840949a3',
  ethMixed: '0x7fEaeB8f84b019e4336B8B608bD568aDE3aDd0eA',
  trx: 'Tk5VrLTMi88T1hhcxX1K9hZKXzn77NWYQ6',
  trx2: 'TJDM54w29uZ1RsKK7sA1GENcvAHvFRKRS8',
  xrp: 'rKEUUojm5PJVQjSzrdk7k2tBaUWvJVPg7c',
} as const;
export const MEMO = { xrpTag: '1048573216', kucoin: 'OYmPuZl4FH9cCf9q', bybitTon: 'UCULYgUPCjWinb0F' } as const;

/**
 * Modelled on Binance's "Deposit Crypto" (www.binance.com/en/my/wallet/account/main/deposit/crypto/BTC;
 * Binance FAQ "How to Deposit Crypto to Binance"): Select coin, Select network, then "Deposit
 * Address" with the address, a copy icon and a QR code, and the minimum deposit and arrival notes.
 */
function binanceDeposit(fields: Field[]): string {
  return shell('Binance', 'en', 'Deposit Crypto', `<div class="${css('steps')}">
      <div class="${css('step')}"><span>Select Coin</span><div role="combobox" aria-expanded="false">BTC Bitcoin</div></div>
      <div class="${css('step')}"><span>Select Network</span><div role="combobox" aria-expanded="false">BTC Bitcoin (SegWit)</div></div>
      <div class="${css('step')}"><span>Deposit Address</span>
        <div class="${css('address-box')}">${qrCode('Deposit address QR code')}
          ${valueRows(fields)}</div>
        ${valueRow('Minimum deposit', '0.000006 BTC', '')}
        ${valueRow('Expected arrival', '1 network confirmation', '')}
        ${valueRow('Selected wallet', 'Spot Wallet', '')}</div></div>`,
  );
}

/**
 * Modelled on OKX's "Deposit" page for USDT on TRC20 (www.okx.com/balance/recharge/usdt; OKX help
 * "How do I deposit crypto"): "Deposit address" with a "Copy address" text button, and a second
 * network's address, ERC20, below it.
 */
function okxDeposit(): string {
  return shell('OKX', 'en', 'Deposit USDT', `<div class="${css('deposit')}"><div>Network <b>USDT-TRC20</b></div>
      <div class="${css('addr')}"><div>Deposit address</div><div><span>${ADDRESS.trx}</span></div>${copyButton('Copy address', 'text')}</div>${qrCode('QR code')}
      <div>Network <b>USDT-ERC20</b></div>
      <div class="${css('addr')}"><div>Deposit address</div><div><span>${ADDRESS.ethMixed}</span></div>${copyButton('Copy address', 'text')}</div>
      <p>Deposit account: Funding account. Minimum deposit 0.00000001 USDT.</p></div>`,
  );
}

/**
 * Modelled on Gate's XRP deposit (www.gate.io/myaccount/deposit/XRP; Gate help "XRP deposits need
 * a tag"): address and Tag, both with copy icons, and the warning that both are required.
 */
function gateXrpDeposit(): string {
  return shell('Gate', 'en', 'Deposit XRP', `<div class="${css('warn')}">Both an address and a Tag are required to deposit XRP. Deposits without the Tag cannot be credited.</div>
     ${qrCode('Address QR')}${valueRow('Address', ADDRESS.xrp, copyButton('Copy'))}
     ${qrCode('Tag QR')}${valueRow('Tag', MEMO.xrpTag, copyButton('Copy'))}`,
  );
}

/**
 * Modelled on Bybit's deposit page in Russian (www.bybit.com/ru-RU/user/assets/deposit; Bybit help
 * "Как внести криптовалюту"): "Адрес депозита" in a readonly input with "Копировать адрес", and for
 * TON a "Мемо/Тег" that must be entered too.
 */
function bybitDepositRu(): string {
  return shell('Bybit', 'ru', 'Депозит', `<div class="${css('deposit')}"><div>Монета: ETH · Сеть: Ethereum (ERC20)</div>${qrCode('QR-код')}
      ${inputRow('Адрес депозита', ADDRESS.eth, copyButton('Копировать адрес', 'text'))}
      <div>Монета: TON · Сеть: TON</div>
      ${inputRow('Адрес депозита', ADDRESS.trx2, copyButton('Копировать адрес', 'text'))}
      ${inputRow('Мемо/Тег', MEMO.bybitTon, copyButton('Копировать', 'text'))}
      <p>Внимание: депозит без мемо/тега не будет зачислен.</p></div>`,
  );
}

/**
 * Modelled on KuCoin's deposit page in Chinese (www.kucoin.com/zh-hans/assets/coin/USDT): 充值地址
 * and 备注 (Memo) as definition-list entries with 复制 (copy) buttons.
 */
function kucoinDepositZh(): string {
  return shell('KuCoin', 'zh', '充值', `<div class="${css('deposit')}"><div>币种 USDT · 网络 TRC20</div>${qrCode('二维码')}
      <dl><dt>充值地址</dt><dd><span>${ADDRESS.trx}</span>${copyButton('复制', 'text')}</dd>
      <dt>备注 (Memo)</dt><dd><span>${MEMO.kucoin}</span>${copyButton('复制', 'text')}</dd></dl>
      <p>请务必同时填写地址和备注，否则资产将无法到账。</p></div>`,
  );
}

export const pages: Page[] = [
  {
    ...page('Binance Deposit Crypto: BTC bech32 "Address" with copy, QR', 'binance', 'en', 'https://www.binance.com/en/my/wallet/account/main/deposit/crypto/BTC'),
    html: binanceDeposit([{ label: 'Address', value: ADDRESS.btc }]),
    decoys: [ADDRESS.btc],
  },
  {
    ...page('OKX Deposit USDT: TRC20 and ERC20 "Deposit address" with "Copy address"', 'okx', 'en', 'https://www.okx.com/balance/recharge/usdt'),
    html: okxDeposit(),
    decoys: [ADDRESS.trx, ADDRESS.ethMixed],
  },
  {
    ...page('Gate Deposit XRP: Address and Tag', 'gate', 'en', 'https://www.gate.io/myaccount/deposit/XRP'),
    html: gateXrpDeposit(),
    decoys: [ADDRESS.xrp, MEMO.xrpTag],
  },
  {
    ...page('Bybit Депозит: ETH and TON addresses, Мемо/Тег, readonly inputs (ru)', 'bybit', 'ru', 'https://www.bybit.com/ru-RU/user/assets/deposit'),
    html: bybitDepositRu(),
    decoys: [ADDRESS.eth, ADDRESS.trx2, MEMO.bybitTon],
  },
  {
    ...page('KuCoin 充值: 充值地址 and 备注 (Memo) in a dl (zh)', 'kucoin', 'zh-CN', 'https://www.kucoin.com/zh-hans/assets/coin/USDT'),
    html: kucoinDepositZh(),
    decoys: [ADDRESS.trx, MEMO.kucoin],
  },
  {
    ...page('bitexbit deposit: a TRX address with the shape of a bitexbit key', 'bitexbit', 'ru', 'https://bitexbit.com/profile/deposit/USDT'),
    // Modelled on bitexbit's deposit page (bitexbit.com, Russian UI): "Адрес для пополнения".
    html: shell('bitexbit', 'ru', 'Пополнение USDT (TRC20)', `${qrCode('QR-код')}${valueRow('Адрес для пополнения', ADDRESS.trx2, copyButton('Скопировать адрес', 'text'))}
       <p>Отправляйте на этот адрес только USDT в сети TRON.</p>`,
    ),
    decoys: [ADDRESS.trx2],
  },
];

const BINANCE_NEW: NewKey = { apiKey: 'KdKJkfytqpAlRjd9vpvSqq4FBez6B4qQWtibpLEgJFgrOQFwwQfRX1COiQuSXGm9', secret: 'edeK66iHI9rfkFQO5FSkXxOROXe7qUoqvWAJXwij1DswXZFVZ4EojBqFcF9Wm5Kf' };

export const nearMisses: NearMiss[] = [
  nearMiss(BINANCE_NEW, {
    ...page('Binance: the deposit-address layout shows a new API Key and Secret Key', 'binance', 'en', 'https://www.binance.com/en/my/settings/api-management'),
    html: binanceDeposit(keyFields(BINANCE_NEW, ['API Key', 'Secret Key'])),
  }),
];
