import type { CheckOutcome, QueryAnswer, SelfQuery } from '../../core/self-query';
import { signKraken } from '../../core/signing';
import { httpRefusal, isRecord, text, texts, type Json } from '../self-query-kit';

/** Kraken: POST /0/private/GetApiKeyInfo, the key that signs it, in its own words (NOTES.md). */

const HOST = 'api.kraken.com';
const PATH = '/0/private/GetApiKeyInfo';

function report(result: Json): CheckOutcome {
  const permissions = texts(result.permissions);
  const ips = texts(result.ipAllowlist);
  if (permissions === undefined || ips === undefined) return { kind: 'unreadable-answer' };
  const has = (...names: string[]) => names.some((name) => permissions.includes(name));
  // Seconds as a string; "0" when the key never expires.
  const validUntil = Number(text(result, 'validUntil') ?? '0');
  const name = text(result, 'apiKeyName');
  return {
    kind: 'ok',
    report: {
      permissions: {
        read: permissions.some((p) => p.startsWith('query-')),
        trade: has('modify-trades', 'cancel-close-trades'),
        withdraw: has('withdraw-funds'),
        transfer: false,
        labels: [...permissions],
      },
      ipWhitelist: ips,
      ...(Number.isFinite(validUntil) && validUntil > 0 ? { validUntil: validUntil * 1000 } : {}),
      ...(name === undefined || name === '' ? {} : { label: name }),
    },
  };
}

/** Kraken's documented error strings (NOTES.md); they come with HTTP 200. */
function refusal(errors: readonly string[]): CheckOutcome {
  const said = (prefix: string) => errors.some((error) => error.startsWith(prefix));
  if (said('EAPI:Invalid key') || said('EAPI:Invalid signature') || said('EAPI:Bad request')) return { kind: 'invalid-key' };
  // Kraken's nonce must grow; one from a clock behind the key's last use is refused.
  if (said('EAPI:Invalid nonce')) return { kind: 'clock-skew' };
  if (said('EAPI:Rate limit exceeded') || said('EGeneral:Too many requests') || said('EGeneral:Temporary lockout')) return { kind: 'rate-limited' };
  // Documented as a key without the permission; GetApiKeyInfo needs none, so this may well be the
  // key's IP allowlist refusing this address, which Kraken does not document (NOTES.md): not claimed.
  if (said('EGeneral:Permission denied')) return { kind: 'no-permission' };
  if (said('EService:')) return { kind: 'exchange-error', status: 200 };
  return { kind: 'unreadable-answer' };
}

export const selfQuery: SelfQuery = {
  endpoint: `POST ${PATH}`,
  origins: [`https://${HOST}/*`],
  build({ apiKey, secret }, now) {
    const nonce = String(Math.floor(now));
    const body = `nonce=${nonce}`;
    return {
      method: 'POST',
      url: `https://${HOST}${PATH}`,
      headers: {
        'API-Key': apiKey,
        'API-Sign': signKraken(secret, PATH, nonce, body),
        'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
      },
      body,
    };
  },
  read(answer: QueryAnswer) {
    const http = httpRefusal(answer);
    if (http) return http;
    const body = answer.body;
    if (!isRecord(body)) return { kind: 'unreadable-answer' };
    const errors = texts(body.error);
    if (errors === undefined) return { kind: 'unreadable-answer' };
    if (errors.length > 0) return refusal(errors);
    return isRecord(body.result) ? report(body.result) : { kind: 'unreadable-answer' };
  },
};
