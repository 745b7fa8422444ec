import { exchangeNamesOf } from '../names';
import type { PlatformDefinition } from '../types';
import { words } from '../words';

// Hummingbot Dashboard (open source, self-hosted, Streamlit). Verified from hummingbot/dashboard
// (frontend/pages/orchestration/credentials/app.py): "Add Credentials" with st.selectbox("Select
// Account") and st.selectbox("Select Connector"), then one st.text_input(config, type="password")
// per entry of the connector's config map, labelled with the config key itself, and a
// "Submit Credentials" button. Inferred: the config keys per connector (from Hummingbot's
// connector config maps: binance_api_key / binance_api_secret, okx_api_key / okx_secret_key /
// okx_passphrase, kucoin_… , gate_io_… , coinbase_advanced_trade_…), the page route
// (/credentials), and that perpetual connectors share the spot account's keys.

export const hummingbot: PlatformDefinition = {
  id: 'hummingbot',
  name: 'Hummingbot',
  hosts: [],
  selfHosted: true,
  bindPages: [/^\/credentials\/?(?:[?#]|$)/i],
  vocabulary: {
    apiKey: words(String.raw`[a-z0-9_]+_api_key`),
    secret: words(String.raw`[a-z0-9_]+_(?:api_secret|secret_key|api_secret_key)`),
    passphrase: words(String.raw`[a-z0-9_]+_(?:passphrase|api_passphrase)`),
    exchange: words(String.raw`select\s+connector`),
  },
  exchangeNames: exchangeNamesOf(['binance', 'okx', 'kucoin', 'bybit', 'bitget', 'mexc', 'htx', 'huobi', 'kraken'], {
    binance_perpetual: 'binance',
    okx_perpetual: 'okx',
    kucoin_perpetual: 'kucoin',
    bybit_perpetual: 'bybit',
    bitget_perpetual: 'bitget',
    gate_io: 'gate',
    gate_io_perpetual: 'gate',
    htx_perpetual: 'htx',
    coinbase_advanced_trade: 'coinbase',
  }),
  publishedIps: null,
  fixtures: ['hummingbot.local/credentials/index.html'],
};
