/**
 * A bind form on a site no platform module describes: fields labelled (or, last, named) API key,
 * secret and passphrase, in English, Chinese and Russian. Detection only: Keyward offers a fill
 * there only once the user adds the host (see DESIGN.md, autofill rules). A login form
 * (username / password) or a search box is never a bind form: both words are anchored, and
 * "Password" alone is not a passphrase.
 */
import { words } from '../words';
import type { PlatformVocabulary } from '../types';
import { type BindForm, readBindForm } from './bind-form';

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

/** The generic bind form on the page, or null. The exchange comes from the page's selector if any. */
export function detectGenericBindForm(root: Document | Element): BindForm | null {
  return readBindForm(root, GENERIC_BIND_VOCABULARY, undefined, { maxPairDistance: MAX_PAIR_DISTANCE });
}
