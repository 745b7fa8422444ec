/**
 * Risk rules for an API key, while it is being created or edited on the exchange and when the key
 * list is audited. Pure: no DOM, no browser API.
 *
 * The inputs are permissions, the IP whitelist and counts only, never a credential, so no message
 * built here can carry a secret.
 */

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
  message: string;
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
  unboundRule: string | null;
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
      message:
        'Withdraw is enabled. Trading platforms never need it: anyone holding this key could move your funds out.',
    });
  }
  if (permissions?.transfer) {
    findings.push({
      code: 'transfer-on',
      severity: 'warning',
      concerns: 'permissions',
      message:
        'Transfer is enabled: this key can move funds between accounts, on some exchanges to other users. Trading platforms rarely need it.',
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
    const message =
      finding.code === 'ip-empty' && input.unboundRule !== null
        ? `${finding.message} ${input.unboundRule}`
        : finding.message;
    const result: RiskFinding = { code: finding.code, severity: IP_SEVERITY[finding.code], concerns: 'ip', message };
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
        message: `This account has ${keyCount} API ${keyCount === 1 ? 'key' : 'keys'}, the most ${exchangeName} allows (${maxKeys}): delete an unused key before creating another.`,
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
      message: `This account has ${keyCount} of the ${maxKeys} API keys ${exchangeName} allows: ${left} ${left === 1 ? 'slot' : 'slots'} left.`,
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
  summary: string;
}

/** Counts for an exchange's key list, with a one-line English summary. */
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

function summaryLine(total: number, risky: number, withdraw: number, noIp: number): string {
  if (total === 0) return 'No API keys.';
  const keys = total === 1 ? '1 key' : `${total} keys`;
  if (risky === 0) return total === 1 ? 'The key is not risky.' : `None of the ${keys} is risky.`;
  const parts: string[] = [];
  if (withdraw > 0) parts.push(`${withdraw} with withdraw enabled`);
  if (noIp > 0) parts.push(`${noIp} without an IP whitelist`);
  const verb = risky === 1 ? 'is' : 'are';
  return `${risky} of ${keys} ${verb} risky: ${parts.join(', ')}.`;
}
