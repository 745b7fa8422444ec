import type { KeyDetails, KeyPermissions } from './records';
import type { KeyReport } from './self-query';

/**
 * What the exchange said about a key against what the vault holds (issue 11). Pure: the
 * background compares when a check answers, the popup shows the differences, and the vault takes
 * the exchange's word only when the user confirms (applyReport).
 */

export type ReportField = 'read' | 'trade' | 'futures' | 'withdraw' | 'transfer' | 'ipWhitelist' | 'validUntil';

export interface ReportDifference {
  field: ReportField;
  /** As the vault holds it, in words for the user ("on", "off", "none", "1.2.3.4, 5.6.7.8", "not known"). */
  vault: string;
  /** As the exchange says it. */
  exchange: string;
  /** The exchange's answer is the riskier one: withdraw or transfer on, or a whitelist gone. */
  riskier: boolean;
}

const FLAGS = ['read', 'trade', 'futures', 'withdraw', 'transfer'] as const satisfies readonly (keyof KeyPermissions & ReportField)[];

/** A flag that moves funds or widens a key's reach: turning it on is the risk. */
const RISKY_FLAGS: ReadonlySet<ReportField> = new Set(['withdraw', 'transfer']);

function flagWords(value: boolean | undefined): string {
  return value === undefined ? 'not known' : value ? 'on' : 'off';
}

function ipWords(list: readonly string[] | null): string {
  if (list === null) return 'not known';
  return list.length === 0 ? 'none (any address)' : list.join(', ');
}

function sameIps(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((ip, i) => ip === right[i]);
}

function dayWords(at: number | undefined): string {
  return at === undefined ? 'not known' : new Date(at).toISOString().slice(0, 10);
}

/** Where the exchange's word differs from the vault's; fields the exchange did not state are left alone. */
export function compareReport(details: Pick<KeyDetails, 'permissions' | 'ipWhitelist' | 'validUntil'>, report: KeyReport): ReportDifference[] {
  const differences: ReportDifference[] = [];
  const stated = report.permissions;
  if (stated) {
    for (const flag of FLAGS) {
      const said = stated[flag];
      // Futures is absent where the exchange folds it into trade: nothing to compare then.
      if (said === undefined) continue;
      const held = details.permissions?.[flag];
      if (held === said) continue;
      differences.push({ field: flag, vault: flagWords(held), exchange: flagWords(said), riskier: RISKY_FLAGS.has(flag) && said });
    }
  }
  if (report.ipWhitelist) {
    const held = details.ipWhitelist;
    if (held === null || !sameIps(held, report.ipWhitelist)) {
      differences.push({
        field: 'ipWhitelist',
        vault: ipWords(held),
        exchange: ipWords(report.ipWhitelist),
        riskier: report.ipWhitelist.length === 0 && (held === null || held.length > 0),
      });
    }
  }
  if (report.validUntil !== undefined && report.validUntil !== details.validUntil) {
    differences.push({ field: 'validUntil', vault: dayWords(details.validUntil), exchange: dayWords(report.validUntil), riskier: false });
  }
  return differences;
}

/**
 * The details with the exchange's word taken: permissions, whitelist and end date where it stated
 * them. The exchange's own labels replace the page's; the user's label and notes are never touched.
 */
export function applyReport(details: KeyDetails, report: KeyReport): KeyDetails {
  return {
    ...details,
    ...(report.permissions ? { permissions: { ...report.permissions } } : {}),
    ...(report.ipWhitelist ? { ipWhitelist: [...report.ipWhitelist] } : {}),
    ...(report.validUntil !== undefined ? { validUntil: report.validUntil } : {}),
  };
}
