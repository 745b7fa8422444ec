/**
 * Orders and history: order ids, client order ids, trade ids, transaction hashes (64 hex). A 64-hex
 * hash has the shape of a Binance API key and a Gate or Bitget secret; a KuCoin order id (24 hex)
 * has the shape of a KuCoin API key, and a KuCoin client order id (UUID) that of a KuCoin secret.
 */
import type { NearMiss, Page } from '../drive';
import { page, type Field, keyFields, nearMiss, type NewKey, valueRows } from './build';
import { copyButton, css, shell, valueRow } from './chrome';

export const IDS = {
  binanceOrderNo: '28457219384',
  binanceClientId: 'web_a6c7e976b354dc6e8bfed8285413894f',
  binanceTx: '198699db7c4ab8dd16ec03dc96dbbd54345fc25ad7e5f60b13678fa7b35d9e96',
  kucoinOrder: '02783491e6b6c3a554071e88',
  kucoinOrder2: '827e0ba10d24d309589a2b28',
  kucoinClientOid: '1a14a849-8940-4253-b06e-d61d6bbd085a',
  okxOrder: '662947281993871360',
  okxClOrd: 'DO6F3i1JajFiaVV6ClZuTwPEHR3zYxYK',
  okxTrade: '417293845',
  bybitOrder: '24a421b1-21f1-4fd6-b774-1fdaf56d024b',
  bybitTx: 'ca3c1f3a0fb9686425dc704c429d1662668fa402c82f2c955a62e2345e8b73a4',
  gateTx: '5290a93636492fdef1b8c0dbcd0df9f524a3afac010e889c94388f692183bafb',
  gateWithdrawId: 'w38217465',
} as const;

/**
 * Modelled on Binance's Spot Order History (www.binance.com/en/my/orders/exchange/tradeorder) and
 * Deposit History (Transaction History > Deposit): tables with Order No., Client Order ID and
 * TxID columns, the TxID cut short with a copy icon holding the full hash in a title.
 */
function binanceHistory(): string {
  return shell('Binance', 'en', 'Order History', `<table class="${css('table')}"><thead><tr><th>Date</th><th>Order No.</th><th>Client Order ID</th><th>Pair</th><th>Type</th><th>Side</th><th>Price</th><th>Amount</th><th>Status</th></tr></thead>
      <tbody><tr><td>2025-05-01 12:03:44</td><td>${IDS.binanceOrderNo}</td><td>${IDS.binanceClientId}</td><td>BTC/USDT</td><td>Limit</td><td>Buy</td><td>94,210.00</td><td>0.01200</td><td>Filled</td></tr></tbody></table>
     <h2>Deposit History</h2>
     <table class="${css('table')}"><thead><tr><th>Time</th><th>Coin</th><th>Network</th><th>Amount</th><th>TxID</th><th>Status</th></tr></thead>
      <tbody><tr><td>2025-04-29 08:11:02</td><td>USDT</td><td>ETH</td><td>1,500</td><td><span title="${IDS.binanceTx}">${IDS.binanceTx}</span>${copyButton('Copy TxID')}</td><td>Completed</td></tr></tbody></table>`,
  );
}

/**
 * Modelled on KuCoin's 订单历史 (www.kucoin.com/zh-hans/order/trade/history): a table with 订单ID
 * (24 hex, KuCoin's order id format) and 客户端订单ID (clientOid, a UUID).
 */
function kucoinHistoryZh(): string {
  const row = (order: string, side: string) =>
    `<tr><td>2025-05-02 09:12:30</td><td>ETH/USDT</td><td>${side}</td><td>3,120.55</td><td>0.5</td><td><span>${order}</span>${copyButton('复制')}</td><td>${IDS.kucoinClientOid}</td></tr>`;
  return shell('KuCoin', 'zh', '订单历史', `<table class="${css('table')}"><thead><tr><th>时间</th><th>交易对</th><th>方向</th><th>价格</th><th>数量</th><th>订单ID</th><th>客户端订单ID</th></tr></thead>
      <tbody>${row(IDS.kucoinOrder, '买入')}${row(IDS.kucoinOrder2, '卖出')}</tbody></table>`,
  );
}

/**
 * Modelled on OKX's order details drawer (www.okx.com/trade-spot, Order history > Details): a
 * role=dialog rendered a moment after the click, with Order ID, Client order ID and Trade ID, each
 * with a copy icon.
 */
function okxDetails(fields: Field[]): string {
  return `<div role="dialog" aria-modal="true" class="${css('drawer')}"><div class="${css('drawer-title')}">Order details</div>
    ${valueRow('Instrument', 'BTC/USDT', '')}${valueRow('Side', 'Buy', '')}
    ${valueRows(fields)}
    ${valueRow('Filled', '0.0150 BTC', '')}<button type="button">Close</button></div>`;
}

const OKX_ORDERS = shell('OKX', 'en', 'Order history', `<table class="${css('table')}"><thead><tr><th>Time</th><th>Instrument</th><th>Side</th><th>Price</th><th>Filled</th><th></th></tr></thead>
   <tbody><tr><td>05/02/2025, 10:22:15</td><td>BTC/USDT</td><td>Buy</td><td>94,001.2</td><td>0.0150</td><td><button type="button">Details</button></td></tr></tbody></table>`,
);

/**
 * Modelled on Bybit's order history in Russian (www.bybit.com/ru-RU/user/assets/order/spot): cards
 * with "ID ордера" (a UUID) and, for the withdrawal record, "Хэш транзакции" with a copy icon.
 */
function bybitHistoryRu(): string {
  return shell('Bybit', 'ru', 'История ордеров', `<div class="${css('card')}">${valueRow('Пара', 'BTC/USDT', '')}${valueRow('ID ордера', IDS.bybitOrder, copyButton('Копировать'))}${valueRow('Статус', 'Исполнен', '')}</div>
     <div class="${css('card')}">${valueRow('Вывод', '250 USDT', '')}${valueRow('Хэш транзакции', IDS.bybitTx, copyButton('Копировать'))}</div>`,
  );
}

/**
 * Modelled on Gate's withdrawal record detail (www.gate.io/myaccount/withdraw_history): a dialog
 * with Withdrawal ID, Address and TXID (64 hex, a Gate secret's shape).
 */
function gateWithdrawal(): string {
  return shell('Gate', 'en', 'Withdrawal Records', `<div role="dialog" aria-modal="true" class="${css('modal')}"><div>Withdrawal details</div>
      ${valueRow('Withdrawal ID', IDS.gateWithdrawId, '')}
      ${valueRow('Address', '0xbaf3a8c582ccd4063105453d32b1a47bb4ff1cda', copyButton('Copy'))}
      ${valueRow('TXID', IDS.gateTx, copyButton('Copy'))}${valueRow('Status', 'Completed', '')}</div>`,
  );
}

export const pages: Page[] = [
  {
    ...page('Binance Order History and Deposit History: Order No., Client Order ID, TxID (64 hex)', 'binance', 'en', 'https://www.binance.com/en/my/orders/exchange/tradeorder'),
    html: binanceHistory(),
    decoys: [IDS.binanceOrderNo, IDS.binanceClientId, IDS.binanceTx],
  },
  {
    ...page('KuCoin 订单历史: 订单ID (24 hex) and 客户端订单ID (UUID) (zh)', 'kucoin', 'zh-CN', 'https://www.kucoin.com/zh-hans/order/trade/history'),
    html: kucoinHistoryZh(),
    decoys: [IDS.kucoinOrder, IDS.kucoinOrder2, IDS.kucoinClientOid],
  },
  {
    ...page('OKX order details drawer (late role=dialog): Order ID, Client order ID, Trade ID', 'okx', 'en', 'https://www.okx.com/trade-spot/btc-usdt'),
    html: OKX_ORDERS,
    late: {
      afterMs: 200,
      html: okxDetails([
        { label: 'Order ID', value: IDS.okxOrder },
        { label: 'Client order ID', value: IDS.okxClOrd },
        { label: 'Trade ID', value: IDS.okxTrade },
      ]),
    },
    decoys: [IDS.okxOrder, IDS.okxClOrd, IDS.okxTrade],
  },
  {
    ...page('Bybit История ордеров: ID ордера, Хэш транзакции (ru)', 'bybit', 'ru', 'https://www.bybit.com/ru-RU/user/assets/order/spot'),
    html: bybitHistoryRu(),
    decoys: [IDS.bybitOrder, IDS.bybitTx],
  },
  {
    ...page('Gate withdrawal details dialog: TXID (64 hex) and address', 'gate', 'en', 'https://www.gate.io/myaccount/withdraw_history'),
    html: gateWithdrawal(),
    decoys: [IDS.gateTx, IDS.gateWithdrawId, '0xbaf3a8c582ccd4063105453d32b1a47bb4ff1cda'],
  },
];

const OKX_NEW: NewKey = { apiKey: '5b4cd3c0-0099-4193-b5a3-30ea76695937', secret: 'a6c7e976b354dc6e8bfed8285413894f' };

export const nearMisses: NearMiss[] = [
  nearMiss(OKX_NEW, {
    ...page('OKX: the same late drawer shows a new API key and Secret key', 'okx', 'en', 'https://www.okx.com/account/my-api'),
    html: OKX_ORDERS,
    late: {
      afterMs: 200,
      html: okxDetails(keyFields(OKX_NEW, ['API key', 'Secret key'])),
    },
  }),
];
