/**
 * What the picker says about each reason to ask before a fill. Kept apart from the component so
 * the wording is tested without a browser: these sentences are the product's advice. Each is a
 * whole message in the catalogues (note… keys, shared with the notes' risk wording).
 */
import { t } from '../i18n';
import type { PreflightIssue, TradingScope } from '../core/preflight';
import type { ExchangeId } from '../core/records';
import { exchangeById } from '../exchanges/registry';
import { platformLabel } from '../shared/platform-label';
import type { RefusedIp } from '../core/page-ips';
import type { FillRisk, PickerKey, PickerSession } from '../messages';

export function scopeName(scope: TradingScope): string {
  switch (scope) {
    case 'spot':
      return t('noteScopeSpot');
    case 'futures':
      return t('noteScopeFutures');
    case 'both':
      return t('noteScopeBoth');
  }
}

/**
 * The bind's expected answer, stated as a fact; the second sentence says where the fact comes
 * from, because the key may have been changed on the exchange since Keyward last saw it.
 */
export function preflightText(issue: PreflightIssue, platformName: string, exchange: ExchangeId): string {
  const subs = { exchange: exchangeById(exchange).name, platform: platformName };
  switch (issue) {
    case 'cannot-trade':
      return t('notePreflightCannotTrade', subs);
    case 'no-futures':
      return t('notePreflightNoFutures', subs);
  }
}

/** The short mark on a key in the list, before it is chosen. */
export function preflightBadge(issue: PreflightIssue): string {
  switch (issue) {
    case 'cannot-trade':
      return t('notePreflightBadgeCannotTrade');
    case 'no-futures':
      return t('notePreflightBadgeNoFutures');
  }
}

export function isPreflightRisk(risk: FillRisk): risk is PreflightIssue {
  return risk === 'cannot-trade' || risk === 'no-futures';
}

export function riskText(risk: FillRisk, key: PickerKey, session: PickerSession): string {
  if (isPreflightRisk(risk)) return preflightText(risk, platformLabel(session.platform), key.exchange);
  switch (risk) {
    case 'withdraw':
      return t('notePickerRiskWithdraw');
    case 'reuse':
      return t('notePickerRiskReuse');
    case 'other-exchange': {
      const keyExchange = exchangeById(key.exchange).name;
      return session.exchange
        ? t('notePickerRiskOtherExchange', { form: exchangeById(session.exchange).name, key: keyExchange })
        : t('notePickerRiskOtherExchangeUnknown', { key: keyExchange });
    }
  }
}

/**
 * What the page asked to whitelist that Keyward will not repeat. Said as the page's request, in
 * red: a page that asks for these is wrong or hostile, and the user should not follow it.
 */
export function refusedIpText(refused: RefusedIp): string {
  const ip = refused.ip;
  switch (refused.why) {
    case 'over-broad':
      return t('noteRefusedIpOverBroad', { ip });
    case 'private':
      return t('noteRefusedIpPrivate', { ip });
    case 'invalid':
      return t('noteRefusedIpInvalid', { ip });
  }
}

// One address or several is a difference of meaning ("add it", "add them"), not only of grammar,
// and the sentences name no count: two messages rather than plural forms.

/** Keyward's own data: the platform publishes these addresses, and this key's whitelist lacks them. */
export function missingPublishedText(ips: readonly string[], platformName: string): string {
  const subs = { ips: ips.join(', '), platform: platformName };
  return ips.length === 1 ? t('notePickerMissingPublishedOne', subs) : t('notePickerMissingPublishedMany', subs);
}

/** The page's word only: Keyward repeats what it lists, attributed, and does not advise. */
export function pageListedText(ips: readonly string[]): string {
  return ips.length === 1 ? t('notePickerPageListedOne', { ips: ips.join(', ') }) : t('notePickerPageListedMany', { ips: ips.join(', ') });
}
