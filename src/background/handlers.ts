import type { ExchangeId } from '../core/records';
import { exchangeById } from '../exchanges/registry';
import type { VaultStatus } from '../messages';
import { exportBackup, importBackup } from '../vault/backup';
import { VaultError } from '../vault/errors';
import type { Vault } from '../vault/vault';
import { type Handlers, RefusedError } from './broker';
import type { ClipboardGuard } from './clipboard';
import type { FillService } from './fill';
import type { SitesService } from './sites';
import type { LockService } from './lock';
import type { SettingsService } from './settings';
import type { UnlockThrottle } from './throttle';

export interface HandlerDeps {
  vault: Vault;
  lock: LockService;
  settings: SettingsService;
  throttle: UnlockThrottle;
  clipboard: ClipboardGuard;
  /** Called after anything that changes what the badge shows. */
  changed: () => void;
  /** Fill sessions for platforms' bind forms; absent where filling is not wired (tests). */
  fill?: FillService;
  /** Sites the user added for filling (self-hosted platforms, other bind forms). */
  sites?: SitesService;
  /** Loads an exchange's API-page watcher into one frame of one tab. */
  injectWatcher?: (exchange: ExchangeId, tabId: number, frameId: number) => Promise<void>;
  now?: () => number;
}

export const MIN_PASSWORD_LENGTH = 8;

/**
 * A content script speaks only for the exchange whose official host it runs on: a script on one
 * exchange cannot file keys, or rewrite risk flags, under another.
 */
function assertHostOf(exchange: ExchangeId, url: string): void {
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // falls through to the refusal
  }
  if (!exchangeById(exchange).hosts.includes(host)) {
    throw new RefusedError('forbidden', 'This page may not send keys for that exchange.');
  }
}

/** Where a key was captured, without query or fragment (they can carry tokens). */
function pageAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '';
  }
}

/** One handler per message type; the broker has already checked sender and payload shape. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { vault, lock, settings, throttle, clipboard } = deps;
  const now = deps.now ?? Date.now;
  const fillService = (): FillService => {
    if (!deps.fill) throw new RefusedError('unavailable', 'Filling is not available here.');
    return deps.fill;
  };
  const sitesService = (): SitesService => {
    if (!deps.sites) throw new RefusedError('unavailable', 'Adding sites is not available here.');
    return deps.sites;
  };

  // Asked every time the popup opens: the independent reads run together.
  async function status(): Promise<VaultStatus> {
    const [hasVault, counts, unlocked, retryAt, current] = await Promise.all([
      vault.exists(),
      vault.riskCount(),
      lock.isUnlocked(),
      throttle.retryAt(),
      settings.get(),
    ]);
    return {
      state: !hasVault ? 'no-vault' : unlocked ? 'unlocked' : 'locked',
      retryAt,
      keyCount: counts.keys,
      riskyCount: counts.risky,
      settings: current,
    };
  }

  return {
    'vault.status': status,

    'vault.create': async ({ password }) => {
      if (password.length < MIN_PASSWORD_LENGTH) {
        throw new VaultError('invalid-input', `Use at least ${MIN_PASSWORD_LENGTH} characters.`);
      }
      await lock.setUnlocked(await vault.create(password));
      return status();
    },

    'vault.unlock': async ({ password }) => {
      const retryAt = await throttle.retryAt();
      if (retryAt !== null) {
        const seconds = Math.ceil((retryAt - now()) / 1000);
        throw new RefusedError('throttled', `Too many wrong passwords. Try again in ${seconds} s.`);
      }
      try {
        await lock.setUnlocked(await vault.unlock(password));
      } catch (error) {
        if (error instanceof VaultError && error.code === 'wrong-password') {
          const next = await throttle.recordFailure();
          if (next !== null) {
            const seconds = Math.ceil((next - now()) / 1000);
            throw new VaultError('wrong-password', `Wrong password. Too many attempts: wait ${seconds} s.`);
          }
        }
        throw error;
      }
      await throttle.recordSuccess();
      deps.changed();
      return status();
    },

    'vault.lock': async () => {
      await lock.lock();
      return status();
    },

    'vault.changePassword': async ({ current, next }) => {
      if (next.length < MIN_PASSWORD_LENGTH) {
        throw new VaultError('invalid-input', `Use at least ${MIN_PASSWORD_LENGTH} characters.`);
      }
      await (await lock.require()).changePassword(current, next);
      return status();
    },

    'settings.update': async (patch) => {
      await settings.update(patch);
      // A shorter auto-lock applies from now, not from the next use.
      await lock.touch();
      return status();
    },

    'keys.list': async () => ({ keys: await (await lock.require()).list() }),

    'keys.add': async ({ input }) => {
      const key = await (await lock.require()).add(input);
      deps.changed();
      return { key };
    },

    'keys.update': async ({ id, patch }) => {
      const key = await (await lock.require()).updateDetails(id, (details) => ({ ...details, ...patch }));
      return { key };
    },

    'keys.removeBinding': async ({ id, platformHost, boundAt }) => {
      const key = await (await lock.require()).updateDetails(id, (details) => ({
        ...details,
        bindings: details.bindings.filter((b) => !(b.platformHost === platformHost && b.boundAt === boundAt)),
      }));
      return { key };
    },

    'keys.reveal': async ({ id, field }) => {
      const credentials = await (await lock.require()).credentials(id);
      return { value: credentials[field] };
    },

    'keys.copy': async ({ id, field }) => {
      const credentials = await (await lock.require()).credentials(id);
      const value = credentials[field];
      if (!value) throw new RefusedError('empty', 'That field is empty for this key.');
      const { clipboardClearSeconds } = await settings.get();
      await clipboard.copy(value, clipboardClearSeconds);
      return { clearsAfterSeconds: clipboardClearSeconds };
    },

    'keys.delete': async ({ id }) => {
      await (await lock.require()).delete(id);
      deps.changed();
      return {};
    },

    'backup.export': async ({ masterPassword, backupPassword }) => {
      const open = await lock.require();
      // Export hands every secret to whoever holds the file: ask for the master password again.
      await open.verifyPassword(masterPassword);
      const content = await exportBackup(open, backupPassword || masterPassword, vault.kdfTarget);
      const date = new Date(now()).toISOString().slice(0, 10);
      return { fileName: `keyward-backup-${date}.json`, content };
    },

    'backup.import': async ({ content, password }) => {
      const report = await importBackup(await lock.require(), content, password);
      deps.changed();
      return report;
    },

    'capture.submit': async (capture, caller) => {
      assertHostOf(capture.exchange, caller.url);
      if (!(await vault.exists())) {
        throw new VaultError('no-vault', 'Keyward has no vault yet, so this key was NOT saved. Copy the secret now.');
      }
      const result = await vault.sealNew({
        exchange: capture.exchange,
        credentials: { apiKey: capture.apiKey, secret: capture.secret, passphrase: capture.passphrase },
        details: {
          label: capture.label,
          account: capture.account,
          permissions: capture.permissions,
          ipWhitelist: capture.ipWhitelist,
          source: { kind: 'capture', url: pageAddress(caller.url) },
          notes: '',
        },
      });
      // If the vault is open, take the sealed record in now so the popup shows it at once.
      await (await lock.current())?.adoptSealed();
      deps.changed();
      return result;
    },

    'page.loadWatcher': async ({ exchange }, caller) => {
      assertHostOf(exchange, caller.url);
      // Top frames only: the watcher never runs in a frame the exchange did not serve as the page.
      if (caller.tabId === undefined || caller.frameId !== 0 || !deps.injectWatcher) {
        throw new RefusedError('forbidden', 'Keyward runs only in the page itself, not in frames.');
      }
      await deps.injectWatcher(exchange, caller.tabId, caller.frameId);
      return {};
    },

    'sites.list': async () => ({ sites: await sitesService().list() }),

    'sites.expect': async ({ address, platform }) => {
      sitesService().expect(address, platform);
      return {};
    },

    'sites.add': async ({ address, platform }) => ({ sites: await sitesService().add(address, platform) }),

    'sites.remove': async ({ origin }) => ({ sites: await sitesService().remove(origin) }),

    'sites.probe': async ({ tabId }) => sitesService().probe(tabId),

    'fill.open': async ({ platform, exchange, pageIps, scope }, caller) => fillService().open(platform, exchange, caller, pageIps, scope),

    'picker.session': async ({ token }, caller) => fillService().describe(token, caller),

    'fill.choose': async ({ token, keyId, confirmed }, caller) => fillService().choose(token, keyId, confirmed, caller),

    'page.keysSeen': async ({ exchange, keys }, caller) => {
      assertHostOf(exchange, caller.url);
      const open = await lock.current();
      let updated = 0;
      let known = 0;
      for (const key of keys) {
        const seen = { permissions: key.permissions, ipWhitelist: key.ipWhitelist };
        if (open) {
          const outcome = await open.observe(exchange, key.apiKey, seen);
          if (outcome !== 'unknown') known++;
          if (outcome === 'updated') updated++;
        } else if (await vault.observeLocked(exchange, key.apiKey, seen)) {
          known++;
          updated++;
        }
      }
      if (updated > 0) deps.changed();
      return { updated, known };
    },
  };
}
