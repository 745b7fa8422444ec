import { describe, expect, it } from 'vitest';
import { CAPTURE_LIMITS, validators } from '../../../src/background/validate';

const JUNK = 'x'.repeat(16 * 1024);

/** A real-looking capture: an OKX-style key with passphrase, permissions and a whitelist. */
function capture(overrides: Record<string, unknown> = {}) {
  return {
    exchange: 'okx',
    apiKey: '5f8e3c2a-7b1d-4e9f-a6c0-3d2b1e0f9a8c',
    secret: '9C3B7A1E5D2F4C8B6A0E9D7F3B1C5A2E',
    passphrase: 'Grid-Bot-Passphrase-2025!',
    label: 'grid bot',
    account: 'sub-account-trading@example.com',
    permissions: { read: true, trade: true, withdraw: false, transfer: false, labels: ['Read', 'Trade'] },
    ipWhitelist: ['203.0.113.9', '2001:db8::/32'],
    ...overrides,
  };
}

const valid = (payload: unknown) => validators['capture.submit'](payload);

/** An RSA-4096 PKCS#8 private key as a PEM block is 3,272 characters; this is one in shape. */
function rsa4096Pem(): string {
  const body = 'A'.repeat(3168).match(/.{1,64}/g)?.join('\n') ?? '';
  return `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`;
}

describe('capture.submit field caps', () => {
  it('accepts real keys, including a PEM private key as the secret and a long IPv6 whitelist entry', () => {
    expect(valid(capture())).toBe(true);
    expect(rsa4096Pem().length).toBeGreaterThan(3200);
    expect(valid(capture({ secret: rsa4096Pem() }))).toBe(true);
    expect(valid(capture({ apiKey: `organizations/${'0'.repeat(36)}/apiKeys/${'1'.repeat(36)}` }))).toBe(true);
    expect(valid(capture({ ipWhitelist: ['0000:0000:0000:0000:0000:ffff:255.255.255.255/128'] }))).toBe(true);
    const binanceMax = Array.from({ length: 30 }, (_, i) => `198.51.100.${i}`);
    expect(valid(capture({ ipWhitelist: binanceMax }))).toBe(true);
  });

  it.each(['apiKey', 'secret', 'passphrase', 'label', 'account'])('refuses a 16 KB %s', (field) => {
    expect(valid(capture({ [field]: JUNK }))).toBe(false);
  });

  it('refuses a 16 KB permission label, an IP entry, or too many of either', () => {
    const permissions = (labels: string[]) => ({ read: true, trade: true, withdraw: false, transfer: false, labels });
    expect(valid(capture({ permissions: permissions([JUNK]) }))).toBe(false);
    expect(valid(capture({ permissions: permissions(new Array(CAPTURE_LIMITS.permissionLabels + 1).fill('Read')) }))).toBe(false);
    expect(valid(capture({ ipWhitelist: [JUNK] }))).toBe(false);
    expect(valid(capture({ ipWhitelist: new Array(CAPTURE_LIMITS.ips + 1).fill('203.0.113.9') }))).toBe(false);
  });

  it('holds each cap at its edge', () => {
    const at = (n: number) => 'k'.repeat(n);
    for (const field of ['apiKey', 'secret', 'passphrase', 'label', 'account'] as const) {
      expect(valid(capture({ [field]: at(CAPTURE_LIMITS[field]) })), field).toBe(true);
      expect(valid(capture({ [field]: at(CAPTURE_LIMITS[field] + 1) })), field).toBe(false);
    }
    expect(valid(capture({ ipWhitelist: [at(CAPTURE_LIMITS.ip)] }))).toBe(true);
    expect(valid(capture({ ipWhitelist: [at(CAPTURE_LIMITS.ip + 1)] }))).toBe(false);
  });

  it('keeps a whole capture far below what the old caps let through', () => {
    const total =
      CAPTURE_LIMITS.apiKey +
      CAPTURE_LIMITS.secret +
      CAPTURE_LIMITS.passphrase +
      CAPTURE_LIMITS.label +
      CAPTURE_LIMITS.account +
      CAPTURE_LIMITS.permissionLabels * CAPTURE_LIMITS.permissionLabel +
      CAPTURE_LIMITS.ips * CAPTURE_LIMITS.ip;
    expect(total).toBeLessThan(32 * 1024);
  });
});
