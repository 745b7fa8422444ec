import { type TradingScope, bindPreflight } from '../core/preflight';
import { type ExchangeId, isRisky } from '../core/records';
import type { FillOutcome, FillRisk, FillValuesMessage, FillValuesReply, PickerKey, PickerSession } from '../messages';
import { platformById, publishedIpsFor } from '../platforms/registry';
import type { PlatformDefinition } from '../platforms/types';
import { toBase64, randomBytes } from '../vault/bytes';
import { RefusedError, type Caller } from './broker';
import type { LockService } from './lock';

/** How long a picker may stay open before the user must click Keyward's button again. */
const SESSION_MS = 5 * 60_000;

interface FillSession {
  token: string;
  tabId: number;
  frameId: number;
  host: string;
  platform: PlatformDefinition;
  exchange: ExchangeId | null;
  /** What the bind form tells the user to whitelist, for the exchange it has selected. */
  pageIps: string[];
  /** The trading scope the form had selected when the user clicked Keyward's button. */
  scope: TradingScope | null;
  createdAt: number;
  used: boolean;
}

export interface FillDeps {
  lock: LockService;
  /** Sends the chosen values to the one frame that opened the picker, and returns its answer. */
  deliver: (tabId: number, frameId: number, message: FillValuesMessage) => Promise<FillValuesReply>;
  changed: () => void;
  /** The self-hosted platform (or "generic") the user added this page's https origin as. */
  userSitePlatform?: (url: string) => string | null;
  now?: () => number;
}

/** The host (with its port, for a user's site) a fill on this page would bind the key to. */
function allowedHost(platform: PlatformDefinition | null, url: string, userSitePlatform: FillDeps['userSitePlatform']): string | null {
  if (!platform) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  if (platform.hosts.includes(parsed.hostname) && parsed.port === '') return parsed.hostname;
  if (platform.selfHosted && userSitePlatform?.(url) === platform.id) return parsed.host;
  return null;
}

/**
 * Fill sessions: a content script on a platform's bind form opens one when the user clicks
 * Keyward's button; the picker (an extension page in that tab) reads it and makes the choice;
 * the values then go to that frame only, which checks the page once more before filling.
 * Sessions live in memory only: a restarted service worker forgets them, and the user clicks again.
 */
export class FillService {
  private readonly sessions = new Map<string, FillSession>();
  private readonly now: () => number;

  constructor(private readonly deps: FillDeps) {
    this.now = deps.now ?? Date.now;
  }

  open(
    platformId: string,
    exchange: ExchangeId | null,
    caller: Caller,
    pageIps: readonly string[] = [],
    scope: TradingScope | null = null,
  ): { token: string } {
    const platform = platformById(platformId);
    const host = allowedHost(platform, caller.url, this.deps.userSitePlatform);
    if (!platform || !host) {
      throw new RefusedError('forbidden', 'Keyward fills only on the platform’s own address.');
    }
    if (caller.tabId === undefined || caller.frameId === undefined) {
      throw new RefusedError('forbidden', 'Keyward fills only in a page.');
    }
    for (const [token, session] of this.sessions) {
      if (session.tabId === caller.tabId || this.now() - session.createdAt > SESSION_MS) this.sessions.delete(token);
    }
    const token = toBase64(randomBytes(18)).replace(/\+/g, '-').replace(/\//g, '_');
    this.sessions.set(token, {
      token,
      tabId: caller.tabId,
      frameId: caller.frameId,
      host,
      platform,
      exchange,
      pageIps: [...new Set(pageIps)],
      scope,
      createdAt: this.now(),
      used: false,
    });
    return { token };
  }

  /** The picker must live in the very tab that opened the session. */
  private session(token: string, caller: Caller): FillSession {
    const session = this.sessions.get(token);
    if (!session || session.used || this.now() - session.createdAt > SESSION_MS) {
      throw new RefusedError('expired', 'This picker has expired. Click Keyward’s button beside the field again.');
    }
    if (caller.tabId !== session.tabId) throw new RefusedError('forbidden', 'This picker belongs to another tab.');
    return session;
  }

  async describe(token: string, caller: Caller): Promise<PickerSession> {
    const session = this.session(token, caller);
    const open = await this.deps.lock.current();
    const keys: PickerKey[] = [];
    if (open) {
      for (const key of await open.list()) {
        // The form's own list speaks for the exchange it has selected (3Commas shows one per exchange).
        const fromPage = session.exchange === null || key.exchange === session.exchange ? session.pageIps : [];
        const published = [...new Set([...(publishedIpsFor(session.platform, key.exchange) ?? []), ...fromPage])];
        keys.push({
          id: key.id,
          exchange: key.exchange,
          label: key.label,
          account: key.account,
          apiKeyTail: key.apiKeyTail,
          risk: { withdraw: key.risk.withdraw, noIpWhitelist: key.risk.noIpWhitelist },
          boundElsewhere: [...new Set(key.bindings.map((b) => b.platformHost).filter((h) => h !== session.host))],
          missingIps:
            key.ipWhitelist && key.ipWhitelist.length > 0 ? published.filter((ip) => !key.ipWhitelist?.includes(ip)) : [],
          preflight: bindPreflight(key.permissions, session.scope),
        });
      }
      // The form's exchange first, then the rest; safer keys before risky ones.
      keys.sort(
        (a, b) =>
          Number(b.exchange === session.exchange) - Number(a.exchange === session.exchange) ||
          Number(isRisky({ ...a.risk, transfer: false })) - Number(isRisky({ ...b.risk, transfer: false })) ||
          a.label.localeCompare(b.label),
      );
    }
    return {
      host: session.host,
      platformName: session.platform.name,
      exchange: session.exchange,
      scope: session.scope,
      locked: !open,
      keys,
    };
  }

  async choose(token: string, keyId: string, confirmed: FillRisk[], caller: Caller): Promise<FillOutcome> {
    const session = this.session(token, caller);
    const open = await this.deps.lock.require();
    const key = await open.get(keyId);
    const risks: FillRisk[] = [];
    if (key.risk.withdraw) risks.push('withdraw');
    if (key.bindings.some((b) => b.platformHost !== session.host)) risks.push('reuse');
    // The form is set to another exchange: the bind would fail, or connect the wrong account.
    if (session.exchange !== null && key.exchange !== session.exchange) risks.push('other-exchange');
    // The platform will answer Permission Denied, as far as Keyward knows the key: the user says
    // whether the key was changed on the exchange since.
    const preflight = bindPreflight(key.permissions, session.scope);
    if (preflight) risks.push(preflight);
    if (risks.some((risk) => !confirmed.includes(risk))) return { status: 'confirm', risks };
    const credentials = await open.credentials(keyId);
    session.used = true;
    const reply = await this.deps
      .deliver(session.tabId, session.frameId, {
        keyward: 1,
        type: 'fill.values',
        token,
        values: { apiKey: credentials.apiKey, secret: credentials.secret, passphrase: credentials.passphrase },
      })
      .catch((): FillValuesReply => ({ ok: false, reason: 'The page is gone or was reloaded.' }));
    if (!reply.ok) return { status: 'refused', reason: reply.reason };
    await open.updateDetails(keyId, (details) => ({
      ...details,
      bindings: [
        ...details.bindings.filter((b) => b.platformHost !== session.host),
        { platformHost: session.host, boundAt: this.now() },
      ],
    }));
    this.sessions.delete(token);
    this.deps.changed();
    return { status: 'filled', host: session.host };
  }
}
