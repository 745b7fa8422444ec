import { describe, expect, it } from 'vitest';
import { checkCredentialFormat, sayWarning } from '../core/credential-format';
import { tWords } from '../i18n';
import type { ExchangeId } from '../core/records';
import { EXCHANGES, EXCHANGE_IDS, exchangeById } from './registry';

describe('registry', () => {
  it('lists every exchange once: ids, names and hosts are not shared', () => {
    expect(new Set(EXCHANGE_IDS).size).toBe(EXCHANGES.length);
    expect(new Set(EXCHANGES.map((def) => def.name)).size).toBe(EXCHANGES.length);
    const hosts = EXCHANGES.flatMap((def) => def.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('looks each exchange up by its own id', () => {
    for (const id of EXCHANGE_IDS) {
      const def = exchangeById(id);
      expect(def.id).toBe(id);
      expect(EXCHANGES).toContain(def);
    }
  });

  it('throws for an id that is not an exchange', () => {
    expect(() => exchangeById('ftx' as string as ExchangeId)).toThrow(/Unknown exchange/);
    expect(() => exchangeById('constructor' as string as ExchangeId)).toThrow(/Unknown exchange/);
  });

  it('declares bare lower-case hostnames, each owned by one exchange', () => {
    const owner = new Map<string, ExchangeId>();
    for (const def of EXCHANGES) {
      expect(def.hosts.length).toBeGreaterThan(0);
      for (const host of def.hosts) {
        expect(host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
        expect(owner.get(host), `${host} listed twice`).toBeUndefined();
        owner.set(host, def.id);
      }
    }
    expect(owner.get('www.htx.com')).toBe('htx');
    expect(owner.get('huobi.com')).toBe('htx');
    expect(owner.get('hbg.com')).toBe('htx');
    expect(owner.get('my.okx.com')).toBe('okx');
    expect(owner.get('app.okx.com')).toBe('okx');
    expect(owner.get('www.gate.com')).toBe('gate');
    expect(owner.get('bybit-tr.com')).toBe('bybit');
    expect(owner.get('portal.cdp.coinbase.com')).toBe('coinbase');
  });

  it('links the API page over https on one of its official hosts', () => {
    for (const def of EXCHANGES) {
      const url = new URL(def.apiPageUrl);
      expect(url.protocol).toBe('https:');
      expect(def.hosts).toContain(url.hostname);
    }
  });

  it('uses anchored, stateless patterns and gives hints', () => {
    for (const def of EXCHANGES) {
      const { apiKeyPatterns, secretPatterns, apiKeyHint, secretHint } = def.credentials;
      expect(apiKeyPatterns.length).toBeGreaterThan(0);
      expect(secretPatterns.length).toBeGreaterThan(0);
      for (const pattern of [...apiKeyPatterns, ...secretPatterns]) {
        expect(pattern.source.startsWith('^'), `${def.id} ${pattern.source}`).toBe(true);
        expect(pattern.source.endsWith('$'), `${def.id} ${pattern.source}`).toBe(true);
        expect(pattern.flags).not.toMatch(/[gy]/);
      }
      // Words, said by the popup in the user's language: one credHint… message per shape.
      expect(apiKeyHint.key).toMatch(/^credHint/);
      expect(secretHint.key).toMatch(/^credHint/);
    }
  });
});

describe('credential shapes across exchanges', () => {
  // Each exchange's own shapes are tested in its folder (credentialShapesContract).
  it("flags another exchange's key", () => {
    const okx = exchangeById('okx');
    const okxKey = { apiKey: '5c2f1a7e-93b4-4d0a-8e6f-1b2c3d4e5f60', secret: '7C5B3E0F9A1D2B4C6E8F0A1B2C3D4E5F', passphrase: 'Correct-Horse-9' };
    const binanceKey = 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';
    const warnings = checkCredentialFormat(okx.credentials, { ...okxKey, apiKey: binanceKey }, okx.name);
    expect(warnings.map((warning) => ({ field: warning.field, message: sayWarning(warning, tWords).join(' ') }))).toEqual([
      {
        field: 'apiKey',
        message:
          'API Key does not look like an OKX API key (expected a UUID: 32 hexadecimal characters in 5 dash-separated groups (8-4-4-4-12)).',
      },
    ]);
  });
});
