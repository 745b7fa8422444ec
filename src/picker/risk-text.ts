/**
 * What the picker says about each reason to ask before a fill. Kept apart from the component so
 * the wording is tested without a browser: these sentences are the product's advice.
 */
import type { PreflightIssue, TradingScope } from '../core/preflight';
import type { ExchangeId } from '../core/records';
import { exchangeById } from '../exchanges/registry';
import type { RefusedIp, RefusedIpReason } from '../core/page-ips';
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

const REFUSED_WHY: Record<RefusedIpReason, string> = {
  'over-broad': 'it would let far more addresses use the key than any platform needs (0.0.0.0/0 is every address)',
  private: 'it is a private or reserved address, which an exchange never sees requests from',
  invalid: 'it is not a valid address',
};

/**
 * What the page asked to whitelist that Keyward will not repeat. Said as the page's request, in
 * red: a page that asks for these is wrong or hostile, and the user should not follow it.
 */
export function refusedIpText(refused: RefusedIp): string {
  return `This page asks you to whitelist ${refused.ip}. Do not: ${REFUSED_WHY[refused.why]}.`;
}

/** Keyward's own data: the platform publishes these addresses, and this key's whitelist lacks them. */
export function missingPublishedText(ips: readonly string[], platformName: string): string {
  return `The bind will fail with an IP restriction error: ${platformName} publishes ${ips.join(', ')}, which this key’s whitelist lacks. Add ${ips.length === 1 ? 'it' : 'them'} on the exchange.`;
}

/** The page's word only: Keyward repeats what it lists, attributed, and does not advise. */
export function pageListedText(ips: readonly string[]): string {
  return `The page lists ${ips.join(', ')} for the whitelist; this key’s whitelist lacks ${ips.length === 1 ? 'it' : 'them'}. Check the platform’s own documentation before adding ${ips.length === 1 ? 'it' : 'them'}.`;
}
