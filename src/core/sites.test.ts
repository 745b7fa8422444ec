import { describe, expect, it } from 'vitest';
import { type SiteAddress, httpsOrigin, originPattern, parseSiteAddress } from './sites';
import { type Words, tWords } from '../i18n';

/** The refusal's words; a test of an address that must be refused fails if it was accepted. */
function refusal(address: SiteAddress): Words {
  if (address.ok) throw new Error(`accepted ${address.origin}`);
  return address.error;
}

const reserved = { exchangeHosts: new Set(['www.htx.com']), platformHosts: new Set(['app.3commas.io']) };

describe('parseSiteAddress', () => {
  it('turns what the user typed into an https origin', () => {
    expect(parseSiteAddress('octobot.example.net:5001')).toEqual({ ok: true, origin: 'https://octobot.example.net:5001', host: 'octobot.example.net:5001' });
    expect(parseSiteAddress('  https://10.0.0.5:8501/credentials?x=1 ')).toMatchObject({ ok: true, origin: 'https://10.0.0.5:8501' });
    expect(parseSiteAddress('HTTPS://Octobot.Local/')).toMatchObject({ ok: true, origin: 'https://octobot.local' });
    expect(parseSiteAddress('https://localhost:5001')).toMatchObject({ ok: true, origin: 'https://localhost:5001' });
    expect(parseSiteAddress('https://octobot.local:443')).toMatchObject({ ok: true, origin: 'https://octobot.local' });
  });

  it('refuses plain http, other schemes, credentials, wildcards and bare words', () => {
    expect(parseSiteAddress('http://localhost:5001')).toMatchObject({ ok: false, error: { key: 'siteHttp' } });
    expect(tWords(refusal(parseSiteAddress('http://localhost:5001')))).toMatch(/only over https/);
    expect(parseSiteAddress('ftp://octobot.local')).toMatchObject({ ok: false, error: { key: 'siteNotHttps' } });
    expect(parseSiteAddress('https://user:pw@octobot.local')).toMatchObject({ ok: false, error: { key: 'siteCredentials' } });
    expect(parseSiteAddress('*.example.net')).toMatchObject({ ok: false, error: { key: 'siteWildcard' } });
    expect(parseSiteAddress('octobot')).toMatchObject({ ok: false, error: { key: 'siteFullHost' } });
    expect(parseSiteAddress('')).toMatchObject({ ok: false, error: { key: 'siteEmpty' } });
    expect(parseSiteAddress('https://exa mple.com')).toMatchObject({ ok: false, error: { key: 'siteNotAddress' } });
  });

  it('refuses exchange hosts and the hosted platforms', () => {
    expect(tWords(refusal(parseSiteAddress('www.htx.com', reserved)))).toMatch(/exchange/);
    expect(tWords(refusal(parseSiteAddress('https://app.3commas.io/accounts', reserved)))).toMatch(/already knows/);
    expect(parseSiteAddress('app.3commas.io.evil.example', reserved)).toMatchObject({ ok: true });
  });
});

describe('originPattern and httpsOrigin', () => {
  it('match the whole site and only https pages', () => {
    expect(originPattern('https://octobot.local:5001')).toBe('https://octobot.local:5001/*');
    expect(httpsOrigin('https://octobot.local:5001/accounts#x')).toBe('https://octobot.local:5001');
    expect(httpsOrigin('http://octobot.local/')).toBeNull();
    expect(httpsOrigin('not a url')).toBeNull();
  });
});
