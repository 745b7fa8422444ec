import { COMMON_EXCHANGE_NAMES } from '../names';
import type { PlatformDefinition, PlatformVocabulary } from '../types';
import { words } from '../words';

// Any other site with a bind form (a platform Keyward has no module for, a bot's own dashboard).
// Keyward offers to fill there only once the user has allowed the site in the popup; the site is
// then filled under the same rules as a known platform. Fields are found by the generic
// vocabulary (English, Chinese, Russian), and a key and secret far apart are not one form.

/**
 * Up to two words before an English credential name: "Binance API Key", "Your Bybit API secret",
 * "Exchange API key". Forms often put the exchange's name first. A verb first makes it a title
 * or a button ("Add API key", "Create API key"), not a field's label.
 */
const LEAD = String.raw`(?:(?!(?:add|create|new|edit|update|delete|remove|manage|connect|link|bind|my|search|generate|rotate|copy|show|hide|view|import|export)\b)[a-z0-9.]+\s+){0,2}`;

export const GENERIC_BIND_VOCABULARY: PlatformVocabulary = {
  apiKey: words(
    [
      String.raw`${LEAD}api[\s_-]*key(?:\s*id)?`,
      String.raw`${LEAD}apikey`,
      String.raw`${LEAD}access[\s_-]*key`,
      String.raw`api\s*密钥`,
      String.raw`api\s*key\s*密钥`,
      String.raw`api[\s-]*ключ`,
      String.raw`ключ\s+api`,
    ].join('|'),
  ),
  secret: words(
    [
      String.raw`${LEAD}(?:api[\s_-]*)?secret(?:[\s_-]*key)?`,
      String.raw`${LEAD}secretkey`,
      String.raw`${LEAD}private[\s_-]*key`,
      String.raw`密钥`,
      String.raw`私钥`,
      String.raw`secret\s*key\s*密钥`,
      String.raw`секретный\s+(?:api[\s-]*)?ключ`,
      String.raw`секрет(?:\s+api)?`,
      String.raw`приватный\s+ключ`,
    ].join('|'),
  ),
  passphrase: words(
    [
      String.raw`${LEAD}(?:api[\s_-]*)?pass[\s_-]*phrase`,
      String.raw`${LEAD}api[\s_-]*password`,
      String.raw`口令`,
      String.raw`api\s*口令`,
      String.raw`密码短语`,
      String.raw`парольная\s+фраза`,
      String.raw`кодовая\s+фраза`,
    ].join('|'),
  ),
  exchange: words(
    [String.raw`exchange`, String.raw`(?:select|choose)\s+(?:an\s+|your\s+)?exchange`, String.raw`交易所`, String.raw`选择交易所`, String.raw`биржа`, String.raw`выберите\s+биржу`].join(
      '|',
    ),
  ),
};

/** A key and secret further apart than this are not one form. */
export const MAX_PAIR_DISTANCE = 12;

export const generic: PlatformDefinition = {
  id: 'generic',
  // i18n-exempt: content scripts bundle this definition; extension pages show platformLabel('generic') (src/shared/platform-label.ts), translated
  name: 'Other site',
  hosts: [],
  selfHosted: true,
  bindPages: [],
  vocabulary: GENERIC_BIND_VOCABULARY,
  exchangeNames: { ...COMMON_EXCHANGE_NAMES },
  publishedIps: null,
  maxPairDistance: MAX_PAIR_DISTANCE,
  fixtures: ['generic-bind/index.html', 'generic-bind/zh/index.html', 'generic-bind/ru/index.html'],
};
