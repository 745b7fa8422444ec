/**
 * Risk rules for an API key, while it is being created or edited on the exchange and when the key
 * list is audited. Pure: no DOM, no browser API.
 *
 * The inputs are permissions, the IP whitelist and counts only, never a credential, so no message
 * built here can carry a secret. Messages are Words (a key and its substitutions): the watcher
 * says them in the page's language, and content scripts must not bundle a catalogue.
 */

import { type Words, words } from '../i18n/keys';
import { ipListFindings, parseIpList, type IpEntry, type IpFindingCode } from './ip';
import type { KeyPermissions } from './records';

export type RiskCode =
  | 'withdraw-on'
  | 'transfer-on'
  | IpFindingCode
  | 'key-limit-near'
  | 'key-limit-reached';

export type RiskSeverity = 'danger' | 'warning' | 'info';

export interface RiskFinding {
  code: RiskCode;
  severity: RiskSeverity;
  message: Words;
  /** For an empty whitelist: the exchange's own rule for such keys, said after the message. */
  rule?: Words;
  /** Which part of the form the finding is about, so the warning can sit next to it. */
  concerns: 'permissions' | 'ip' | 'keys';
  /** The whitelist entry an IP finding is about. */
  entry?: IpEntry;
}

export interface KeyRiskInput {
  exchangeName: string;
  /** null: not known (nothing is said about permissions). */
  permissions: KeyPermissions | null;
  /** The whitelist as typed in the form; takes precedence over ipList. */
  ipText?: string;
  /** The whitelist as read from a list or a record; null or absent: not known. */
  ipList?: readonly string[] | null;
  maxIps: number | null;
  /** The exchange's rule for keys without an IP whitelist, in one sentence. */
  unboundRule: Words | null;
  /** Keys the account has now, as the exchange's key list shows them. */
  keyCount?: number;
  maxKeys?: number | null;
}

// Severities of the whitelist findings. An empty or /0 whitelist is a warning, not danger: many
// platforms publish no fixed addresses, so an unbound read/trade key is sometimes unavoidable;
// withdraw is the finding that is never needed.
const IP_SEVERITY: Readonly<Record<IpFindingCode, RiskSeverity>> = {
  'ip-empty': 'warning',
  'ip-invalid': 'warning',
  'ip-over-broad': 'warning',
  'ip-private': 'warning',
  'ip-too-many': 'warning',
  'ip-duplicate': 'info',
};

/** Findings for one key, most serious part first: permissions, then IP whitelist, then key count. */
export function keyRiskFindings(input: KeyRiskInput): RiskFinding[] {
  return [...permissionFindings(input.permissions), ...ipFindings(input), ...keyLimitFindings(input)];
}

function permissionFindings(permissions: KeyPermissions | null): RiskFinding[] {
  const findings: RiskFinding[] = [];
  if (permissions?.withdraw) {
    findings.push({
      code: 'withdraw-on',
      severity: 'danger',
      concerns: 'permissions',
      message: words('noteWithdrawOn'),
    });
  }
  if (permissions?.transfer) {
    findings.push({
      code: 'transfer-on',
      severity: 'warning',
      concerns: 'permissions',
      message: words('noteTransferOn'),
    });
  }
  return findings;
}

function ipFindings(input: KeyRiskInput): RiskFinding[] {
  let entries: IpEntry[];
  if (input.ipText !== undefined) {
    entries = parseIpList(input.ipText);
  } else if (input.ipList !== undefined && input.ipList !== null) {
    // An element may itself hold several addresses (a list cell "1.2.3.4, 5.6.7.8").
    entries = parseIpList(input.ipList.join('\n'));
  } else {
    return [];
  }
  return ipListFindings(entries, input.maxIps, input.exchangeName).map((finding) => {
    const result: RiskFinding = { code: finding.code, severity: IP_SEVERITY[finding.code], concerns: 'ip', message: finding.message };
    if (finding.code === 'ip-empty' && input.unboundRule !== null) result.rule = input.unboundRule;
    if (finding.entry !== null) result.entry = finding.entry;
    return result;
  });
}

function keyLimitFindings({ keyCount, maxKeys, exchangeName }: KeyRiskInput): RiskFinding[] {
  if (keyCount === undefined || maxKeys === undefined || maxKeys === null || maxKeys <= 0) return [];
  if (keyCount >= maxKeys) {
    return [
      {
        code: 'key-limit-reached',
        severity: 'warning',
        concerns: 'keys',
        message:
          keyCount === 1
            ? words('noteKeyLimitReachedOne', { exchange: exchangeName })
            : words('noteKeyLimitReached', { count: keyCount, exchange: exchangeName, limit: maxKeys }),
      },
    ];
  }
  // Near: at least 80% used, or a single slot left (which matters for small limits such as 10).
  const near = keyCount > 0 && (keyCount >= maxKeys * 0.8 || keyCount === maxKeys - 1);
  if (!near) return [];
  const left = maxKeys - keyCount;
  return [
    {
      code: 'key-limit-near',
      severity: 'info',
      concerns: 'keys',
      message:
        left === 1
          ? words('noteKeyLimitNearOne', { count: keyCount, exchange: exchangeName, limit: maxKeys })
          : words('noteKeyLimitNear', { count: keyCount, exchange: exchangeName, left, limit: maxKeys }),
    },
  ];
}

export interface ListedKeyRisk {
  label: string;
  withdraw: boolean;
  ipWhitelisted: boolean;
}

export interface ListRiskSummary {
  total: number;
  /** Keys with withdraw enabled or without an IP whitelist (the same rule as records.isRisky). */
  risky: number;
  withdraw: number;
  noIpWhitelist: number;
  /** Labels of the risky keys, in list order. */
  riskyLabels: string[];
  summary: Words;
}

/** Counts for an exchange's key list, with a one-line summary. */
export function summariseListRisk(keys: readonly ListedKeyRisk[]): ListRiskSummary {
  const risky = keys.filter((key) => key.withdraw || !key.ipWhitelisted);
  const withdraw = keys.filter((key) => key.withdraw).length;
  const noIpWhitelist = keys.filter((key) => !key.ipWhitelisted).length;
  return {
    total: keys.length,
    risky: risky.length,
    withdraw,
    noIpWhitelist,
    riskyLabels: risky.map((key) => key.label),
    summary: summaryLine(keys.length, risky.length, withdraw, noIpWhitelist),
  };
}

/**
 * One whole sentence per case rather than counted parts glued together: English changes words
 * with the counts ("1 of 1 key is", "2 of 5 keys are"), the other catalogues word each case so that
 * no count changes a word, and a note says no plural forms (see src/i18n/README.md).
 */
function summaryLine(total: number, risky: number, withdraw: number, noip: number): Words {
  if (total === 0) return words('noteListEmpty');
  if (risky === 0) return total === 1 ? words('noteListKeySafe') : words('noteListNoneRisky', { count: total });
  if (total === 1) {
    if (withdraw > 0 && noip > 0) return words('noteListKeyRiskyBoth');
    return withdraw > 0 ? words('noteListKeyRiskyWithdraw') : words('noteListKeyRiskyNoIp');
  }
  if (risky === 1) {
    if (withdraw > 0 && noip > 0) return words('noteListOneRiskyBoth', { total });
    return withdraw > 0 ? words('noteListOneRiskyWithdraw', { total }) : words('noteListOneRiskyNoIp', { total });
  }
  if (withdraw > 0 && noip > 0) return words('noteListRiskyBoth', { noip, risky, total, withdraw });
  return withdraw > 0 ? words('noteListRiskyWithdraw', { risky, total, withdraw }) : words('noteListRiskyNoIp', { noip, risky, total });
}
