import { describe, expect, it } from 'vitest';
import { type ExpiryRule, dueSoon, keyDeadlines } from './expiry';
import type { KeyPermissions } from './records';

const DAY = 86_400_000;
const CREATED = Date.UTC(2026, 0, 1);

// HTX: a key with no IP and trade or withdraw is deactivated after 90 days unused.
const HTX_RULE: ExpiryRule = { effect: 'deactivated', days: 90, counted: 'inactivity', unboundOnly: true, permissions: ['trade', 'withdraw'] };
// Binance: without IP, spot trading is removed after 30 days.
const BINANCE_RULE: ExpiryRule = { effect: 'spot-trading-removed', days: 30, counted: 'creation', unboundOnly: true, permissions: [] };

const perms = (over: Partial<KeyPermissions>): KeyPermissions => ({ read: true, trade: false, withdraw: false, transfer: false, labels: [], ...over });

describe('keyDeadlines', () => {
  it('counts an unbound trade key’s deadline from its creation, and says an inactivity date is the earliest', () => {
    const [deadline] = keyDeadlines([HTX_RULE], { permissions: perms({ trade: true }), ipWhitelist: [], createdAt: CREATED }, CREATED + 80 * DAY);
    expect(deadline).toEqual({ effect: 'deactivated', at: CREATED + 90 * DAY, daysLeft: 10, certain: false });
  });

  it('does not apply to a key with an IP whitelist, nor to a read-only key when the rule names permissions', () => {
    expect(keyDeadlines([HTX_RULE], { permissions: perms({ trade: true }), ipWhitelist: ['203.0.113.9'], createdAt: CREATED }, CREATED)).toEqual([]);
    expect(keyDeadlines([HTX_RULE], { permissions: perms({}), ipWhitelist: [], createdAt: CREATED }, CREATED)).toEqual([]);
  });

  it('applies when the permissions or IPs are unknown: it may happen, so it is said', () => {
    expect(keyDeadlines([HTX_RULE], { permissions: null, ipWhitelist: null, createdAt: CREATED }, CREATED)).toHaveLength(1);
  });

  it('orders several deadlines soonest first, and counts a passed one negative', () => {
    const deadlines = keyDeadlines([HTX_RULE, BINANCE_RULE], { permissions: perms({ trade: true }), ipWhitelist: [], createdAt: CREATED }, CREATED + 45 * DAY);
    expect(deadlines.map((d) => [d.effect, d.daysLeft, d.certain])).toEqual([
      ['spot-trading-removed', -15, true],
      ['deactivated', 45, false],
    ]);
  });

  it('takes the exchange’s own expiry date over any counted guess', () => {
    const validUntil = CREATED + 12 * DAY + 5;
    expect(keyDeadlines([HTX_RULE], { permissions: perms({ trade: true }), ipWhitelist: [], createdAt: CREATED, validUntil }, CREATED)).toEqual([
      { effect: 'expires', at: validUntil, daysLeft: 12, certain: true },
    ]);
  });
});

describe('dueSoon', () => {
  it('names the soonest deadline within the warning window, else none', () => {
    const deadlines = keyDeadlines([HTX_RULE], { permissions: perms({ withdraw: true }), ipWhitelist: [], createdAt: CREATED }, CREATED + 84 * DAY);
    expect(dueSoon(deadlines, 7)?.daysLeft).toBe(6);
    expect(dueSoon(deadlines, 5)).toBeUndefined();
  });
});
