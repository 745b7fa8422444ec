import { describe, expect, it } from 'vitest';
import type { ExchangeId } from '../../../src/core/records';
import { isExchangeId } from '../../../src/exchanges/registry';
import { fixtureFileOf } from '../../e2e/harness/fixture-files';
import { altrady } from '../../../src/platforms/altrady';
import { bitsgap } from '../../../src/platforms/bitsgap';
import { coinrule } from '../../../src/platforms/coinrule';
import { cryptohopper } from '../../../src/platforms/cryptohopper';
import { hummingbot } from '../../../src/platforms/hummingbot';
import { COMMON_EXCHANGE_NAMES, exchangeNamesOf, nameKey } from '../../../src/platforms/names';
import { octobot } from '../../../src/platforms/octobot';
import { PLATFORMS, isBindPage, isDocumentationAddress, mapExchangeName, platformByHost, platformById, publishedIpsFor } from '../../../src/platforms/registry';
import { threecommas } from '../../../src/platforms/threecommas';
import { wundertrading } from '../../../src/platforms/wundertrading';

describe('platform registry', () => {
  it('lists every platform module once', () => {
    expect(PLATFORMS.map((p) => p.id)).toEqual([
      'threecommas',
      'bitsgap',
      'cryptohopper',
      'wundertrading',
      'coinrule',
      'altrady',
      'octobot',
      'hummingbot',
    ]);
    expect(PLATFORMS).toEqual([threecommas, bitsgap, cryptohopper, wundertrading, coinrule, altrady, octobot, hummingbot]);
    expect(platformById('coinrule')).toBe(coinrule);
    expect(platformById('nope')).toBeNull();
  });

  it.each(PLATFORMS.map((p) => [p.id, p] as const))('%s: hosts, fixtures, names and IPs are well formed', (_id, platform) => {
    expect(platform.selfHosted).toBe(platform.hosts.length === 0);
    for (const host of platform.hosts) expect(host).toBe(host.toLowerCase().trim());
    expect(platform.fixtures.length).toBeGreaterThan(0);
    for (const fixture of platform.fixtures) expect(() => fixtureFileOf(fixture), fixture).not.toThrow();
    for (const [name, id] of Object.entries(platform.exchangeNames)) {
      expect(name).toBe(name.toLowerCase());
      expect(isExchangeId(id), `${name} -> ${id}`).toBe(true);
    }
    // Never invent real-looking addresses: every IP here is a documentation placeholder until
    // replaced with the platform's published list.
    const ips = [...(platform.publishedIps?.all ?? []), ...Object.values(platform.publishedIps?.byExchange ?? {}).flat()];
    for (const ip of ips) expect(isDocumentationAddress(ip), ip).toBe(true);
    for (const pattern of Object.values(platform.vocabulary)) {
      if (pattern) expect(pattern.source.startsWith('^') && pattern.source.endsWith('$'), pattern.source).toBe(true);
    }
  });

  it('never gives one host to two platforms', () => {
    const hosts = PLATFORMS.flatMap((p) => p.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
  });
});

describe('platformByHost', () => {
  it('matches exact hosts only', () => {
    expect(platformByHost('app.3commas.io')).toBe(threecommas);
    expect(platformByHost('APP.3Commas.IO.')).toBe(threecommas);
    expect(platformByHost('app.bitsgap.com')).toBe(bitsgap);
    expect(platformByHost('www.cryptohopper.com')).toBe(cryptohopper);
    expect(platformByHost('web.coinrule.com')).toBe(coinrule);
    expect(platformByHost('app.altrady.com')).toBe(altrady);
    for (const host of ['3commas.io', 'app.3commas.io.evil.example', 'app-3commas.io', 'evil.app.3commas.io', 'cryptohopper.com', '', 'localhost']) {
      expect(platformByHost(host), host).toBeNull();
    }
  });

  it('maps user hosts to self-hosted platforms only, never over a listed host', () => {
    const user = { 'bot.home.lan': 'octobot', 'hb.example.net': 'hummingbot', 'phish.example': 'threecommas', 'app.bitsgap.com': 'octobot' };
    expect(platformByHost('bot.home.lan', user)).toBe(octobot);
    expect(platformByHost('HB.example.net', user)).toBe(hummingbot);
    expect(platformByHost('phish.example', user)).toBeNull();
    expect(platformByHost('app.bitsgap.com', user)).toBe(bitsgap);
    expect(platformByHost('other.lan', user)).toBeNull();
  });
});

describe('isBindPage and publishedIpsFor', () => {
  it('tests routes against path + hash', () => {
    expect(isBindPage(threecommas, '/accounts/new')).toBe(true);
    expect(isBindPage(threecommas, '/accounts/new#step-2')).toBe(true);
    expect(isBindPage(threecommas, '/bots')).toBe(false);
    expect(isBindPage({ ...threecommas, bindPages: [] }, '/anything')).toBe(true);
  });

  it('merges the lists for all exchanges and for one, or says none', () => {
    // The modules' lists are documentation placeholders: never presented as real addresses.
    expect(publishedIpsFor(threecommas, 'okx')).toBeNull();
    expect(publishedIpsFor(bitsgap, 'bitexbit')).toBeNull();
    expect(publishedIpsFor(cryptohopper, 'okx')).toBeNull();
    expect(publishedIpsFor({ ...bitsgap, publishedIps: { all: ['52.1.2.3'], byExchange: { okx: ['52.1.2.3', '52.1.2.4', '198.51.100.2'] } } }, 'okx')).toEqual([
      '52.1.2.3',
      '52.1.2.4',
    ]);
  });

  it('recognises documentation addresses and nothing else', () => {
    for (const ip of ['192.0.2.1', '198.51.100.255', '203.0.113.0/24']) expect(isDocumentationAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '198.51.101.1', '203.0.114.1', '10.0.0.1', '2001:db8::1x']) expect(isDocumentationAddress(ip), ip).toBe(false);
  });
});

describe('mapExchangeName', () => {
  const table = (platform: Parameters<typeof mapExchangeName>[0], rows: Array<[string | null, ExchangeId | null]>) => {
    for (const [text, id] of rows) expect(mapExchangeName(platform, text), `${platform ? 'platform' : 'common'}: ${String(text)}`).toBe(id);
  };

  it('common names, case, space and punctuation insensitive', () => {
    table(null, [
      ['Huobi', 'htx'],
      ['HTX', 'htx'],
      ['Huobi Global', 'htx'],
      ['huobi-global', 'htx'],
      ['OKEx', 'okx'],
      ['OKX', 'okx'],
      ['Gate.io', 'gate'],
      ['gate_io', 'gate'],
      ['GATE IO', 'gate'],
      ['Coinbase Advanced', 'coinbase'],
      ['Coinbase Pro', 'coinbase'],
      ['Binance', 'binance'],
      ['  Binance Spot ', 'binance'],
      ['Binance Futures', 'binance'],
      ['Binance (Spot)', 'binance'],
      ['OKX (Futures)', 'okx'],
      ['KuCoin', 'kucoin'],
      ['Bybit', 'bybit'],
      ['Bitget', 'bitget'],
      ['MEXC', 'mexc'],
      ['Kraken', 'kraken'],
      ['XT.COM', 'xt'],
      ['币安', 'binance'],
      ['火币 HTX', 'htx'],
      ['欧易 OKX', 'okx'],
    ]);
  });

  it('refuses look-alike or separate accounts rather than guessing', () => {
    table(null, [
      ['Binance US', null],
      ['Binance.US', null],
      ['Kraken Futures', null],
      ['Binance Testnet', null],
      ['Bitfinex', null],
      ['Binance (US)', null],
      ['Binance (Testnet)', null],
      ['', null],
      [null, null],
    ]);
  });

  it('Hummingbot connectors', () => {
    table(hummingbot, [
      ['binance', 'binance'],
      ['binance_perpetual', 'binance'],
      ['okx', 'okx'],
      ['okx_perpetual', 'okx'],
      ['htx', 'htx'],
      ['huobi', 'htx'],
      ['gate_io', 'gate'],
      ['gate_io_perpetual', 'gate'],
      ['kucoin', 'kucoin'],
      ['kucoin_perpetual', 'kucoin'],
      ['bybit_perpetual', 'bybit'],
      ['bitget_perpetual', 'bitget'],
      ['mexc', 'mexc'],
      ['kraken', 'kraken'],
      ['coinbase_advanced_trade', 'coinbase'],
      ['binance_perpetual_testnet', null],
      ['binance_us', null],
      ['hyperliquid_perpetual', null],
      // The platform's own table is authoritative: Hummingbot never writes "Binance Spot".
      ['Binance Spot', null],
    ]);
  });

  it('OctoBot (ccxt ids)', () => {
    table(octobot, [
      ['binance', 'binance'],
      ['okx', 'okx'],
      ['kucoinfutures', 'kucoin'],
      ['gateio', 'gate'],
      ['htx', 'htx'],
      ['xt', 'xt'],
      ['binanceus', null],
      ['krakenfutures', null],
    ]);
  });

  it('hosted platforms', () => {
    table(threecommas, [
      ['Binance Futures USDT-M', 'binance'],
      ['Bybit USDT Perpetual', 'bybit'],
      ['Gate.io Futures', 'gate'],
      ['Coinbase Advanced', 'coinbase'],
      ['Bitfinex', null],
    ]);
    table(bitsgap, [['Binance Futures', 'binance'], ['HTX', 'htx'], ['Huobi Global', 'htx']]);
    table(cryptohopper, [['OKX', 'okx'], ['Coinbase Advanced', 'coinbase'], ['Bitvavo', null]]);
    table(wundertrading, [['Binance Futures', 'binance'], ['Gate.io', 'gate'], ['Deribit', null]]);
    table(coinrule, [['KuCoin', 'kucoin'], ['Bitpanda Pro', null]]);
    table(altrady, [['Binance USDⓈ-M Futures', 'binance'], ['Crypto.com', null]]);
  });

  it('builds tables only from known common names', () => {
    expect(() => exchangeNamesOf(['binance', 'binanse'])).toThrow(/binanse/);
    expect(exchangeNamesOf(['okex'], { 'OKX Web3': 'okx' })).toEqual({ okex: 'okx', 'okx web3': 'okx' });
    expect(nameKey('Gate.io')).toBe(nameKey('gate_io'));
    for (const id of Object.values(COMMON_EXCHANGE_NAMES)) expect(isExchangeId(id)).toBe(true);
  });
});
