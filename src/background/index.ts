import browser, { type Runtime } from 'webextension-polyfill';
import { EXCHANGES, exchangeById, isExchangeId } from '../exchanges/registry';
import { type FillValuesMessage, type FillValuesReply, SITE_PROBE_GLOBAL, SITE_PROBE_RESULT } from '../protocol/to-content';
import { PLATFORMS } from '../platforms/registry';
import { FillService } from './fill';
import { KeyCheckService } from './key-check';
import { sendSignedRequest } from './api-fetch';
import { selfQueryOf } from '../exchanges/self-queries';
import { type VaultDb, openVaultDb } from '../vault/store';
import { Vault } from '../vault/vault';
import { showBadge } from './badge';
import { attentionCounts, lockedCounts } from './badge-state';
import { ExpiryNotifier, noticeExchange } from './expiry-notices';
import { catalogueLanguage } from '../i18n';
import { useChosenLanguage } from './language';
import { createBroker } from './broker';
import { ClipboardGuard } from './clipboard';
import { OffscreenClipboard, PageClipboard, chromeOffscreenApi } from './clipboard-backends';
import { createHandlers } from './handlers';
import { LeakGuard } from './leak-guard';
import { LockService } from './lock';
import { type SenderPolicy, classifySender, frameOfTab } from './senders';
import { SettingsService } from './settings';
import { type SiteBrowserApi, SitesService } from './sites';
import type { StorageArea } from './storage';
import { UnlockThrottle } from './throttle';
import { type SessionAccessApi, restrictSessionStorage } from './session-access';
import { PICKER_WINDOW, pickerWindowPlace } from './picker-window';
import { validators } from './validate';

/**
 * The background: the only context that opens the vault. Listeners are registered synchronously
 * (a restarted service worker only receives events for listeners added in its first turn); the
 * services behind them are built once, on first use.
 */

const AUTO_LOCK_ALARM = 'keyward-auto-lock';
const CLIPBOARD_ALARM = 'keyward-clipboard';
/** Daily: notices before an exchange retires a key (expiry-notices.ts); also run at unlock and resume. */
const EXPIRY_ALARM = 'keyward-expiry-check';

const session = browser.storage.session as unknown as StorageArea;
// The vault key rests in storage.session while unlocked: never readable by content scripts.
void restrictSessionStorage(browser.storage.session as unknown as SessionAccessApi);
const local = browser.storage.local as unknown as StorageArea;

const offscreenApi = chromeOffscreenApi();
const offscreen = offscreenApi ? new OffscreenClipboard(offscreenApi) : null;

const timers = new Map<string, ReturnType<typeof setTimeout>>();

/** An alarm survives the worker being stopped; the timer is exact while it lives. */
function scheduleAt(name: string, at: number, run: () => void): void {
  void browser.alarms.create(name, { when: at });
  clearTimeout(timers.get(name));
  timers.set(name, setTimeout(run, Math.max(0, at - Date.now()) + 50));
}

function cancel(name: string): void {
  void browser.alarms.clear(name);
  clearTimeout(timers.get(name));
  timers.delete(name);
}

const reservedHosts = {
  exchangeHosts: new Set(EXCHANGES.flatMap((exchange) => exchange.hosts)),
  platformHosts: new Set(PLATFORMS.flatMap((platform) => platform.hosts)),
};

const siteApi: SiteBrowserApi = {
  hasHostPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  removeHostPermission: async (pattern) => {
    await browser.permissions.remove({ origins: [pattern] });
  },
  registeredScriptIds: async () => (await browser.scripting.getRegisteredContentScripts()).map((script) => script.id),
  registerScript: ({ id, matches, file }) =>
    browser.scripting.registerContentScripts([{ id, matches, js: [file], allFrames: true, runAt: 'document_idle', persistAcrossSessions: true }]),
  unregisterScripts: (ids) => browser.scripting.unregisterContentScripts({ ids }),
  injectIntoOpenTabs: async (pattern, file) => {
    for (const tab of await browser.tabs.query({ url: pattern })) {
      if (tab.id !== undefined) await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [file] }).catch(() => undefined);
    }
  },
  tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url ?? null,
  probeTab: async (tabId) => {
    // activeTab: opening the popup lets Keyward read this one tab, once, for a bind form.
    await browser.scripting.executeScript({ target: { tabId }, files: ['src/content/site-probe.js'] });
    const [read] = await browser.scripting.executeScript({
      target: { tabId },
      func: (name: string) => (globalThis as unknown as Record<string, unknown>)[name] ?? null,
      args: [SITE_PROBE_GLOBAL],
    });
    // Left in the page's isolated world, which the page cannot reach; checked all the same.
    const probed = SITE_PROBE_RESULT.parse(read?.result);
    return probed.ok ? probed.value : null;
  },
};

const sites = new SitesService(local, siteApi, reservedHosts);

const policy: SenderPolicy = {
  extensionId: browser.runtime.id,
  extensionOrigin: new URL(browser.runtime.getURL('/')).origin + '/',
  ...reservedHosts,
  userOrigins: sites.origins,
};

/** Key of the sealed details cache in storage.session (src/vault/details-cache.ts). */
const DETAILS_CACHE = 'detailsCache';

function build(db: VaultDb) {
  // A restarted worker lists from the sealed cache instead of decrypting every record again.
  const vault = new Vault(db, {
    detailsCache: {
      load: async () => (await session.get(DETAILS_CACHE))[DETAILS_CACHE],
      save: (value) => session.set({ [DETAILS_CACHE]: value }),
      clear: () => session.remove(DETAILS_CACHE),
    },
  });
  // A new language applies at once, the toolbar title included, not at the worker's next start.
  const settings = new SettingsService(local, (next, patch) => {
    if (patch.language !== undefined) void useChosenLanguage(next.language).then(refreshBadge);
  });
  // Fingerprints of stored secrets, only while the vault is open (leak-guard.ts): dropped at every
  // lock or unlock, rebuilt from the open vault at the next paste.
  const leakGuard = new LeakGuard({ current: () => lock.current() });
  const lock: LockService = new LockService(vault, {
    session,
    autoLockSeconds: async () => (await settings.get()).autoLockSeconds,
    schedule: (at) => scheduleAt(AUTO_LOCK_ALARM, at, () => void lock.checkDeadline()),
    cancelSchedule: () => cancel(AUTO_LOCK_ALARM),
    onChange: () => {
      leakGuard.forget();
      refreshBadge();
      checkExpiry();
    },
  });
  const clipboard: ClipboardGuard = new ClipboardGuard(offscreen ?? new PageClipboard(), session, (at) =>
    scheduleAt(CLIPBOARD_ALARM, at, () => void clipboard.clearIfDue()),
  );
  const throttle = new UnlockThrottle(local);
  const fill = new FillService({
    lock,
    changed: () => refreshBadge(),
    userSitePlatform: (url) => sites.platformFor(url),
    // To exactly the frame that opened the picker; tabs.sendMessage never reaches page scripts.
    deliver: async (tabId, frameId, message: FillValuesMessage) =>
      (await browser.tabs.sendMessage(tabId, message, { frameId })) as FillValuesReply,
    openWindow: async (token, pageTabId) => {
      const pageWindow = await browser.tabs
        .get(pageTabId)
        .then((tab) => browser.windows.get(tab.windowId ?? browser.windows.WINDOW_ID_CURRENT))
        .catch(() => null);
      const url = browser.runtime.getURL(`src/picker/window.html#${token}`);
      const options = { url, type: 'popup' as const, focused: true };
      // A place beside the page may fall off a small screen, which the browser refuses: then
      // wherever the browser puts it.
      const created = await browser.windows
        .create({ ...options, ...pickerWindowPlace(pageWindow) })
        .catch(() => browser.windows.create({ ...options, width: PICKER_WINDOW.width, height: PICKER_WINDOW.height }));
      const tabId = created.tabs?.[0]?.id;
      if (created.id === undefined || tabId === undefined) throw new Error('no picker window');
      return { windowId: created.id, tabId };
    },
    focusPage: (tabId) => {
      void browser.tabs
        .get(tabId)
        .then((tab) => (tab.windowId === undefined ? undefined : browser.windows.update(tab.windowId, { focused: true })))
        .catch(() => undefined);
    },
    // After a moment, so the window can say "Filled" (or the user sees it replaced).
    closeWindow: (windowId) => {
      setTimeout(() => void browser.windows.remove(windowId).catch(() => undefined), PICKER_WINDOW.closeAfterMs);
    },
  });
  // Key health: requests go out only on the user's click, to API hosts the user allowed.
  const keyCheck = new KeyCheckService({
    queryOf: selfQueryOf,
    hasOrigins: (origins) => browser.permissions.contains({ origins: [...origins] }),
    send: sendSignedRequest,
    now: Date.now,
  });
  const handlers = createHandlers({
    keyCheck,
    leakGuard,
    fill,
    vault,
    lock,
    settings,
    throttle,
    clipboard,
    sites,
    changed: () => refreshBadge(),
    injectWatcher: async (exchange, tabId, frameId) => {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        files: [`src/content/entries/${exchange}-watcher.js`],
      });
    },
  });
  const dispatch = createBroker(handlers, validators);
  const expiry = new ExpiryNotifier({
    local,
    now: Date.now,
    enabled: async () => (await settings.get()).expiryNotifications,
    keys: async () => {
      const open = await lock.current();
      return open ? open.listAll() : null;
    },
    notify: async ({ id, title, message }) => {
      await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('icons/keyward-128.png'), title, message });
    },
    exchangeName: (id) => exchangeById(id).name,
    // In the notice's language, not the system's: a Russian notice with an English date reads badly.
    formatDate: (ms) => new Intl.DateTimeFormat(catalogueLanguage(), { year: 'numeric', month: 'short', day: 'numeric' }).format(ms),
  });

  async function refreshBadgeNow(): Promise<void> {
    const hasVault = await vault.exists();
    const unlocked = hasVault && (await lock.isUnlocked());
    // Open: risky and due keys from the decrypted details. Locked: the clear risk hints only
    // (which keys are due is sealed); badge-state.ts says why and the title says so.
    const open = unlocked ? await lock.current() : null;
    const keys = open ? await open.listAll().catch(() => null) : null;
    const counts = keys ? attentionCounts(keys, Date.now()) : lockedCounts(hasVault ? (await vault.riskCount()).risky : 0);
    await showBadge({ hasVault, unlocked, ...counts });
  }
  return { vault, lock, clipboard, dispatch, refreshBadgeNow, expiry };
}

/**
 * The chosen language is read before anything is said: the first toolbar title, a notice, an
 * error answered to the popup. The read is one storage.local get, in parallel with opening the
 * database; failing, the browser's language stays.
 */
const languageRead = new SettingsService(local)
  .get()
  .then((current) => useChosenLanguage(current.language))
  .catch(() => undefined);

const ready = Promise.all([openVaultDb(), languageRead]).then(([db]) => build(db));

function refreshBadge(): void {
  void ready.then((services) => services.refreshBadgeNow()).catch(() => undefined);
}

function checkExpiry(): void {
  void ready.then((services) => services.expiry.check()).catch(() => undefined);
}

/** Messages that are not a use of the vault, and so do not push the auto-lock back. */
const NOT_ACTIVITY = new Set(['vault.status', 'vault.lock']);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  return Promise.all([ready, sites.sync()]).then(async ([services]) => {
    // After the user's sites are loaded: a restarted worker must know them before judging.
    const context = classifySender(sender, policy);
    const reply = await services.dispatch(message, context, sender.url ?? '', {
      tabId: sender.tab?.id,
      frameId: sender.frameId,
      placement: frameOfTab(sender),
    });
    const type = (message as { type?: unknown } | null)?.type;
    if ((context === 'popup' || context === 'picker-window') && reply.ok && typeof type === 'string' && !NOT_ACTIVITY.has(type)) {
      // Not awaited: the reply need not wait for the deadline's storage round trips (10-30 ms of a
      // stopped worker's popup open). A lock meanwhile still wins (touch checks the lock count),
      // and a touch lost with the worker only makes the auto-lock come sooner.
      void services.lock.touch().catch(() => undefined);
    }
    return reply;
  });
});

browser.runtime.onConnect.addListener((port) => {
  if (!offscreen?.accept(port)) port.disconnect();
});

browser.alarms.onAlarm.addListener((alarm) => {
  void ready.then((services) => {
    if (alarm.name === AUTO_LOCK_ALARM) return services.lock.checkDeadline();
    if (alarm.name === CLIPBOARD_ALARM) return services.clipboard.clearIfDue();
    // Daily, the badge too: a key crosses the 7-day line without anything else changing.
    if (alarm.name === EXPIRY_ALARM) return Promise.all([services.expiry.check(), services.refreshBadgeNow()]).then(() => undefined);
  });
});

// Created once: re-creating it at every worker start would push the daily check back each time.
void browser.alarms.get(EXPIRY_ALARM).then((alarm) => {
  if (!alarm) void browser.alarms.create(EXPIRY_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
});

// A click on an expiry notice opens the exchange's API page, where the key is renewed or bound.
browser.notifications.onClicked.addListener((notificationId) => {
  const exchange = noticeExchange(notificationId);
  if (exchange === null) return;
  const url = isExchangeId(exchange) ? exchangeById(exchange).apiPageUrl : browser.runtime.getURL('src/popup/popup.html');
  void browser.tabs.create({ url });
  void browser.notifications.clear(notificationId);
});

// The system locking (screen lock, suspend) locks the vault at once.
browser.idle.setDetectionInterval(60);
browser.idle.onStateChanged.addListener((state) => {
  if (state === 'locked') void ready.then((services) => services.lock.lock());
});

// Registered scripts for the user's sites: re-made at start (a browser may not keep them), and
// dropped when the user takes the permission back in the browser's own settings.
browser.runtime.onStartup.addListener(() => void sites.sync());
browser.permissions.onRemoved.addListener(() => void sites.resync());
browser.permissions.onAdded.addListener((granted) => void sites.permissionsAdded(granted.origins ?? []));
void sites.sync();

// Resume (or expire) a session left by a stopped worker, then show the right badge.
void ready
  .then((services) => services.lock.current())
  .finally(() => {
    refreshBadge();
    checkExpiry();
  });
