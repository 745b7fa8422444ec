import { describe, expect, it } from 'vitest';
import { httpsOrigin, originPattern, parseSiteAddress } from './sites';

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
    expect(parseSiteAddress('http://localhost:5001')).toMatchObject({ ok: false, error: expect.stringMatching(/only over https/) });
    expect(parseSiteAddress('ftp://octobot.local')).toMatchObject({ ok: false });
    expect(parseSiteAddress('https://user:pw@octobot.local')).toMatchObject({ ok: false });
    expect(parseSiteAddress('*.example.net')).toMatchObject({ ok: false });
    expect(parseSiteAddress('octobot')).toMatchObject({ ok: false });
    expect(parseSiteAddress('')).toMatchObject({ ok: false });
    expect(parseSiteAddress('https://exa mple.com')).toMatchObject({ ok: false });
  });

  it('refuses exchange hosts and the hosted platforms', () => {
    expect(parseSiteAddress('www.htx.com', reserved)).toMatchObject({ ok: false, error: expect.stringMatching(/exchange/) });
    expect(parseSiteAddress('https://app.3commas.io/accounts', reserved)).toMatchObject({ ok: false, error: expect.stringMatching(/already knows/) });
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
