import type { CheckOutcome, QueryAnswer, SelfQuery } from '../../core/self-query';
import { kucoinPassphrase, signPrehashBase64 } from '../../core/signing';
import { commaList, isRecord, readEnvelope, type Refusals, text } from '../self-query-kit';

/** KuCoin: GET /api/v1/user/api-key, "Get API Key Info" for the key that signs it (NOTES.md). */

const HOST = 'api.kucoin.com';
const PATH = '/api/v1/user/api-key';

function report(data: unknown): CheckOutcome {
  if (!isRecord(data)) return { kind: 'unreadable-answer' };
  const permission = text(data, 'permission');
  if (permission === undefined) return { kind: 'unreadable-answer' };
  const labels = commaList(permission);
  const has = (...names: string[]) => names.some((name) => labels.includes(name));
  const ips = commaList(text(data, 'ipWhitelist') ?? '');
  const remark = text(data, 'remark');
  return {
    kind: 'ok',
    report: {
      permissions: {
        // "General" is the read permission every key has.
        read: true,
        trade: has('Spot', 'Margin'),
        futures: has('Futures'),
        withdraw: has('Withdrawal'),
        transfer: has('InnerTransfer', 'Transfer'),
        labels,
      },
      // An absent or empty list means none is bound. KuCoin masks part of each address
      // ("203.**.154"): such a list is left unsaid rather than written over the addresses the vault holds.
      ...(ips.some((ip) => ip.includes('*')) ? {} : { ipWhitelist: ips }),
      ...(remark === undefined || remark === '' ? {} : { label: remark }),
    },
  };
}

/** KuCoin's documented codes for authentication (NOTES.md); they come with HTTP 401 or 403. */
const REFUSALS: Refusals = {
  400006: { kind: 'ip-refused' }, // The request IP is not in the key's whitelist.
  400003: { kind: 'invalid-key' }, // KC-API-KEY not exists.
  400005: { kind: 'invalid-key' }, // Invalid KC-API-SIGN: the secret is not this key's.
  400004: { kind: 'wrong-passphrase' }, // Invalid KC-API-PASSPHRASE.
  400002: { kind: 'clock-skew' }, // KC-API-TIMESTAMP invalid: more than 5 s from the server's time.
  400007: { kind: 'no-permission' }, // Access denied: the key lacks the permission.
  429000: { kind: 'rate-limited' }, // Too many requests.
};

export const selfQuery: SelfQuery = {
  endpoint: `GET ${PATH}`,
  origins: [`https://${HOST}/*`],
  build({ apiKey, secret, passphrase }, now) {
    const timestamp = String(Math.floor(now));
    return {
      method: 'GET',
      url: `https://${HOST}${PATH}`,
      headers: {
        'KC-API-KEY': apiKey,
        'KC-API-SIGN': signPrehashBase64(secret, timestamp, 'GET', PATH),
        'KC-API-TIMESTAMP': timestamp,
        // Version 2 keys (every key made since 2021) send the passphrase signed, never as typed.
        'KC-API-PASSPHRASE': kucoinPassphrase(secret, passphrase),
        'KC-API-KEY-VERSION': '2',
      },
    };
  },
  read(answer: QueryAnswer) {
    return readEnvelope(answer, { code: 'code', success: '200000', data: 'data' }, REFUSALS, report);
  },
};
