import type { CheckOutcome, QueryAnswer, SelfQuery } from '../../core/self-query';
import { flag, httpRefusal, isRecord } from '../self-query-kit';
import { cdpJwt } from './jwt';

/**
 * Coinbase Advanced Trade: GET /api/v3/brokerage/key_permissions, the key's can_view, can_trade
 * and can_transfer (NOTES.md). It says nothing of the key's IP allowlist.
 */

const HOST = 'api.coinbase.com';
const PATH = '/api/v3/brokerage/key_permissions';

function report(body: Record<string, unknown>): CheckOutcome {
  const view = flag(body, 'can_view');
  const trade = flag(body, 'can_trade');
  const transfer = flag(body, 'can_transfer');
  if (view === undefined || trade === undefined || transfer === undefined) return { kind: 'unreadable-answer' };
  return {
    kind: 'ok',
    report: {
      permissions: {
        read: view,
        trade,
        // "Transfer" sends funds off Coinbase: Keyward's withdraw (NOTES.md, "The site").
        withdraw: transfer,
        transfer: false,
        labels: [...(view ? ['view'] : []), ...(trade ? ['trade'] : []), ...(transfer ? ['transfer'] : [])],
      },
    },
  };
}

export const selfQuery: SelfQuery = {
  endpoint: `GET ${PATH}`,
  origins: [`https://${HOST}/*`],
  async build({ apiKey, secret }, now) {
    const jwt = await cdpJwt(apiKey, secret, `GET ${HOST}${PATH}`, now);
    return { method: 'GET', url: `https://${HOST}${PATH}`, headers: { Authorization: `Bearer ${jwt}` } };
  },
  read(answer: QueryAnswer) {
    const http = httpRefusal(answer);
    if (http) return http;
    // Coinbase answers any failed authentication with a bare 401: an unknown key, a wrong private
    // key, an address outside the allowlist and an expired token all look alike.
    if (answer.status === 401) return { kind: 'invalid-key-or-ip' };
    if (answer.status === 403) return { kind: 'no-permission' };
    if (answer.status !== 200 || !isRecord(answer.body)) return { kind: 'unreadable-answer' };
    return report(answer.body);
  },
};
