import { type KeySummary, isRisky } from '../core/records';
import { ATTENTION_DAYS, isDueSoon } from '../exchanges/expiry-rules';
import { plural, t } from '../i18n';

/**
 * What the toolbar badge counts. Unlocked: keys needing attention, that is risky ones (withdraw
 * on, no IP whitelist, a damaged record) and ones an exchange retires within ATTENTION_DAYS, read
 * from the decrypted details. Locked: only the risky ones, from the records' clear hint flags.
 * Which keys are due cannot be known then (permissions, IPs and the exchange's own date are
 * sealed), and the title says so rather than guess. Every counted rule today is for keys without
 * an IP whitelist, which the clear flags count as risky anyway: locking drops from the number only
 * keys whose whitelist is unknown or whose exchange gave its own date.
 */
export interface BadgeState {
  unlocked: boolean;
  hasVault: boolean;
  riskyCount: number;
  /** Keys due within ATTENTION_DAYS; null while locked (not known). */
  dueSoonCount: number | null;
  /** Keys risky or due (each once); equal to riskyCount while locked. */
  attentionCount: number;
}

/** The counts from the open vault's keys. */
export function attentionCounts(keys: readonly KeySummary[], now: number): Pick<BadgeState, 'riskyCount' | 'dueSoonCount' | 'attentionCount'> {
  let riskyCount = 0;
  let dueSoonCount = 0;
  let attentionCount = 0;
  for (const key of keys) {
    const risky = key.damaged !== undefined || isRisky(key.risk);
    const due = isDueSoon(key, now);
    if (risky) riskyCount++;
    if (due) dueSoonCount++;
    if (risky || due) attentionCount++;
  }
  return { riskyCount, dueSoonCount, attentionCount };
}

/** The counts while locked: the clear risk hints only; which keys are due is not known. */
export function lockedCounts(riskyCount: number): Pick<BadgeState, 'riskyCount' | 'dueSoonCount' | 'attentionCount'> {
  return { riskyCount, dueSoonCount: null, attentionCount: riskyCount };
}

/** "Keyward: <state>": whether there is a vault and whether it is open. */
function vaultState(state: BadgeState): string {
  return t(!state.hasVault ? 'vaultStateNone' : state.unlocked ? 'vaultStateUnlocked' : 'vaultStateLocked');
}

export function badgeText(state: BadgeState): string {
  return state.attentionCount > 0 ? String(state.attentionCount) : '';
}

/** The toolbar button's title, in the catalogue's language (public/_locales). */
export function badgeTitle(state: BadgeState): string {
  const words = vaultState(state);
  if (state.dueSoonCount === null) {
    if (state.riskyCount === 0) return t('badgeTitle', { state: words });
    return plural('badgeTitleRiskyLocked', state.riskyCount, { state: words });
  }
  if (state.attentionCount === 0) return t('badgeTitle', { state: words });
  const parts = [
    ...(state.riskyCount > 0 ? [plural('badgeRisky', state.riskyCount)] : []),
    ...(state.dueSoonCount > 0 ? [plural('badgeDueSoon', state.dueSoonCount, { within: plural('withinDays', ATTENTION_DAYS) })] : []),
  ];
  const [head = '', ...rest] = parts;
  const details = rest.reduce((first, second) => t('listPair', { first, second }), head);
  return plural('badgeTitleAttention', state.attentionCount, { state: words, details });
}
