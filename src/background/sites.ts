import { SerialQueue } from '../core/serial';
import { type ReservedHosts, USER_SITE, type UserSite, httpsOrigin, originPattern, parseSiteAddress } from '../core/sites';
import type { SiteProbe } from '../messages';
import { USER_SITE_PLATFORMS, platformById } from '../platforms/registry';
import { RefusedError } from './broker';
import type { StorageArea } from './storage';
import { t, tWords } from '../i18n';

const KEY = 'userSites';
const SCRIPT_PREFIX = 'keyward-site-';

/** The browser calls the service needs; index.ts wires them to scripting and permissions. */
export interface SiteBrowserApi {
  hasHostPermission(pattern: string): Promise<boolean>;
  removeHostPermission(pattern: string): Promise<void>;
  registeredScriptIds(): Promise<string[]>;
  registerScript(script: { id: string; matches: string[]; file: string }): Promise<void>;
  unregisterScripts(ids: string[]): Promise<void>;
  /** Runs the platform's script in the site's open tabs at once, so no reload is needed. */
  injectIntoOpenTabs(pattern: string, file: string): Promise<void>;
  /** The tab's address, when the browser lets Keyward see it (activeTab), else null. */
  tabUrl(tabId: number): Promise<string | null>;
  /** Reads the active tab (activeTab, granted by opening the popup) for a bind form. */
  probeTab(tabId: number): Promise<{ url: string; found: SiteProbe['found'] } | null>;
}

export function platformScriptFile(platformId: string): string {
  return `src/content/entries/platform-${platformId}.js`;
}

/** Hex of the origin: a registered script's id, unique per site and free of odd characters. */
function scriptId(origin: string): string {
  return SCRIPT_PREFIX + Array.from(new TextEncoder().encode(origin), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Sites the user added (self-hosted platforms, other sites with a bind form). Not secret: kept
 * in storage.local. For each, the host permission the user granted in the popup and a registered
 * content script for that one origin. `origins` is the live view the sender policy reads, so a
 * removed site stops being trusted at once.
 */
/** How long a site the popup announced waits for the browser's permission prompt to be answered. */
const PENDING_MS = 5 * 60_000;

export class SitesService {
  readonly origins = new Map<string, string>();
  private loaded: Promise<void> | null = null;
  /** Sites the popup is asking the browser about (origin -> platform, since). */
  private readonly pending = new Map<string, { platform: string; since: number }>();

  constructor(
    private readonly area: StorageArea,
    private readonly api: SiteBrowserApi,
    private readonly reserved: ReservedHosts,
    private readonly now: () => number = Date.now,
  ) {}

  private async read(): Promise<UserSite[]> {
    const stored = (await this.area.get(KEY))[KEY];
    return Array.isArray(stored) ? stored.filter(USER_SITE.is) : [];
  }

  private async write(sites: UserSite[]): Promise<void> {
    await this.area.set({ [KEY]: sites });
    this.origins.clear();
    for (const site of sites) this.origins.set(site.origin, site.platform);
  }

  /**
   * At start: trust only sites whose permission is still granted (the user may have revoked it
   * in the browser's settings), and make the registered scripts match the list exactly.
   */
  sync(): Promise<void> {
    this.loaded ??= this.load().catch(() => {
      // Never a wedged broker: the next message tries again.
      this.loaded = null;
    });
    return this.loaded;
  }

  private async load(): Promise<void> {
    const sites = await this.read();
    const kept: UserSite[] = [];
    for (const site of sites) {
      if (platformById(site.platform)?.selfHosted && (await this.api.hasHostPermission(originPattern(site.origin)))) kept.push(site);
    }
    if (kept.length !== sites.length) await this.area.set({ [KEY]: kept });
    this.origins.clear();
    for (const site of kept) this.origins.set(site.origin, site.platform);
    const wanted = new Map(kept.map((site) => [scriptId(site.origin), site]));
    const registered = (await this.api.registeredScriptIds()).filter((id) => id.startsWith(SCRIPT_PREFIX));
    const stale = registered.filter((id) => !wanted.has(id));
    if (stale.length > 0) await this.api.unregisterScripts(stale);
    for (const [id, site] of wanted) {
      if (registered.includes(id)) continue;
      // One site's failure must not stop the others from being registered.
      await this.api.registerScript({ id, matches: [originPattern(site.origin)], file: platformScriptFile(site.platform) }).catch(() => undefined);
    }
  }

  /** Again from storage and the browser's grants (a permission was taken back). */
  resync(): Promise<void> {
    this.loaded = null;
    return this.sync();
  }

  async list(): Promise<UserSite[]> {
    await this.sync();
    return this.read();
  }

  /** The platform the user added this page's origin as, if any (https pages only). */
  platformFor(url: string): string | null {
    const origin = httpsOrigin(url);
    return origin ? (this.origins.get(origin) ?? null) : null;
  }

  /** One change at a time: the popup's add and the permission event's add can race. */
  private readonly changes = new SerialQueue();

  add(address: string, platformId: string): Promise<UserSite[]> {
    return this.changes.run(() => this.addNow(address, platformId));
  }

  remove(origin: string): Promise<UserSite[]> {
    return this.changes.run(() => this.removeNow(origin));
  }

  private async addNow(address: string, platformId: string): Promise<UserSite[]> {
    await this.sync();
    const parsed = parseSiteAddress(address, this.reserved);
    if (!parsed.ok) throw new RefusedError('bad-site', tWords(parsed.error));
    const platform = platformById(platformId);
    if (!platform || !USER_SITE_PLATFORMS.includes(platform)) throw new RefusedError('bad-site', t('siteChoosePlatform'));
    const pattern = originPattern(parsed.origin);
    // The popup asks the browser for this permission on the user's click; without it, nothing.
    if (!(await this.api.hasHostPermission(pattern))) {
      throw new RefusedError('no-permission', t('siteNotAllowed', { host: parsed.host }));
    }
    const sites = (await this.read()).filter((site) => site.origin !== parsed.origin);
    const id = scriptId(parsed.origin);
    if ((await this.api.registeredScriptIds()).includes(id)) await this.api.unregisterScripts([id]);
    await this.api.registerScript({ id, matches: [pattern], file: platformScriptFile(platform.id) });
    this.pending.delete(parsed.origin);
    const next = [...sites, { origin: parsed.origin, platform: platform.id, addedAt: this.now() }];
    await this.write(next);
    await this.api.injectIntoOpenTabs(pattern, platformScriptFile(platform.id)).catch(() => undefined);
    return next;
  }

  /**
   * The popup announces the site just before the browser's prompt, because a browser may close
   * the popup while its prompt is open: the grant then completes the add here.
   */
  expect(address: string, platformId: string): void {
    const parsed = parseSiteAddress(address, this.reserved);
    if (!parsed.ok) throw new RefusedError('bad-site', tWords(parsed.error));
    if (!platformById(platformId)?.selfHosted) throw new RefusedError('bad-site', t('siteChoosePlatform'));
    for (const [origin, entry] of this.pending) if (this.now() - entry.since > PENDING_MS) this.pending.delete(origin);
    this.pending.set(parsed.origin, { platform: platformId, since: this.now() });
  }

  /** permissions.onAdded: finish the adds the popup announced and the user has now allowed. */
  async permissionsAdded(patterns: readonly string[]): Promise<void> {
    for (const [origin, entry] of this.pending) {
      if (!patterns.includes(originPattern(origin)) || this.now() - entry.since > PENDING_MS) continue;
      this.pending.delete(origin);
      if (this.origins.get(origin) !== entry.platform) await this.add(origin, entry.platform).catch(() => undefined);
    }
  }

  private async removeNow(origin: string): Promise<UserSite[]> {
    await this.sync();
    const sites = await this.read();
    const next = sites.filter((site) => site.origin !== origin);
    if (next.length === sites.length) throw new RefusedError('not-found', t('siteNotListed'));
    await this.write(next);
    const id = scriptId(origin);
    if ((await this.api.registeredScriptIds()).includes(id)) await this.api.unregisterScripts([id]);
    // Give the permission back: Keyward keeps no access to a site it no longer fills on.
    await this.api.removeHostPermission(originPattern(origin)).catch(() => undefined);
    return next;
  }

  /** What the popup shows about the page in the active tab: a bind form on a site not yet added. */
  async probe(tabId: number): Promise<SiteProbe> {
    await this.sync();
    // Nothing runs in a page that could not be added anyway: http, an exchange, a known platform.
    const url = await this.api.tabUrl(tabId).catch(() => null);
    const before = url ? httpsOrigin(url) : null;
    if (!before || !parseSiteAddress(before, this.reserved).ok) return { origin: null, found: null, added: null };
    const result = await this.api.probeTab(tabId).catch(() => null);
    const origin = result ? httpsOrigin(result.url) : null;
    if (!result || !origin) return { origin: null, found: null, added: null };
    const parsed = parseSiteAddress(origin, this.reserved);
    if (!parsed.ok) return { origin: null, found: null, added: null };
    return { origin, found: result.found, added: this.origins.get(origin) ?? null };
  }
}
