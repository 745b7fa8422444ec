/**
 * Issue 11's key-health figure: "Check all" over 50 keys against the mock exchange APIs (the
 * e2e fixture server answers each exchange's self-query on its real API host, after verifying the
 * signature as documented), timed inside the popup page from the first request to the last
 * answer. The background bounds the checks (6 at once, 2 per exchange), so this measures the
 * bounded parallel run, not 50 requests fired at once.
 */
import { rm } from 'node:fs/promises';
import type { NewKeyInput } from '../src/core/records';
import { SELF_QUERY_ORIGINS } from '../src/exchanges/self-queries';
import { callFrom } from '../tests/e2e/driver/send';
import { distWithGrantedSites, launchChromium, startFixtureServer } from '../tests/e2e/harness';
import { MOCK_EXCHANGES, type Scenario, mockCredentials } from '../tests/e2e/harness/mock-exchange-api';

const CHROMIUM = '/usr/lib/chromium/chromium';

/** 50 keys across the nine exchanges with a self-query, answered as real keys would be: mostly fine, some refused. */
function benchKeys(): NewKeyInput[] {
  const keys: NewKeyInput[] = [];
  const scenarios: Scenario[] = ['full', 'withdraw', 'ip', 'invalid', 'error', 'passphrase', 'rate'];
  for (const scenario of scenarios) {
    for (const exchange of MOCK_EXCHANGES) {
      if (keys.length === 50) break;
      let credentials;
      try {
        credentials = mockCredentials(exchange, scenario);
      } catch {
        continue; // 'passphrase' only where the exchange has one
      }
      keys.push({
        exchange,
        credentials,
        details: { label: `${exchange} ${scenario}`, account: 'main', permissions: null, ipWhitelist: null, source: { kind: 'manual' }, notes: '' },
      });
    }
  }
  return keys;
}

export async function measureCheckAll(rounds: number): Promise<Record<string, unknown>> {
  const server = await startFixtureServer();
  const dist = await distWithGrantedSites('chrome', [...SELF_QUERY_ORIGINS]);
  const session = await launchChromium({ dist, executablePath: CHROMIUM, hosts: [], port: server.port, httpPort: server.httpPort });
  try {
    const page = await session.openExtensionPage('src/popup/popup.html');
    await callFrom(page, 'vault.create', { password: 'bench-password-correct-horse' });
    const ids: string[] = [];
    for (const input of benchKeys()) ids.push((await callFrom(page, 'keys.add', { input })).key.id);
    const runs: number[] = [];
    const outcomes: Record<string, number> = {};
    for (let round = 0; round < rounds; round++) {
      const result = await page.evaluate(async (keyIds: string[]) => {
        const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data?: { result: { kind: string } } }> } } }).chrome.runtime;
        const start = performance.now();
        const replies = await Promise.all(keyIds.map((id) => runtime.sendMessage({ keyward: 1, type: 'keys.check', payload: { id } })));
        return { ms: performance.now() - start, kinds: replies.map((reply) => (reply.ok ? (reply.data?.result.kind ?? '?') : 'refused')) };
      }, ids);
      runs.push(Math.round(result.ms));
      if (round === 0) for (const kind of result.kinds) outcomes[kind] = (outcomes[kind] ?? 0) + 1;
    }
    const sorted = [...runs].sort((a, b) => a - b);
    return {
      keys: ids.length,
      note: 'Check all from an extension page: first request to last answer, mock APIs on 127.0.0.1 (no network latency)',
      runsMs: runs,
      medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
      outcomes,
    };
  } finally {
    await session.close();
    await server.close();
    await rm(dist, { recursive: true, force: true });
  }
}
