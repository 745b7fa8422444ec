import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API_CONNECT_ORIGINS, EXTENSION_PAGES_CSP, PICKER_PAGE, type TargetBrowser, withSecurityKeys } from '../../../scripts/manifest';

/**
 * What pages and other extensions can reach in each build: only the picker's HTML is
 * web-accessible, in Chrome only and through a per-session URL; extension pages refuse everything
 * they do not load from Keyward itself; and no other extension or site may message Keyward.
 */

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const template = JSON.parse(readFileSync(root('manifest.json'), 'utf8')) as Record<string, unknown>;

interface War {
  resources: string[];
  matches: string[];
  use_dynamic_url?: boolean;
}

function built(browser: TargetBrowser): { war: War[]; csp: string | undefined; externallyConnectable: unknown; rest: Record<string, unknown> } {
  const manifest = withSecurityKeys(template, browser);
  const { web_accessible_resources: war, content_security_policy: csp, externally_connectable: externallyConnectable, ...rest } = manifest;
  return {
    war: (war ?? []) as War[],
    csp: (csp as { extension_pages?: string } | undefined)?.extension_pages,
    externallyConnectable,
    rest,
  };
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== undefined && words[0] !== '')
      .map(([name = '', ...values]) => [name, values]),
  );
}

describe('the manifest template', () => {
  it('leaves every security key to scripts/manifest.ts, so no {{browser}} key can override one', () => {
    const shadowing = Object.keys(template).filter((key) =>
      /^(\{\{\w+\}\}\.)?(web_accessible_resources|content_security_policy|externally_connectable)$/.test(key),
    );
    expect(shadowing).toEqual([]);
  });

  it('keeps everything else as it was', () => {
    for (const browser of ['chrome', 'firefox'] as const) expect(built(browser).rest).toEqual(template);
  });
});

describe('web-accessible resources', () => {
  it('Chrome exposes only the picker page, to https pages, through a per-session URL', () => {
    expect(existsSync(root(PICKER_PAGE))).toBe(true);
    expect(built('chrome').war).toEqual([{ resources: [PICKER_PAGE], matches: ['https://*/*'], use_dynamic_url: true }]);
  });

  it('Firefox exposes nothing: its picker opens in a window of its own, framed in no page', () => {
    expect('web_accessible_resources' in withSecurityKeys(template, 'firefox')).toBe(false);
  });

  it('never exposes a wildcard (every script or style would become a fingerprint)', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      for (const entry of built(browser).war) expect(entry.resources.filter((r) => r.includes('*'))).toEqual([]);
    }
  });
});

describe('extension page CSP', () => {
  const csp = directives(EXTENSION_PAGES_CSP);

  it('is the same in both builds', () => {
    expect(built('chrome').csp).toBe(EXTENSION_PAGES_CSP);
    expect(built('firefox').csp).toBe(EXTENSION_PAGES_CSP);
  });

  it('runs only Keyward’s own scripts, and no plugin objects', () => {
    // WebAssembly compiled by those scripts (the Argon2id of src/vault/kdf.ts), and no JavaScript eval.
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    const withoutConnect = [...csp].filter(([name]) => name !== 'connect-src').flatMap(([, values]) => values).join(' ');
    expect(withoutConnect.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-|wasm-|https?:|\*/);
  });

  it('connects only to the exchanges\' API origins, each an https origin with no wildcard or path', () => {
    expect(csp.get('connect-src')).toEqual([...API_CONNECT_ORIGINS]);
    expect(API_CONNECT_ORIGINS).toContain('https://api.binance.com');
    expect(API_CONNECT_ORIGINS).toContain('https://www.okx.com');
    for (const origin of API_CONNECT_ORIGINS) expect(origin).toMatch(/^https:\/\/[a-z0-9.-]+$/);
  });

  it('refuses every other connection, base URL, form target and anything not named', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });
});

describe('externally_connectable', () => {
  it('Chrome: declared with neither ids nor matches, so no other extension or site can connect', () => {
    expect(built('chrome').externallyConnectable).toEqual({ ids: [], matches: [] });
  });

  it('Firefox: absent (unsupported there, and web-ext lint must stay clean)', () => {
    expect(built('firefox').externallyConnectable).toBeUndefined();
  });
});

describe('Firefox data collection consent', () => {
  // PRIVACY.md: Keyward collects nothing and sends nothing anywhere but the user's own key checks
  // to the exchange that issued the key. Firefox shows this declaration at install; a category
  // added here must come with PRIVACY.md saying what is sent and why.
  it('declares that no data is collected, and asks for nothing optional', () => {
    const gecko = (template['{{firefox}}.browser_specific_settings'] as { gecko?: { data_collection_permissions?: unknown } } | undefined)?.gecko;
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('is absent from the Chrome build, which has no such key', () => {
    expect(Object.keys(template).filter((key) => key.includes('browser_specific_settings'))).toEqual(['{{firefox}}.browser_specific_settings']);
  });
});
