import { type TradingScope, bindPreflight } from '../core/preflight';
import { type ExchangeId, isRisky } from '../core/records';
import { screenPageIps } from '../core/page-ips';
import type {
  FillOutcome,
  FillRisk,
  FillValuesMessage,
  FillValuesReply,
  PickerKey,
  PickerSession,
  PickerSurface,
} from '../messages';
import { platformById, publishedIpsFor } from '../platforms/registry';
import type { PlatformDefinition } from '../platforms/types';
import { toBase64, randomBytes } from '../vault/bytes';
import { RefusedError, type Caller } from './broker';
import type { LockService } from './lock';
import { t } from '../i18n';

/** How long a picker may stay open before the user must click Keyward's button again. */
const SESSION_MS = 5 * 60_000;

/**
 * Where the key is chosen. A frame in the page only where the browser proves it is seen whole
 * (Chromium's IntersectionObserver v2), and bound to the first picker frame that asks; else a
 * window of Keyward's own, which no page can cover, fade or steal keystrokes from.
 */
type PickerPlace = { surface: 'frame'; frameId: number | null } | { surface: 'window'; tabId: number | null; windowId: number | null };

interface FillSession {
  token: string;
  /** The page's tab and the frame of its bind form: the only place the values may go. */
  tabId: number;
  frameId: number;
  picker: PickerPlace;
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
  /** Opens the picker page in a popup window of its own; resolves with that window and its tab. */
  openWindow?: (token: string, pageTabId: number) => Promise<{ windowId: number; tabId: number }>;
  /** Closes a picker window once its fill is done or its session is replaced. */
  closeWindow?: (windowId: number) => void;
  /** Brings the page's window back to the front: the user's next step (Save) is there. */
  focusPage?: (tabId: number) => void;
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

  /**
   * A session for the bind form in the caller's frame. The picker is framed into the page only
   * when the vault is open and the browser can prove the frame is seen; otherwise Keyward's window
   * opens, where the user unlocks (never in the page) and chooses.
   */
  async open(
    platformId: string,
    exchange: ExchangeId | null,
    caller: Caller,
    pageIps: readonly string[] = [],
    scope: TradingScope | null = null,
    canProveVisible = false,
  ): Promise<{ token: string; surface: PickerSurface }> {
    const platform = platformById(platformId);
    const host = allowedHost(platform, caller.url, this.deps.userSitePlatform);
    if (!platform || !host) {
      throw new RefusedError('forbidden', t('errorFillOwnAddress'));
    }
    if (caller.tabId === undefined || caller.frameId === undefined) {
      throw new RefusedError('forbidden', t('errorFillPageOnly'));
    }
    for (const [token, session] of this.sessions) {
      if (session.tabId === caller.tabId || this.now() - session.createdAt > SESSION_MS) this.forget(token);
    }
    const token = toBase64(randomBytes(18)).replace(/\+/g, '-').replace(/\//g, '_');
    const unlocked = await this.deps.lock.isUnlocked();
    const surface: PickerSurface = unlocked && canProveVisible ? 'frame' : 'window';
    const session: FillSession = {
      token,
      tabId: caller.tabId,
      frameId: caller.frameId,
      picker: { surface: 'frame', frameId: null },
      host,
      platform,
      exchange,
      pageIps: [...new Set(pageIps)],
      scope,
      createdAt: this.now(),
      used: false,
    };
    this.sessions.set(token, session);
    if (surface === 'window') await this.showWindow(session);
    return { token, surface };
  }

  /** The framed picker cannot go on (locked, or visibility unproven): the window takes over. */
  async toWindow(token: string, caller: Caller): Promise<void> {
    const session = this.session(token, caller);
    await this.showWindow(session);
  }

  private async showWindow(session: FillSession): Promise<void> {
    if (!this.deps.openWindow) throw new RefusedError('unavailable', t('errorNoWindow'));
    // From now on only the window may use this session: the frame it may replace is disowned.
    session.picker = { surface: 'window', tabId: null, windowId: null };
    const opened = await this.deps.openWindow(session.token, session.tabId);
    if (this.sessions.get(session.token) !== session) {
      this.deps.closeWindow?.(opened.windowId);
      throw new RefusedError('expired', t('errorPickerExpired'));
    }
    session.picker = { surface: 'window', tabId: opened.tabId, windowId: opened.windowId };
  }

  private forget(token: string): void {
    const session = this.sessions.get(token);
    this.sessions.delete(token);
    if (session?.picker.surface === 'window' && session.picker.windowId !== null) this.deps.closeWindow?.(session.picker.windowId);
  }

  /**
   * The session, if this caller is its picker: the window Keyward opened for it, or the first
   * frame in the page's own tab that presented the token (a second frame holding a copied token
   * is refused). The page's own frame is never its picker.
   */
  private session(token: string, caller: Caller): FillSession {
    const session = this.sessions.get(token);
    if (!session || session.used || this.now() - session.createdAt > SESSION_MS) {
      throw new RefusedError('expired', t('errorPickerExpired'));
    }
    const place = session.picker;
    if (place.surface === 'window') {
      if (caller.context !== 'picker-window' || place.tabId === null || caller.tabId !== place.tabId) {
        throw new RefusedError('forbidden', t('errorPickerInWindow'));
      }
      return session;
    }
    if (caller.context !== 'picker-frame' || caller.tabId !== session.tabId || caller.frameId === undefined || caller.frameId === session.frameId) {
      throw new RefusedError('forbidden', t('errorPickerOtherTab'));
    }
    if (place.frameId === null) place.frameId = caller.frameId;
    else if (place.frameId !== caller.frameId) throw new RefusedError('forbidden', t('errorPickerOtherFrame'));
    return session;
  }

  async describe(token: string, caller: Caller): Promise<PickerSession> {
    const session = this.session(token, caller);
    const open = await this.deps.lock.current();
    const keys: PickerKey[] = [];
    // What the page lists is screened first: over-broad and private entries are never repeated.
    const pageIps = screenPageIps(session.pageIps);
    if (open) {
      // A retired key stays in the vault until it is deleted on the exchange, but is filled nowhere.
      for (const key of (await open.list()).filter((candidate) => !candidate.retired)) {
        // The form's own list speaks for the exchange it has selected (3Commas shows one per exchange).
        const fromPage = session.exchange === null || key.exchange === session.exchange ? pageIps.listed : [];
        const published = publishedIpsFor(session.platform, key.exchange) ?? [];
        const whitelist = key.ipWhitelist;
        const lacks = (ip: string) => whitelist !== null && whitelist.length > 0 && !whitelist.includes(ip);
        keys.push({
          id: key.id,
          exchange: key.exchange,
          label: key.label,
          account: key.account,
          apiKeyTail: key.apiKeyTail,
          risk: { withdraw: key.risk.withdraw, noIpWhitelist: key.risk.noIpWhitelist },
          boundElsewhere: [...new Set(key.bindings.map((b) => b.platformHost).filter((h) => h !== session.host))],
          missingIps: published.filter(lacks),
          pageIpsMissing: fromPage.filter((ip) => !published.includes(ip) && lacks(ip)),
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
      platform: session.platform.id,
      exchange: session.exchange,
      scope: session.scope,
      locked: !open,
      keys,
      surface: session.picker.surface,
      refusedPageIps: pageIps.refused,
    };
  }

  async choose(token: string, keyId: string, confirmed: FillRisk[], caller: Caller): Promise<FillOutcome> {
    const session = this.session(token, caller);
    const open = await this.deps.lock.require();
    const key = await open.get(keyId);
    if (key.retired) throw new RefusedError('forbidden', t('errorKeyRetiredNoFill'));
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
        surface: session.picker.surface,
        values: { apiKey: credentials.apiKey, secret: credentials.secret, passphrase: credentials.passphrase },
      })
      .catch((): FillValuesReply => ({ ok: false, reason: t('errorPageGone') }));
    if (!reply.ok) return { status: 'refused', reason: reply.reason };
    await open.updateDetails(keyId, (details) => ({
      ...details,
      bindings: [
        ...details.bindings.filter((b) => b.platformHost !== session.host),
        { platformHost: session.host, boundAt: this.now() },
      ],
    }));
    if (session.picker.surface === 'window') this.deps.focusPage?.(session.tabId);
    this.forget(token);
    this.deps.changed();
    return { status: 'filled', host: session.host };
  }
}
