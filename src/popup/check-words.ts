import type { ReportField } from '../core/key-health';
import type { CheckView } from '../protocol/views';
import { t } from '../i18n';

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
  const exchange = name;
  switch (result.kind) {
    case 'ok': {
      const risky = result.differences.some((difference) => difference.riskier);
      if (result.differences.length === 0) {
        return { tone: 'good', short: t('checkShortConfirmed'), text: t('checkTextConfirmed', { exchange }) };
      }
      return {
        tone: risky ? 'danger' : 'warn',
        short: risky ? t('checkShortRiskier') : t('checkShortDiffers'),
        text: risky ? t('checkTextDiffersRiskier', { exchange }) : t('checkTextDiffers', { exchange }),
      };
    }
    case 'ip-refused':
      return { tone: 'good', short: t('checkShortIpRefused'), text: t('checkTextIpRefused', { exchange }) };
    case 'invalid-key':
      return { tone: 'danger', short: t('checkShortInvalidKey'), text: t('checkTextInvalidKey', { exchange }) };
    case 'invalid-key-or-ip':
      return { tone: 'info', short: t('checkShortRefused'), text: t('checkTextRefused', { exchange }) };
    case 'wrong-passphrase':
      return { tone: 'danger', short: t('checkShortWrongPassphrase'), text: t('checkTextWrongPassphrase', { exchange }) };
    case 'clock-skew':
      return { tone: 'warn', short: t('checkShortClockSkew'), text: t('checkTextClockSkew', { exchange }) };
    case 'rate-limited':
      return {
        tone: 'warn',
        short: t('checkShortRateLimited'),
        // The exchange's Retry-After as it sent it: a string, so no digit grouping is added.
        text:
          result.retryAfterSeconds === undefined
            ? t('checkTextRateLimited', { exchange })
            : t('checkTextRateLimitedRetry', { exchange, seconds: String(result.retryAfterSeconds) }),
      };
    case 'no-permission':
      return { tone: 'info', short: t('checkShortNoPermission'), text: t('checkTextNoPermission', { exchange }) };
    case 'exchange-error':
      // An HTTP status is a code, not a quantity: no digit grouping.
      return { tone: 'warn', short: t('checkShortExchangeError'), text: t('checkTextExchangeError', { exchange, status: String(result.status) }) };
    case 'unreadable-answer':
      return { tone: 'warn', short: t('checkShortUnreadable'), text: t('checkTextUnreadable', { exchange }) };
    case 'timeout':
      return { tone: 'warn', short: t('checkShortTimeout'), text: t('checkTextTimeout', { exchange }) };
    case 'offline':
      return { tone: 'warn', short: t('checkShortOffline'), text: t('checkTextOffline', { exchange }) };
    case 'unsupported':
      // Every exchange without a self-query says the same thing (NOTES.md says why for each).
      return { tone: 'info', short: t('checkShortUnsupported'), text: t('checkTextUnsupported', { exchange }) };
    case 'needs-permission':
      return { tone: 'info', short: t('checkShortNeedsPermission'), text: t('checkTextNeedsPermission', { exchange }) };
    case 'cannot-sign':
      return { tone: 'danger', short: t('checkShortCannotSign'), text: t('checkTextCannotSign', { exchange }) };
  }
}

/** A function, not a table of strings: the words are read when shown, in the catalogue's language. */
export function fieldName(field: ReportField): string {
  switch (field) {
    case 'read':
      return t('checkFieldRead');
    case 'trade':
      return t('checkFieldTrade');
    case 'futures':
      return t('checkFieldFutures');
    case 'withdraw':
      return t('checkFieldWithdraw');
    case 'transfer':
      return t('checkFieldTransfer');
    case 'ipWhitelist':
      return t('checkFieldIpWhitelist');
    case 'validUntil':
      return t('checkFieldValidUntil');
  }
}

/** The API hosts of permission patterns, for the prompt's explanation ("api.binance.com"). */
export function hostsOf(origins: readonly string[]): string[] {
  return origins.map((origin) => origin.replace(/^https:\/\/(\*\.)?/, '').replace(/\/\*$/, ''));
}
