/**
 * What a person does on one generated page, and what Keyward must make of it: the new key
 * (credentials, name, sub-account, permissions, IPs), an older key already in the list, and the
 * permission the person grants that older key later in its edit dialog.
 */
import type { Flag, PageDescription } from './pages';
import { publicIp } from './pages';
import { type Rng, rngFor } from './random';

export interface KeyState {
  apiKey: string;
  secret: string;
  name: string;
  ips: string[];
  /** The target state of each toggle of the page, by index in `words.toggles`. */
  on: boolean[];
}

export interface Scenario {
  seed: string;
  page: PageDescription;
  /** 'main', or the sub-account the person picked before creating the key. */
  account: string;
  /** The other sub-accounts the page offers (the selector's other options). */
  otherAccounts: string[];
  passphrase: string;
  fresh: KeyState;
  older: KeyState;
  /** The older key after its edit: one fund-moving permission switched on (and an IP where required). */
  edited: KeyState;
}

export interface ExpectedFlags {
  read: boolean;
  trade: boolean;
  /** undefined: the page shows no futures toggle, so the reading must not claim futures. */
  futures: boolean | undefined;
  withdraw: boolean;
  transfer: boolean;
}

export const RISK_CODES = ['withdraw-on', 'transfer-on', 'ip-empty'] as const;
export type RiskCode = (typeof RISK_CODES)[number];

function ips(page: PageDescription, rng: Rng, count: number): string[] {
  return Array.from({ length: count }, () =>
    page.cidr && rng.chance(0.25) ? `${publicIp(rng).replace(/\.\d+$/, '.0')}/24` : publicIp(rng),
  );
}

function keyName(rng: Rng): string {
  return `${rng.pick(['Grid bot', 'DCA', 'Hedge desk', 'Arb', 'Portfolio sync'])} ${rng.int(90) + 10}`;
}

function drawStates(page: PageDescription, rng: Rng): boolean[] {
  // One decision per flag, shared by every toggle of that flag, so the expected flag is unambiguous.
  const want: Record<Flag, boolean> = {
    read: true,
    trade: rng.chance(0.8),
    futures: rng.chance(0.5),
    withdraw: rng.chance(0.4),
    transfer: rng.chance(0.4),
    other: rng.chance(0.3),
  };
  return page.words.toggles.map((t) => (t.always ? true : want[t.flag]));
}

export function scenarioFor(page: PageDescription, seed: string, subAccount: boolean): Scenario {
  const rng = rngFor(seed);
  const freshCreds = page.credentials(rng);
  const on = drawStates(page, rng);
  const withdraws = page.words.toggles.some((t, i) => t.flag === 'withdraw' && on[i]);
  let freshIps = rng.chance(0.3) ? [] : ips(page, rng, 1 + rng.int(3));
  if (withdraws && page.withdrawNeedsIp && freshIps.length === 0) freshIps = ips(page, rng, 1);
  const fresh: KeyState = { ...freshCreds, name: keyName(rng), ips: freshIps, on };

  const olderCreds = page.credentials(rng);
  // The older key: read and trade only, no IP bound (a common leftover the audit must mark).
  const olderOn = page.words.toggles.map((t) => t.always || t.flag === 'trade');
  const older: KeyState = { ...olderCreds, name: keyName(rng), ips: [], on: olderOn };
  const grant: Flag = page.words.toggles.some((t) => t.flag === 'withdraw') ? 'withdraw' : 'transfer';
  const edited: KeyState = {
    ...older,
    on: page.words.toggles.map((t, i) => (t.flag === grant ? true : (olderOn[i] ?? false))),
    ips: page.withdrawNeedsIp && grant === 'withdraw' ? ips(page, rng, 1) : [],
  };
  const subs = Array.from({ length: 3 }, () => page.subAccountName(rng));
  const account = subAccount ? (subs[1] ?? 'main') : 'main';
  return {
    seed,
    page,
    account,
    otherAccounts: subs.filter((s) => s !== account),
    passphrase: page.passphrase ? page.passphrase(rng) : '',
    fresh,
    older,
    edited,
  };
}

export function expectedFlags(page: PageDescription, on: boolean[]): ExpectedFlags {
  const toggles = page.words.toggles;
  const any = (flag: Flag) => toggles.some((t, i) => t.flag === flag && (on[i] ?? false));
  const hasFutures = toggles.some((t) => t.flag === 'futures');
  return {
    // Read is every key's floor: always on where shown, the default where not (seed 000, 001).
    read: true,
    trade: any('trade'),
    futures: hasFutures ? any('futures') : undefined,
    withdraw: any('withdraw'),
    transfer: any('transfer'),
  };
}

/** The risk codes a key in this state must carry, and those it must not. */
export function expectedRisks(page: PageDescription, state: KeyState): { present: RiskCode[]; absent: RiskCode[] } {
  const flags = expectedFlags(page, state.on);
  const present: RiskCode[] = [];
  if (flags.withdraw) present.push('withdraw-on');
  if (flags.transfer) present.push('transfer-on');
  if (state.ips.length === 0) present.push('ip-empty');
  return { present, absent: RISK_CODES.filter((code) => !present.includes(code)) };
}
