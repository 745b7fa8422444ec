import type { ReportField } from '../core/key-health';
import type { CheckView } from '../protocol/views';

export type CheckTone = 'good' | 'info' | 'warn' | 'danger';

export interface CheckWords {
  tone: CheckTone;
  /** A few words, for a list row. */
  short: string;
  /** What happened and what to do, for the key's detail. */
  text: string;
}

/** How a check ended, in words for the user. `name` is the exchange's name. */
export function checkWords(result: CheckView, name: string): CheckWords {
  switch (result.kind) {
    case 'ok': {
      const risky = result.differences.some((difference) => difference.riskier);
      if (result.differences.length === 0) {
        return { tone: 'good', short: 'Confirmed', text: `${name} confirms what Keyward holds for this key.` };
      }
      return {
        tone: risky ? 'danger' : 'warn',
        short: risky ? 'Riskier than stored' : 'Differs',
        text: `${name} says something different from what Keyward holds${risky ? ', and the difference adds risk' : ''}. Review it below.`,
      };
    }
    case 'ip-refused':
      return {
        tone: 'good',
        short: 'Whitelist in force',
        text: `${name} refused this browser's address: the key's IP whitelist is in force. That is good news; it also means ${name} will not describe the key to this browser.`,
      };
    case 'invalid-key':
      return {
        tone: 'danger',
        short: 'Key refused',
        text: `${name} does not accept this key: it was deleted, has expired, or was stored wrongly. A bot using it will fail.`,
      };
    case 'invalid-key-or-ip':
      return {
        tone: 'info',
        short: 'Refused',
        text: `${name} refused the key without saying why: either its IP whitelist does not include this browser's address (good), or the key was deleted or expired.`,
      };
    case 'wrong-passphrase':
      return { tone: 'danger', short: 'Wrong passphrase', text: `${name} knows the key but not the stored passphrase. Correct it, or the key cannot be used.` };
    case 'clock-skew':
      return {
        tone: 'warn',
        short: 'Clock off',
        text: `${name} refused the request's time: this computer's clock is off. Set it to update automatically, then check again.`,
      };
    case 'rate-limited':
      return {
        tone: 'warn',
        short: 'Too many requests',
        text: `${name} asks to slow down.${result.retryAfterSeconds === undefined ? ' Try again in a minute.' : ` Try again in ${result.retryAfterSeconds} s.`}`,
      };
    case 'no-permission':
      return {
        tone: 'info',
        short: 'Cannot describe itself',
        text: `The key works, but lacks the permission ${name} requires to describe a key. Nothing was changed.`,
      };
    case 'exchange-error':
      return { tone: 'warn', short: 'Exchange error', text: `${name} failed to answer (HTTP ${result.status}). Try again later.` };
    case 'unreadable-answer':
      return { tone: 'warn', short: 'Unreadable answer', text: `${name} answered something Keyward cannot read. Nothing was changed.` };
    case 'timeout':
      return { tone: 'warn', short: 'No answer', text: `${name} did not answer in time. Try again later.` };
    case 'offline':
      return { tone: 'warn', short: 'Not reached', text: `Keyward could not reach ${name}: no network, or the connection was refused.` };
    case 'unsupported':
      return { tone: 'info', short: 'Not available', text: result.reason };
    case 'needs-permission':
      return { tone: 'info', short: 'Needs your permission', text: `Keyward needs your permission to contact ${name}'s API.` };
    case 'cannot-sign':
      return {
        tone: 'danger',
        short: 'Cannot sign',
        text: `Keyward could not make ${name}'s request with this key's stored credentials (a passphrase missing, or a malformed key).`,
      };
  }
}

const FIELD_NAMES: Record<ReportField, string> = {
  read: 'Read',
  trade: 'Trade',
  futures: 'Futures / derivatives',
  withdraw: 'Withdraw',
  transfer: 'Transfer',
  ipWhitelist: 'IP whitelist',
  validUntil: 'Valid until',
};

export function fieldName(field: ReportField): string {
  return FIELD_NAMES[field];
}

/** The API hosts of permission patterns, for the prompt's explanation ("api.binance.com"). */
export function hostsOf(origins: readonly string[]): string[] {
  return origins.map((origin) => origin.replace(/^https:\/\/(\*\.)?/, '').replace(/\/\*$/, ''));
}
