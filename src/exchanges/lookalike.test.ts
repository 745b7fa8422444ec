import { domainToASCII, domainToUnicode } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
// The lookalike check (src/core/lookalike.ts) over the real exchange folders' brands, so the
// legitimate-host table follows them as they change.
import {
  brandsFromExchanges,
  checkHost,
  decodePunycode,
  editDistance,
  isPublicSuffix,
  registrableDomain,
  type Brand,
} from '../core/lookalike';
import type { ExchangeId } from '../core/records';
import { tWords } from '../i18n';
import { speak } from '../../tests/unit/i18n/speak';
import { EXCHANGES } from './registry';

const BRANDS = brandsFromExchanges(EXCHANGES);

/** A verdict's reasons (Words) said in the language t() reads: English unless a test speak()s another. */
function reasonsOf(host: string): string[] {
  const verdict = checkHost(host, BRANDS);
  return verdict.verdict === 'lookalike' ? verdict.reasons.map(tWords) : [];
}

/** Unicode hosts are written readably here and converted the way a browser's URL parser does. */
function ascii(host: string): string {
  const converted = domainToASCII(host);
  if (converted === '') throw new Error(`not a valid host: ${host}`);
  return converted;
}

describe('brandsFromExchanges', () => {
  it('derives tokens from registrable labels, with the table for HTX, Gate and XT', () => {
    const summary = Object.fromEntries(BRANDS.map((brand) => [brand.exchangeId, [brand.brandTokens, brand.fuzzy]]));
    // A subset match: an exchange added later brings its own folder, not a line here.
    expect(summary).toMatchObject({
      htx: [['htx', 'huobi'], true],
      xt: [['xtcom', 'xt.com'], false],
      bitexbit: [['bitexbit'], true],
      binance: [['binance'], true],
      okx: [['okx'], false],
      bybit: [['bybit', 'bybit-tr'], true],
      kucoin: [['kucoin'], true],
      gate: [['gateio', 'gate.io', 'gate.com'], false],
      bitget: [['bitget'], true],
      mexc: [['mexc'], false],
      coinbase: [['coinbase'], true],
      kraken: [['kraken'], true],
    });
  });

  it('keeps every official host', () => {
    for (const exchange of EXCHANGES) {
      const brand = BRANDS.find((candidate) => candidate.exchangeId === exchange.id);
      expect(brand?.officialHosts).toEqual(exchange.hosts);
      expect(brand?.name).toBe(exchange.name);
    }
  });

  it('never widens an official host to a whole public suffix', () => {
    for (const exchange of EXCHANGES) {
      for (const host of exchange.hosts) {
        expect(isPublicSuffix(registrableDomain(host)), host).toBe(false);
      }
    }
  });
});

describe('registrableDomain', () => {
  it.each([
    ['accounts.binance.com', 'binance.com'],
    ['binance.com', 'binance.com'],
    ['portal.cdp.coinbase.com', 'coinbase.com'],
    ['binance.com.security-check.io', 'security-check.io'],
    ['login.binance.co.uk', 'binance.co.uk'],
    ['secure.okx.com.br', 'okx.com.br'],
    ['co.uk', 'co.uk'],
    ['WWW.Bybit.EU.', 'bybit.eu'],
    ['localhost', 'localhost'],
  ])('%s → %s', (host, expected) => {
    expect(registrableDomain(host)).toBe(expected);
  });
});

describe('checkHost: official hosts', () => {
  const officialHosts = EXCHANGES.flatMap((exchange) => exchange.hosts.map((host) => [host, exchange.id] as const));

  it('has official hosts to check', () => {
    expect(officialHosts.length).toBeGreaterThanOrEqual(EXCHANGES.length * 2);
  });

  it.each(officialHosts)('%s is official for %s', (host, id) => {
    expect(checkHost(host, BRANDS)).toEqual({ verdict: 'official', exchangeId: id });
  });

  it.each([
    ['accounts.binance.com', 'binance'],
    ['academy.binance.com', 'binance'],
    ['my.okx.com', 'okx'],
    ['www.bybit.eu', 'bybit'],
    ['www.bybit-tr.com', 'bybit'],
    ['blog.kraken.com', 'kraken'],
    ['docs.gate.io', 'gate'],
    ['www.coinbase.com', 'coinbase'],
    ['futures.kucoin.com', 'kucoin'],
    ['www.hbg.com', 'htx'],
    // As location.hostname never gives them, but as a caller might pass them.
    ['WWW.BINANCE.COM', 'binance'],
    ['www.binance.com.', 'binance'],
  ] as const)('subdomain %s is official for %s', (host, id) => {
    expect(checkHost(host, BRANDS)).toEqual({ verdict: 'official', exchangeId: id });
  });
});

describe('checkHost: legitimate hosts that are not flagged', () => {
  it.each([
    // Binance.US is a separate, legitimate company: not the exchange Keyward acts on, and not a
    // lookalike of it.
    ['binance.us', 'binance'],
    ['www.binance.us', 'binance'],
    ['data.binance.vision', 'binance'],
    // Gate's REST API host: Gate's own, but it serves no pages to capture from or warn on.
    ['api.gateio.ws', 'gate'],
  ] as const)('%s is a related host of %s', (host, id) => {
    expect(checkHost(host, BRANDS)).toEqual({ verdict: 'unrelated', relatedTo: id });
  });

  it.each([
    'github.com',
    'google.com',
    'gateway.com',
    'navigate.org',
    'golden-gate.com',
    'my-gate.com',
    'gate.co.uk',
    'next.com',
    'text.io',
    'my-xt.com',
    'krakow.pl',
    'bytes.com',
    'coinmarketcap.com',
    'coingecko.com',
    'tradingview.com',
    '3commas.io',
    'app.3commas.io',
    'bitsgap.com',
    'medium.com',
    // okx and okta are one letter apart, but okx is too short for edit distance.
    'okta.com',
    // hbo / hbg: hbg is not a token and is too short anyway.
    'hbo.com',
    // mexc is four letters: no edit distance, and 'mexico' is not the token 'mexc'.
    'mexico.com',
    'finance.yahoo.com',
    'finanse.pl',
    'balance.com',
    'bianca.com',
    'kranken.de',
    'hubi.com',
    'bitbit.com',
    'www.gitkraken.com',
    'bitcoin.org',
    'bitmex.com',
    'bitfinex.com',
    'bitstamp.net',
    'upbit.com',
    'orbit.com',
    'habit.com',
    'budget.com',
    'widget.com',
    'xtc.com',
    'gates.com',
    'gatein.com',
    'amex.com',
    'okcupid.com',
    'bybitglobal.com',
    ascii('münchen.de'),
    ascii('币安.cn'),
    'localhost',
    '127.0.0.1',
    '[::1]',
    '',
  ])('%s is unrelated', (host) => {
    expect(checkHost(host, BRANDS)).toEqual({ verdict: 'unrelated' });
  });
});

describe('checkHost: lookalikes', () => {
  const cases: [string, ExchangeId, RegExp][] = [
    // (a) the brand as a whole token outside the brand's domains
    ['binance.com.security-check.io', 'binance', /contains 'binance' outside binance\.com/],
    ['secure-binance.net', 'binance', /contains 'binance'/],
    ['binance.com-verify.site', 'binance', /contains 'binance'/],
    ['binance.co.uk', 'binance', /contains 'binance'/],
    ['binance-us.com', 'binance', /contains 'binance'/],
    ['okx-login.com', 'okx', /contains 'okx' outside okx\.com/],
    ['my-okx.com.ru', 'okx', /contains 'okx'/],
    ['huobi-pro.net', 'htx', /contains 'huobi' outside htx\.com, huobi\.com, hbg\.com/],
    ['htx-global.com', 'htx', /contains 'htx'/],
    ['bybit-eu.com', 'bybit', /contains 'bybit'/],
    ['kucoin-community.com', 'kucoin', /contains 'kucoin'/],
    ['gate-io.com', 'gate', /contains 'gate\.io' outside gate\.io, gate\.com/],
    ['gateio-login.com', 'gate', /contains 'gateio'/],
    ['gate.io.verify-account.com', 'gate', /contains 'gate\.io'/],
    ['gate.com-security.top', 'gate', /contains 'gate\.com'/],
    ['xt-com.top', 'xt', /contains 'xt\.com' outside xt\.com/],
    ['xtcom.site', 'xt', /contains 'xtcom'/],
    ['www.xt.com.login-check.io', 'xt', /contains 'xt\.com'/],
    ['mexc-global.com', 'mexc', /contains 'mexc'/],
    ['bitget-login.com', 'bitget', /contains 'bitget'/],
    ['coinbase-support.com', 'coinbase', /contains 'coinbase' outside coinbase\.com/],
    ['kraken.com.login-secure.xyz', 'kraken', /contains 'kraken'/],
    ['bitexbit.io', 'bitexbit', /contains 'bitexbit'/],
    // (b) look-alike ASCII characters
    ['blnance.com', 'binance', /'blnance' looks like 'binance'/],
    ['blnance.co', 'binance', /looks like 'binance'/],
    ['b1nance.com', 'binance', /looks like 'binance'/],
    ['bin-ance.com', 'binance', /'bin-ance' looks like 'binance'/],
    ['kucoln.com', 'kucoin', /looks like 'kucoin'/],
    ['byblt.com', 'bybit', /looks like 'bybit'/],
    ['bitexblt.com', 'bitexbit', /looks like 'bitexbit'/],
    ['hu0bi.com', 'htx', /looks like 'huobi'/],
    ['0kx.io', 'okx', /'0kx' looks like 'okx'/],
    ['rnexc.com', 'mexc', /'rnexc' looks like 'mexc'/],
    ['gate1o.com', 'gate', /looks like 'gateio'/],
    // (b) edit distance
    ['binnance.com', 'binance', /'binnance' is one letter away from 'binance'/],
    ['binace.com', 'binance', /one letter away/],
    ['biannce.com', 'binance', /one letter away/],
    ['binnannce.com', 'binance', /two letters away/],
    ['binanceus.com', 'binance', /two letters away/],
    ['krakken.com', 'kraken', /one letter away from 'kraken'/],
    ['krken.com', 'kraken', /one letter away/],
    ['coinbasse.com', 'coinbase', /one letter away from 'coinbase'/],
    ['coinbse.com', 'coinbase', /one letter away/],
    ['bybitt.com', 'bybit', /one letter away from 'bybit'/],
    ['bitgett.com', 'bitget', /one letter away/],
    ['login.kucoinn.com', 'kucoin', /one letter away/],
    ['secure-krakn.com', 'kraken', /one letter away/],
  ];

  it.each(cases)('%s imitates %s', (host, id, reason) => {
    const verdict = checkHost(host, BRANDS);
    expect(verdict.verdict).toBe('lookalike');
    if (verdict.verdict !== 'lookalike') return;
    expect(verdict.exchangeId).toBe(id);
    expect(verdict.reasons.map(tWords).join('; ')).toMatch(reason);
    const brand = BRANDS.find((candidate) => candidate.exchangeId === id);
    expect(verdict.realHost).toBe(brand?.officialHosts[0]);
  });

  const unicodeCases: [string, ExchangeId][] = [
    ['bіnance.com', 'binance'], // Cyrillic і
    ['binаnce.com', 'binance'], // Cyrillic а
    ['bіnаnсe.com', 'binance'], // Cyrillic і, а, с
    ['bïnance.com', 'binance'], // a diaeresis
    ['οkx.com', 'okx'], // Greek omicron
    ['okх.com', 'okx'], // Cyrillic х
    ['kucоin.com', 'kucoin'], // Cyrillic о
    ['krаken.com', 'kraken'], // Cyrillic а
    ['coinbаse.com', 'coinbase'], // Cyrillic а
    ['bуbit.com', 'bybit'], // Cyrillic у
    ['mеxc.com', 'mexc'], // Cyrillic е
    ['huоbi.com', 'htx'], // Cyrillic о
    ['gаteio.com', 'gate'], // Cyrillic а
    ['bіtget.com', 'bitget'], // Cyrillic і
    ['login.bіnance.com', 'binance'],
    ['bіnance-login.com', 'binance'],
    ['bіnnance.com', 'binance'], // look-alike and one letter off
  ];

  it.each(unicodeCases)('%s (punycode) imitates %s', (unicodeHost, id) => {
    const host = ascii(unicodeHost);
    expect(host).toMatch(/xn--/);
    const verdict = checkHost(host, BRANDS);
    expect(verdict.verdict).toBe('lookalike');
    if (verdict.verdict !== 'lookalike') return;
    expect(verdict.exchangeId).toBe(id);
    expect(verdict.reasons.map(tWords)).toContain('uses look-alike characters (punycode)');
  });

  it('maps full-width letters in a host given in Unicode', () => {
    // A browser's URL parser maps full-width letters to ASCII before punycode (IDNA), so they
    // only arrive here in a host passed as Unicode.
    const verdict = checkHost('ｂｉｎａｎｃｅ.com', BRANDS);
    expect(verdict).toMatchObject({ verdict: 'lookalike', exchangeId: 'binance' });
    expect(reasonsOf('ｂｉｎａｎｃｅ.com')).toContain('uses look-alike characters (punycode)');
  });

  it('names mixed scripts in one label', () => {
    expect(reasonsOf(ascii('bіnance.com'))).toContain('mixes letters of different alphabets in one label (Latin, Cyrillic)');
    expect(reasonsOf(ascii('οkx.com'))).toContain('mixes letters of different alphabets in one label (Greek, Latin)');
    // Two labels mixing the same alphabets give the reason once.
    expect(reasonsOf(ascii('bіnance.bіnance.com')).filter((reason) => reason.startsWith('mixes'))).toHaveLength(1);
  });

  it('flags an all-Cyrillic spelling of a brand without a mixed-script reason', () => {
    // о к х are all Cyrillic: one script, yet the label reads as "okx".
    const verdict = checkHost(ascii('окх.com'), BRANDS);
    expect(verdict).toMatchObject({ verdict: 'lookalike', exchangeId: 'okx' });
    expect(reasonsOf(ascii('окх.com')).some((reason) => reason.startsWith('mixes'))).toBe(false);
  });

  it('does not blame punycode when the plain labels already explain the match', () => {
    const verdict = checkHost(`${ascii('münchen.de').split('.')[0] ?? ''}.binance-login.com`, BRANDS);
    expect(verdict).toMatchObject({ verdict: 'lookalike', exchangeId: 'binance', realHost: 'www.binance.com' });
    expect(verdict.verdict === 'lookalike' && verdict.reasons.map(tWords)).toEqual(["contains 'binance' outside binance.com"]);
  });

  it('picks the strongest brand when several match', () => {
    // "binance" exactly beats "krakn" one letter off.
    expect(checkHost('krakn-binance.com', BRANDS)).toMatchObject({ exchangeId: 'binance' });
  });
});

describe('checkHost: the reasons in Russian and Chinese', () => {
  afterEach(() => speak(null));

  it('says every kind of reason in Russian, domains listed with commas', () => {
    speak('ru');
    expect(reasonsOf('huobi-pro.net')).toEqual(['в адресе есть «huobi», но это не htx.com, huobi.com, hbg.com']);
    expect(reasonsOf('b1nance.com')).toEqual(['«b1nance» легко принять за «binance»']);
    expect(reasonsOf('binnance.com')).toEqual(['«binnance» отличается от «binance» одной буквой']);
    expect(reasonsOf('binnannce.com')).toEqual(['«binnannce» отличается от «binance» двумя буквами']);
    expect(reasonsOf(ascii('bіnance.com'))).toEqual([
      'в адресе есть «binance», но это не binance.com',
      'в адресе есть символы, похожие на обычные латинские буквы (punycode)',
      'в одной части адреса смешаны буквы разных алфавитов (Latin, Cyrillic)',
    ]);
  });

  it('says every kind of reason in Chinese', () => {
    speak('zh_CN');
    expect(reasonsOf('gate-io.com')).toEqual(['网址中含有“gate.io”，但并非 gate.io, gate.com']);
    expect(reasonsOf('rnexc.com')).toEqual(['“rnexc”很容易被看成“mexc”']);
    expect(reasonsOf('krakken.com')).toEqual(['“krakken”与“kraken”只差一个字母']);
    expect(reasonsOf('binanceus.com')).toEqual(['“binanceus”与“binance”只差两个字母']);
    expect(reasonsOf(ascii('οkx.com'))).toEqual([
      '网址中含有“okx”，但并非 okx.com',
      '网址使用了外形与普通字母相似的字符（punycode）',
      '网址的同一部分混用了不同字母表的字母（Greek, Latin）',
    ]);
  });
});

describe('checkHost with hand-made brands', () => {
  const brand = (overrides: Partial<Brand>): Brand => ({
    exchangeId: 'okx',
    name: 'Example',
    officialHosts: ['www.example.com'],
    brandTokens: ['example'],
    fuzzy: true,
    relatedDomains: [],
    ...overrides,
  });

  it('widens an official host on a multi-label suffix to its own subdomains only', () => {
    const brands = [brand({ officialHosts: ['www.example.co.uk'] })];
    expect(checkHost('login.example.co.uk', brands)).toEqual({ verdict: 'official', exchangeId: 'okx' });
    expect(checkHost('other.co.uk', brands)).toEqual({ verdict: 'unrelated' });
  });

  it('never treats a whole suffix as official', () => {
    const brands = [brand({ officialHosts: ['com'], brandTokens: ['zzz'] })];
    expect(checkHost('com', brands)).toEqual({ verdict: 'official', exchangeId: 'okx' });
    expect(checkHost('evil.com', brands)).toEqual({ verdict: 'unrelated' });
  });

  it('maps rn to m and vv to w, even for a brand too short for edit distance', () => {
    const brands = [brand({ brandTokens: ['mewo'], fuzzy: false })];
    const verdict = checkHost('rnevvo.com', brands);
    expect(verdict.verdict === 'lookalike' && verdict.reasons.map(tWords)).toEqual(["'rnevvo' looks like 'mewo'"]);
    expect(checkHost('mevo.com', brands)).toEqual({ verdict: 'unrelated' });
  });

  it('applies edit distance only when the brand is fuzzy', () => {
    expect(checkHost('exampel.net', [brand({})])).toMatchObject({ verdict: 'lookalike' });
    expect(checkHost('exampel.net', [brand({ fuzzy: false })])).toEqual({ verdict: 'unrelated' });
  });
});

describe('decodePunycode', () => {
  it.each(['münchen', 'bіnance', 'οkx', '币安', 'bücher-gut', 'ǆemal'])('round-trips %s', (word) => {
    const encoded = domainToASCII(`${word}.com`).split('.')[0] ?? '';
    expect(encoded.startsWith('xn--')).toBe(true);
    expect(decodePunycode(encoded.slice(4))).toBe(domainToUnicode(`${encoded}.com`).split('.')[0]);
  });

  it('decodes the RFC 3492 samples', () => {
    expect(decodePunycode('ihqwcrb4cv8a8dqg056pqjye')).toBe('他们为什么不说中文');
    expect(decodePunycode('egbpdaj6bu4bxfgehfvwxn')).toBe('ليهمابتكلموشعربي؟');
    expect(decodePunycode('3B-ww4c5e180e575a65lsy2b')).toBe('3年B組金八先生');
    expect(decodePunycode('-> $1.00 <--')).toBe('-> $1.00 <-');
  });

  it('rejects malformed input', () => {
    expect(decodePunycode('abc-!!')).toBeNull();
    expect(decodePunycode('abc-9')).toBeNull();
    expect(decodePunycode('zzzzzzzzzzzzzzzzzzzz')).toBeNull();
    expect(decodePunycode('ü-abc')).toBeNull();
  });

  it('leaves an undecodable xn-- label to the plain checks', () => {
    expect(checkHost('xn--abc-!!.com', BRANDS)).toEqual({ verdict: 'unrelated' });
  });
});

describe('editDistance', () => {
  it.each([
    ['binance', 'binance', 0],
    ['binance', 'binnance', 1],
    ['binance', 'biannce', 1],
    ['binance', 'bnance', 1],
    ['binance', 'finance', 1],
    ['kraken', 'krakow', 2],
    ['', 'abc', 3],
    ['ca', 'abc', 3],
  ])('%s ↔ %s = %d', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});
