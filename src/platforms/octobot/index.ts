import { exchangeNamesOf } from '../names';
import type { PlatformDefinition } from '../types';
import { words } from '../words';

// OctoBot (open source, self-hosted web interface). Verified from the project's template
// (OctoBot-Tentacles, web_interface/templates/components/config/exchange_card.html): each
// configured exchange is a card (div[data-role=exchange]) with the exchange name as its heading
// and a .card-body[name=<ccxt id>]; the credentials are x-editable anchors, not inputs:
//   API Key : <a id="exchange_api-key" class="editable editable-click" data-type="text">*********</a>
//   API Secret : <a id="exchange_api-secret" ...>   <i>API Password</i> : <a id="exchange_api-password" ...>
// A click replaces the anchor with an inline form holding a text input; "API Password" is shown
// for every exchange ("required by some exchanges, leave as is otherwise"). Exchange names are
// ccxt ids ("binance", "okx", "kucoinfutures", "gateio", "htx"). Filling: see
// readers/bind-form.ts readEditableBindForms() and openEditable().
// Inferred: the routes (/accounts; /config in older versions).

export const octobot: PlatformDefinition = {
  id: 'octobot',
  name: 'OctoBot',
  hosts: [],
  selfHosted: true,
  bindPages: [/^\/(?:accounts|config)\/?(?:[?#]|$)/i],
  vocabulary: {
    apiKey: words(String.raw`api\s*key`),
    secret: words(String.raw`api\s*secret`),
    passphrase: words(String.raw`api\s*password`),
    exchange: words(String.raw`exchanges?|add\s+(?:an\s+)?exchange`),
  },
  exchangeNames: exchangeNamesOf(['binance', 'okx', 'kucoin', 'bybit', 'bitget', 'mexc', 'htx', 'huobi', 'kraken', 'coinbase', 'xt', 'gate.io'], {
    kucoinfutures: 'kucoin',
    binancecoinm: 'binance',
    binanceusdm: 'binance',
    gateio: 'gate',
    okex: 'okx',
  }),
  publishedIps: null,
  fixtures: ['octobot.local/accounts/index.html'],
};
