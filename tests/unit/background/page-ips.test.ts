import { describe, expect, it } from 'vitest';
import { screenPageIps } from '../../../src/core/page-ips';
import { missingPublishedText, pageListedText, refusedIpText } from '../../../src/picker/risk-text';

describe('screenPageIps: what a bind form asks to whitelist', () => {
  it('refuses every address, half the internet, private and loopback ranges, and keeps public addresses', () => {
    expect(screenPageIps(['0.0.0.0/0', '128.0.0.0/1', '0.0.0.0', '52.0.0.0/8', '192.168.1.5', '127.0.0.1', '100.64.0.1', '52.10.1.7', '34.1.0.0/24'])).toEqual({
      listed: ['52.10.1.7', '34.1.0.0/24'],
      refused: [
        { ip: '0.0.0.0/0', why: 'over-broad' },
        { ip: '128.0.0.0/1', why: 'over-broad' },
        { ip: '0.0.0.0', why: 'over-broad' },
        { ip: '52.0.0.0/8', why: 'over-broad' },
        { ip: '192.168.1.5', why: 'private' },
        { ip: '127.0.0.1', why: 'private' },
        { ip: '100.64.0.1', why: 'private' },
      ],
    });
  });

  it('lists each address once, and reads no more than a platform would list', () => {
    expect(screenPageIps(['52.10.1.7', '52.10.1.7']).listed).toEqual(['52.10.1.7']);
    const many = Array.from({ length: 60 }, (_, i) => `52.10.1.${i}`);
    expect(screenPageIps(many).listed).toHaveLength(40);
  });
});

describe('what the picker says about IPs', () => {
  it('says the page asked for a refused entry, and why not to follow it', () => {
    expect(refusedIpText({ ip: '0.0.0.0/0', why: 'over-broad' })).toBe(
      'This page asks you to whitelist 0.0.0.0/0. Do not: it would let far more addresses use the key than any platform needs (0.0.0.0/0 is every address).',
    );
    expect(refusedIpText({ ip: '10.0.0.1', why: 'private' })).toMatch(/^This page asks you to whitelist 10\.0\.0\.1\. Do not: it is a private/);
  });

  it('advises only from the platform’s published list, and attributes the page’s own list to the page', () => {
    expect(missingPublishedText(['203.0.113.10'], '3Commas')).toBe(
      'The bind will fail with an IP restriction error: 3Commas publishes 203.0.113.10, which this key’s whitelist lacks. Add it on the exchange.',
    );
    const listed = pageListedText(['52.10.1.7', '52.10.1.8']);
    expect(listed).toMatch(/^The page lists 52\.10\.1\.7, 52\.10\.1\.8/);
    expect(listed).not.toMatch(/\badd them on the exchange\b/i);
  });
});
