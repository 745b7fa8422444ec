/**
 * Referral / invite pages: a referral code and a referral link, each with a copy button. One code
 * (Bitget) is 16 alphanumerics, credential-shaped; the links carry the code.
 */
import type { NearMiss, Page } from '../drive';
import { page, type Field, keyFields, nearMiss, type NewKey, valueRows } from './build';
import { copyButton, css, inputRow, shell, valueRow } from './chrome';

export const REFERRAL = {
  binanceId: 'CPA_00JH8KQ2VN',
  binanceLink: 'https://www.binance.com/activity/referral-entry/CPA?ref=CPA_00JH8KQ2VN',
  okxCode: '58213907',
  okxLink: 'https://www.okx.com/join/58213907',
  bybitCode: 'KQ3R9X2L7M',
  bybitLink: 'https://www.bybit.com/invite?ref=KQ3R9X2L7M',
  bitgetCode: 'hz8Xa3CVefGot6uL',
  bitgetLink: 'https://partner.bitget.com/bg/hz8Xa3CVefGot6uL',
} as const;

/**
 * Modelled on Binance Referral (www.binance.com/en/activity/referral; Binance FAQ "Binance
 * Referral Program"): "Referral ID" and "Referral Link" rows with copy icons, the commission split,
 * and Invite Friends.
 */
function binanceReferral(): string {
  return shell('Binance', 'en', 'Referral', `<div class="${css('card')}">${valueRow('Referral ID', REFERRAL.binanceId, copyButton('Copy'))}
      ${valueRow('Referral Link', REFERRAL.binanceLink, copyButton('Copy'))}
      ${valueRow('You receive', '20%', '')}${valueRow('Friends receive', '0%', '')}
      <button type="button">Invite Friends</button></div>`,
  );
}

/**
 * Modelled on OKX 邀请好友 (www.okx.com/zh-hans/referral): 邀请码 and 邀请链接 in readonly inputs
 * with 复制 buttons.
 */
function okxReferralZh(): string {
  return shell('OKX', 'zh', '邀请好友', `<div class="${css('invite')}">${inputRow('邀请码', REFERRAL.okxCode, copyButton('复制', 'text'))}
      ${inputRow('邀请链接', REFERRAL.okxLink, copyButton('复制', 'text'))}<p>好友注册并交易后，您可获得返佣。</p></div>`,
  );
}

/**
 * Modelled on Bybit's referral page in Russian (www.bybit.com/ru-RU/invite): "Реферальный код" and
 * "Реферальная ссылка" with copy icons.
 */
function bybitReferralRu(): string {
  return shell('Bybit', 'ru', 'Реферальная программа', `<div class="${css('invite')}">${valueRow('Реферальный код', REFERRAL.bybitCode, copyButton('Копировать'))}
      ${valueRow('Реферальная ссылка', REFERRAL.bybitLink, copyButton('Копировать'))}</div>`,
  );
}

/**
 * Modelled on Bitget's referral centre (www.bitget.com/referral): a card with "Referral code" and
 * "Referral link", a "Copy" text button each; `fields` is what the card shows.
 */
function bitgetReferral(fields: Field[]): string {
  return shell('Bitget', 'en', 'Referral', `<div class="${css('ref-card')}"><div class="${css('ref-title')}">Invite friends, earn up to 50% commission</div>
      ${valueRows(fields, copyButton('Copy', 'text'))}
      <button type="button">Share poster</button></div>`,
  );
}

export const pages: Page[] = [
  {
    ...page('Binance Referral: Referral ID and Referral Link with copy icons', 'binance', 'en', 'https://www.binance.com/en/activity/referral'),
    html: binanceReferral(),
    decoys: [REFERRAL.binanceId, REFERRAL.binanceLink],
  },
  {
    ...page('OKX 邀请好友: 邀请码 and 邀请链接 in readonly inputs (zh)', 'okx', 'zh-CN', 'https://www.okx.com/zh-hans/referral'),
    html: okxReferralZh(),
    decoys: [REFERRAL.okxCode, REFERRAL.okxLink],
  },
  {
    ...page('Bybit Реферальная программа: код и ссылка (ru)', 'bybit', 'ru', 'https://www.bybit.com/ru-RU/invite'),
    html: bybitReferralRu(),
    decoys: [REFERRAL.bybitCode, REFERRAL.bybitLink],
  },
  {
    ...page('Bitget Referral: a 16-character referral code and link, "Copy" buttons', 'bitget', 'en', 'https://www.bitget.com/referral'),
    html: bitgetReferral([
      { label: 'Referral code', value: REFERRAL.bitgetCode },
      { label: 'Referral link', value: REFERRAL.bitgetLink },
    ]),
    decoys: [REFERRAL.bitgetCode, REFERRAL.bitgetLink],
  },
];

const BITGET_NEW: NewKey = { apiKey: 'bg_a1375267201a1a6a56f6b4a49a79b77f', secret: '97755074e1f8a5d04a1c998849e78a118167f7d5cd4a3db4355efcd3968d194a' };

export const nearMisses: NearMiss[] = [
  nearMiss(BITGET_NEW, {
    ...page('Bitget: the referral card layout shows a new API Key and Secret Key', 'bitget', 'en', 'https://www.bitget.com/account/newapi'),
    html: bitgetReferral(keyFields(BITGET_NEW, ['API Key', 'Secret Key'])),
  }),
];
