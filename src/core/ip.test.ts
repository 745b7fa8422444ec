import { describe, expect, it } from 'vitest';
import { tWords } from '../i18n';
import type { Words } from '../i18n/keys';
import { ipListFindings, ipWhitelistFindings, overBroad, parseIpList, type IpEntry } from './ip';

/** What a note says for these words, in English (the unit tests' catalogue). */
function text(said: Words | undefined): string | undefined {
  return said === undefined ? undefined : tWords(said);
}

function one(text: string): IpEntry {
  const entries = parseIpList(text);
  expect(entries).toHaveLength(1);
  const [entry] = entries;
  if (entry === undefined) throw new Error('no entry');
  return entry;
}

function codes(text: string, max: number | null = null): string[] {
  return ipWhitelistFindings(text, max).map((finding) => finding.code);
}

describe('parseIpList splitting', () => {
  it('splits on commas, whitespace, newlines and semicolons, dropping empty pieces', () => {
    const entries = parseIpList(' 1.1.1.1,2.2.2.2 ;3.3.3.3\n4.4.4.4\r\n\t5.5.5.5,,  ;\n');
    expect(entries.map((entry) => entry.raw)).toEqual(['1.1.1.1', '2.2.2.2', '3.3.3.3', '4.4.4.4', '5.5.5.5']);
  });

  it('splits on the Chinese comma, the ideographic comma, full-width semicolon and ideographic space', () => {
    const entries = parseIpList('1.1.1.1，2.2.2.2、3.3.3.3；4.4.4.4\u30005.5.5.5');
    expect(entries.map((entry) => entry.raw)).toEqual(['1.1.1.1', '2.2.2.2', '3.3.3.3', '4.4.4.4', '5.5.5.5']);
  });

  it('returns nothing for blank input', () => {
    expect(parseIpList('')).toEqual([]);
    expect(parseIpList(' ,\n ， ')).toEqual([]);
  });
});

describe('IPv4', () => {
  it.each([
    ['1.2.3.4', 'ipv4', null],
    ['0.0.0.0', 'ipv4', null],
    ['255.255.255.255', 'ipv4', null],
    ['8.8.8.8/32', 'ipv4-cidr', 32],
    ['203.0.0.0/8', 'ipv4-cidr', 8],
    ['0.0.0.0/0', 'ipv4-cidr', 0],
  ] as const)('%s is %s', (raw, kind, prefix) => {
    const entry = one(raw);
    expect(entry.kind).toBe(kind);
    expect(entry.prefix).toBe(prefix);
    expect(entry.reason).toBeUndefined();
  });

  it.each([
    ['256.1.1.1', /0 to 255/],
    ['1.2.3', /four numbers/],
    ['1.2.3.4.5', /four numbers/],
    ['1..2.3', /number from 0 to 255/],
    ['1.2.3.4/33', /0 to 32/],
    ['1.2.3.4/', /0 to 32/],
    ['1.2.3.4/024', /0 to 32/],
    ['1.2.3.4/8/8', /more than one/],
    ['1.2.3.4:8080', /port/],
    ['-1.2.3.4', /./],
  ])('%s is invalid (%s)', (raw, reason) => {
    const entry = one(raw);
    expect(entry.kind).toBe('invalid');
    expect(entry.prefix).toBeNull();
    expect(text(entry.reason)).toMatch(reason);
  });

  it('rejects leading zeros as ambiguous octal', () => {
    for (const raw of ['010.1.1.1', '1.2.3.04', '192.168.001.1', '00.1.2.3']) {
      const entry = one(raw);
      expect(entry.kind, raw).toBe('invalid');
      expect(text(entry.reason), raw).toMatch(/leading zero.*octal/);
    }
  });

  it('points ranges and wildcards to CIDR', () => {
    expect(text(one('1.2.3.4-1.2.3.9').reason)).toBe(`\"${'1.2.3.4-1.2.3.9'}\" is not a valid IP address or CIDR range: ranges are written as CIDR, e.g. 1.2.3.0/24.`);
    expect(text(one('10.20.30.40-50').reason)).toBe(`\"${'10.20.30.40-50'}\" is not a valid IP address or CIDR range: ranges are written as CIDR, e.g. 10.20.30.0/24.`);
    expect(text(one('1.2.3.*').reason)).toBe(`\"${'1.2.3.*'}\" is not a valid IP address or CIDR range: wildcards are written as CIDR, e.g. 1.2.3.0/24.`);
    expect(text(one('1.2.*.*').reason)).toBe(`\"${'1.2.*.*'}\" is not a valid IP address or CIDR range: wildcards are written as CIDR, e.g. 1.2.0.0/16.`);
    expect(text(one('1.*.3.*').reason)).toBe(`\"${'1.*.3.*'}\" is not a valid IP address or CIDR range: wildcards are written as CIDR, e.g. 1.2.3.0/24.`);
  });

  it('rejects host names, URLs and full-width digits', () => {
    expect(text(one('api.example.com').reason)).toMatch(/host names/);
    expect(text(one('localhost').reason)).toMatch(/host names/);
    expect(text(one('example.com:443').reason)).toMatch(/host names/);
    expect(text(one('https://1.2.3.4').reason)).toMatch(/URL/);
    expect(one('１.２.３.４').kind).toBe('invalid');
  });

  it('notes a host part not aligned to the prefix without making the entry invalid', () => {
    const entry = one('10.0.0.5/24');
    expect(entry.kind).toBe('ipv4-cidr');
    expect(text(entry.note)).toContain('10.0.0.0/24');
    expect(text(one('10.0.0.0/24').note)).toBeUndefined();
    expect(text(one('8.8.8.8/32').note)).toBeUndefined();
    expect(text(one('1.2.3.128/25').note)).toBeUndefined();
    expect(text(one('1.2.3.129/25').note)).toContain('1.2.3.128/25');
  });
});

describe('IPv6', () => {
  it.each([
    ['2001:db8:85a3:0:0:8a2e:370:7334', 'ipv6', null, '2001:db8:85a3::8a2e:370:7334'],
    ['2001:DB8::1', 'ipv6', null, '2001:db8::1'],
    ['::', 'ipv6', null, '::'],
    ['::1', 'ipv6', null, '::1'],
    ['1::', 'ipv6', null, '1::'],
    ['1:0:0:2:0:0:0:3', 'ipv6', null, '1:0:0:2::3'],
    ['1:0:2:3:4:5:6:7', 'ipv6', null, '1:0:2:3:4:5:6:7'],
    ['1::2:3:4:5:6:7', 'ipv6', null, '1:0:2:3:4:5:6:7'],
    ['::ffff:1.2.3.4', 'ipv6', null, '::ffff:102:304'],
    ['64:ff9b::192.0.2.33', 'ipv6', null, '64:ff9b::c000:221'],
    ['2400:cb00::/32', 'ipv6-cidr', 32, '2400:cb00::/32'],
    ['2a03:2880:f10c::/48', 'ipv6-cidr', 48, '2a03:2880:f10c::/48'],
    ['::/0', 'ipv6-cidr', 0, '::/0'],
    ['2a03::1/128', 'ipv6-cidr', 128, '2a03::1/128'],
  ] as const)('%s is %s', (raw, kind, prefix, canonical) => {
    const entry = one(raw);
    expect(entry.kind).toBe(kind);
    expect(entry.prefix).toBe(prefix);
    expect(entry.canonical).toBe(canonical);
  });

  it.each([
    ['1::2::3', /only once/],
    ['1:2:3:4:5:6:7', /eight groups/],
    ['1:2:3:4:5:6:7:8:9', /eight groups/],
    ['1:2:3:4:5:6:7::8', /valid IPv6/],
    ['12345::1', /hexadecimal/],
    [':1:2:3:4:5:6:7', /hexadecimal/],
    ['::1.2.3.04', /IPv4 part.*leading zero/],
    ['1.2.3.4::1', /./],
    ['2001:db8::/129', /0 to 128/],
    ['fe80::1%eth0', /zone ids/],
    ['[2001:db8::1]', /brackets/],
  ])('%s is invalid (%s)', (raw, reason) => {
    const entry = one(raw);
    expect(entry.kind).toBe('invalid');
    expect(text(entry.reason)).toMatch(reason);
  });
});

describe('overBroad', () => {
  it.each([
    ['0.0.0.0/0', true],
    ['::/0', true],
    ['1.2.0.0/16', true],
    ['1.2.2.0/23', true],
    ['1.2.3.0/24', false],
    ['1.2.3.4', false],
    ['2a03:2880::/47', true],
    ['2a03:2880::/48', false],
    ['2a03:2880::1', false],
    ['not-an-ip', false],
  ] as const)('%s → %s', (raw, expected) => {
    expect(overBroad(one(raw))).toBe(expected);
  });
});

describe('private and reserved ranges', () => {
  it.each([
    ['10.1.2.3', '10.0.0.0/8'],
    ['172.16.0.1', '172.16.0.0/12'],
    ['172.31.255.255', '172.16.0.0/12'],
    ['192.168.1.0/24', '192.168.0.0/16'],
    ['127.0.0.1', '127.0.0.0/8'],
    ['169.254.169.254', '169.254.0.0/16'],
    ['100.64.1.1', '100.64.0.0/10'],
    ['192.0.2.10', '192.0.2.0/24'],
    ['fd12:3456::1', 'fc00::/7'],
    ['fc00::/8', 'fc00::/7'],
    ['::1', '::1/128'],
    ['fe80::1', 'fe80::/10'],
    ['::ffff:192.168.0.1', '192.168.0.0/16'],
  ])('%s is marked private (%s)', (raw, range) => {
    const entry = one(raw);
    expect(entry.private).toBe(true);
    expect(entry.privateRange).toContain(range);
  });

  it.each(['8.8.8.8', '172.32.0.1', '172.15.255.255', '192.169.0.1', '11.0.0.0/8', '0.0.0.0/0', '2001:4860::8888', '::/0', '::ffff:8.8.8.8'])(
    '%s is not private',
    (raw) => {
      expect(one(raw).private).toBeUndefined();
    },
  );
});

describe('ipWhitelistFindings', () => {
  it('reports an empty list', () => {
    const findings = ipWhitelistFindings('  \n', 20, 'HTX');
    expect(findings).toEqual([
      { code: 'ip-empty', entry: null, message: { key: 'noteIpEmpty' } },
    ]);
  });

  it('is silent for a clean list', () => {
    expect(ipWhitelistFindings('8.8.8.8, 1.1.1.0/24, 2606:4700::1111', 20, 'HTX')).toEqual([]);
  });

  it('says 0.0.0.0/0 is no whitelist at all', () => {
    const [finding] = ipWhitelistFindings('0.0.0.0/0', 20);
    expect(finding?.code).toBe('ip-over-broad');
    expect(text(finding?.message)).toBe('0.0.0.0/0 allows every address: it is the same as no whitelist.');
    expect(finding?.entry?.raw).toBe('0.0.0.0/0');
  });

  it('counts the addresses in an over-broad range', () => {
    expect(text(ipWhitelistFindings('8.8.0.0/16', null)[0]?.message)).toContain('65,536 addresses');
    expect(text(ipWhitelistFindings('2001:4860::/32', null)[0]?.message)).toContain('2^96 addresses');
  });

  it('reports more entries than the exchange allows, with its name', () => {
    const list = Array.from({ length: 23 }, (_, index) => `8.8.8.${index + 1}`).join(',');
    const findings = ipWhitelistFindings(list, 20, 'HTX');
    expect(findings.map((finding) => [finding.code, finding.entry, text(finding.message)])).toEqual([
      ['ip-too-many', null, 'HTX allows at most 20 IP addresses; this list has 23.'],
    ]);
    expect(codes(list, 23)).toEqual([]);
    expect(codes(list, null)).toEqual([]);
  });

  it('reports invalid, private and duplicate entries in list order', () => {
    const findings = ipWhitelistFindings('8.8.8.8, 300.1.1.1, 192.168.1.10, 8.8.8.8/32, 8.8.8.8', null);
    expect(findings.map((finding) => [finding.code, finding.entry?.raw])).toEqual([
      ['ip-invalid', '300.1.1.1'],
      ['ip-private', '192.168.1.10'],
      ['ip-duplicate', '8.8.8.8/32'],
      ['ip-duplicate', '8.8.8.8'],
    ]);
    expect(text(findings[0]?.message)).toMatch(/^"300\.1\.1\.1" is not a valid IP address.*0 to 255/);
    expect(text(findings[1]?.message)).toContain('192.168.0.0/16 (a private network)');
    expect(text(findings[2]?.message)).toBe('8.8.8.8/32 is the same as 8.8.8.8, listed earlier.');
    expect(text(findings[3]?.message)).toBe('8.8.8.8 is listed more than once.');
  });

  it('treats differently written forms of one IPv6 range as duplicates', () => {
    expect(codes('2001:4860:0:0::8888 2001:4860::8888')).toEqual(['ip-duplicate']);
    expect(codes('2a03:2880:f10c::/48, 2a03:2880:f10c:0:0:0:0:0/48')).toEqual(['ip-duplicate']);
  });

  it('reports a private range as private, not as over-broad', () => {
    expect(codes('10.0.0.0/8')).toEqual(['ip-private']);
  });

  it('gives the same findings for pre-parsed entries', () => {
    const text = '0.0.0.0/0, 10.0.0.1, bad, 10.0.0.1';
    expect(ipListFindings(parseIpList(text), 3, 'OKX')).toEqual(ipWhitelistFindings(text, 3, 'OKX'));
    expect(ipListFindings([], 3, 'OKX').map((finding) => finding.code)).toEqual(['ip-empty']);
  });
});
