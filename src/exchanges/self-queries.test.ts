import { describe, expect, it } from 'vitest';
import { EXCHANGE_IDS } from './registry';
import { isSelfQuery, SELF_QUERIES, selfQueryOf } from './self-queries';

/** Secrets in the shapes each exchange's signing takes (base64 for Kraken, a PEM key for Coinbase). */
const SECRETS: Partial<Record<string, string>> = {
  kraken: 'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==',
  coinbase: `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIHiogQay3o10XEHIkzQ5mcQQqqXm3ULBVBo+hgPM9p11oAoGCCqGSM49
AwEHoUQDQgAE+uxtQfD/gi+/Jc6L3shVrql6pi+sgi97mtgpX9mBH5DPUlZjzFXh
cRhlZl7a8D+TaYVywhb7f+8LZ3ZKLz1jkA==
-----END EC PRIVATE KEY-----`,
};

describe('self-queries', () => {
  it('has one entry for every registered exchange, and no other', () => {
    expect(Object.keys(SELF_QUERIES).sort()).toEqual([...EXCHANGE_IDS].sort());
    for (const id of EXCHANGE_IDS) expect(selfQueryOf(id)).toBe(SELF_QUERIES[id]);
  });

  it('marks the exchanges that document no self-query (their NOTES.md say why)', () => {
    const without = EXCHANGE_IDS.filter((id) => !isSelfQuery(selfQueryOf(id)));
    expect(without.sort()).toEqual(['bitexbit', 'mexc', 'xt']);
    for (const id of without) {
      const query = selfQueryOf(id);
      expect(query).toEqual({ unavailable: true });
    }
  });

  it.each(EXCHANGE_IDS.filter((id) => isSelfQuery(selfQueryOf(id))))('%s: the request stays on its declared origins and carries no secret in clear', async (id) => {
    const query = selfQueryOf(id);
    if (!isSelfQuery(query)) throw new Error('filtered above');
    const secret = SECRETS[id] ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';
    const request = await query.build({ apiKey: 'the-api-key', secret, passphrase: 'the-passphrase' }, Date.now());
    const url = new URL(request.url);
    expect(url.protocol).toBe('https:');
    expect(query.origins).toContain(`https://${url.hostname}/*`);
    expect(query.endpoint).toBe(`${request.method} ${url.pathname}`);
    const sent = [request.url, ...Object.values(request.headers), request.body ?? ''].join('\n');
    // The key material itself, past any PEM armour.
    expect(sent).not.toContain(secret.replace(/-----[^-]+-----/g, '').trim().slice(0, 24));
  });
});
