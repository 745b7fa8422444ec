/**
 * What the picker says about each reason to ask before a fill. Kept apart from the component so
 * the wording is tested without a browser: these sentences are the product's advice.
 */
import type { PreflightIssue, TradingScope } from '../core/preflight';
import type { ExchangeId } from '../core/records';
import { exchangeById } from '../exchanges/registry';
import type { FillRisk, PickerKey, PickerSession } from '../messages';

const SCOPE_NAMES: Record<TradingScope, string> = {
  spot: 'Spot',
  futures: 'Futures',
  both: 'Spot and futures',
};

export function scopeName(scope: TradingScope): string {
  return SCOPE_NAMES[scope];
}

/**
 * The bind's expected answer, stated as a fact; the second sentence says where the fact comes
 * from, because the key may have been changed on the exchange since Keyward last saw it.
 */
export function preflightText(issue: PreflightIssue, platformName: string, exchange: ExchangeId): string {
  const exchangeName = exchangeById(exchange).name;
  switch (issue) {
    case 'cannot-trade':
      return `${platformName} will answer Permission Denied: this key cannot trade. ${exchangeName} last showed it without trade permission; fill anyway if you have enabled Trade there since.`;
    case 'no-futures':
      return `${platformName} will answer Permission Denied: futures strategies need the Futures / Swap Trade permission on ${exchangeName}. ${exchangeName} last showed this key without it; fill anyway if you have enabled it since.`;
  }
}

/** The short mark on a key in the list, before it is chosen. */
export function preflightBadge(issue: PreflightIssue): string {
  switch (issue) {
    case 'cannot-trade':
      return 'Read-only: the bind will be denied';
    case 'no-futures':
      return 'No futures permission: a futures bind will be denied';
  }
}

export function isPreflightRisk(risk: FillRisk): risk is PreflightIssue {
  return risk === 'cannot-trade' || risk === 'no-futures';
}

export function riskText(risk: FillRisk, key: PickerKey, session: PickerSession): string {
  if (isPreflightRisk(risk)) return preflightText(risk, session.platformName, key.exchange);
  switch (risk) {
    case 'withdraw':
      return 'This key has withdraw enabled. Trading platforms never need withdraw: anyone who gets this key could move your funds out.';
    case 'reuse':
      return 'This key is already bound to another platform. Use one key per platform, so one leak or revocation does not affect the others.';
    case 'other-exchange':
      return `This is a ${exchangeById(key.exchange).name} key, and the form is set to ${
        session.exchange ? exchangeById(session.exchange).name : 'another exchange'
      }. The bind will fail, or connect the wrong account.`;
  }
}
