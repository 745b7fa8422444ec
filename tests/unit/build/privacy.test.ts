import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API_CONNECT_ORIGINS } from '../../../scripts/manifest';
import { EXCHANGES } from '../../../src/exchanges/registry';
import { SELF_QUERIES, isSelfQuery } from '../../../src/exchanges/self-queries';

/**
 * PRIVACY.md names every host Keyward may send to and every permission it holds. Those lists
 * come from code (the self-queries, manifest.json), so a new exchange check or permission fails
 * here until the policy says what it sends or why it is needed.
 */

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const privacy = readFileSync(root('PRIVACY.md'), 'utf8');
const template = JSON.parse(readFileSync(root('manifest.json'), 'utf8')) as Record<string, unknown>;

/** The key-check table: exchange name → [API host, request], or null for "none". */
function checkTable(): Map<string, [string, string] | null> {
  const rows = new Map<string, [string, string] | null>();
  for (const line of privacy.split('\n')) {
    const cells = /^\|([^|]+)\|([^|]+)\|([^|]+)\|$/.exec(line.trim());
    if (!cells) continue;
    const [, names = '', host = '', request = ''] = cells.map((cell) => cell.trim());
    if (names === 'exchange' || /^-+$/.test(names)) continue;
    const hostName = /^`([^`]+)`$/.exec(host)?.[1];
    const endpoint = /^`([^`]+)`$/.exec(request)?.[1];
    for (const name of names.split(/,\s*/)) rows.set(name, hostName !== undefined && endpoint !== undefined ? [hostName, endpoint] : null);
  }
  return rows;
}

describe('PRIVACY.md', () => {
  it('lists every exchange’s key check with its API host and request, and those without one as none', () => {
    const expected = new Map(
      EXCHANGES.map((exchange) => {
        const query = SELF_QUERIES[exchange.id];
        if (!isSelfQuery(query)) return [exchange.name, null] as const;
        expect(query.origins).toHaveLength(1);
        const host = new URL(query.origins[0]?.replace(/\/\*$/, '/') ?? '').hostname;
        return [exchange.name, [host, query.endpoint]] as const;
      }),
    );
    expect(Object.fromEntries(checkTable())).toEqual(Object.fromEntries(expected));
  });

  it('names the same hosts as the extension pages’ connect-src, the only places they can reach', () => {
    const hosts = [...checkTable().values()].flatMap((row) => (row ? [`https://${row[0]}`] : []));
    expect(hosts.sort()).toEqual([...API_CONNECT_ORIGINS]);
  });

  it('says why each permission of either build is needed', () => {
    const permissions = new Set(
      Object.entries(template)
        .filter(([key]) => /^(?:\{\{\w+\}\}\.)?permissions$/.test(key))
        .flatMap(([, value]) => value as string[]),
    );
    expect(permissions.size).toBeGreaterThan(0);
    const section = privacy.slice(privacy.indexOf('## Permissions and why'), privacy.indexOf('## Deleting everything'));
    const explained = [...permissions].filter((permission) => new RegExp(`^- \`${permission}\`(?: \\([^)]*\\))?:`, 'm').test(section));
    expect(explained.sort()).toEqual([...permissions].sort());
  });
});
