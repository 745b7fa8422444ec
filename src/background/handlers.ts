import type { ExchangeId } from '../core/records';
import { backupPasswordProblem } from '../core/backup-policy';
import { exchangeById } from '../exchanges/registry';
import type { VaultStatus } from '../messages';
import { exportBackup, importBackup } from '../vault/backup';
import { VaultError, isVaultError } from '../vault/errors';
import { MAX_PENDING, type Vault } from '../vault/vault';
import { words } from '../i18n/keys';
import { type Handlers, RefusedError } from './broker';
import { CaptureLimiter } from './capture-limits';
import { noteWords } from './note-words';
import type { ClipboardGuard } from './clipboard';
import type { FillService } from './fill';
import type { KeyCheckService } from './key-check';
import type { LeakGuard } from './leak-guard';
import type { SitesService } from './sites';
import type { LockService } from './lock';
import type { SettingsService } from './settings';
import type { UnlockThrottle } from './throttle';
import { plural, t, tWords } from '../i18n';

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
  /** Checks keys with their exchanges (issue 11); absent where not wired (tests). */
  keyCheck?: KeyCheckService;
  /** Is a paste a stored secret (issue 11, leak guard); absent where not wired (tests). */
  leakGuard?: LeakGuard;
  /** Loads an exchange's API-page watcher into one frame of one tab. */
  injectWatcher?: (exchange: ExchangeId, tabId: number, frameId: number) => Promise<void>;
  now?: () => number;
  /** Rate limits for captures; by default the standard limits on the `now` clock. */
  captureLimits?: CaptureLimiter;
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
    throw new RefusedError('forbidden', t('errorPageMayNotSend'), words('noteErrorForeignHost'));
  }
}

/**
 * The backup password is the master password only when the popup sent it so (the user ticked
 * "reuse"); otherwise it is a separate one and must be strong, since the file is attacked offline.
 * Never empty: an empty one used to mean "the master password" without anyone choosing that.
 */
function assertBackupPassword(backupPassword: string, masterPassword: string): void {
  if (backupPassword === masterPassword) return;
  const problem = backupPasswordProblem(backupPassword);
  if (problem) throw new VaultError('invalid-input', tWords(problem));
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
  // One per handler set, that is per service worker life (see capture-limits.ts).
  const captureLimits = deps.captureLimits ?? new CaptureLimiter({ now });
  const fillService = (): FillService => {
    if (!deps.fill) throw new RefusedError('unavailable', t('errorFillUnavailable'));
    return deps.fill;
  };
  const sitesService = (): SitesService => {
    if (!deps.sites) throw new RefusedError('unavailable', t('errorSitesUnavailable'));
    return deps.sites;
  };

  // Asked every time the popup opens: the independent reads run together.
  async function status(): Promise<VaultStatus> {
    const [hasVault, counts, open, retryAt, current] = await Promise.all([
      vault.exists(),
      vault.riskCount(),
      lock.current(),
      throttle.retryAt(),
      settings.get(),
    ]);
    return {
      state: !hasVault ? 'no-vault' : open ? 'unlocked' : 'locked',
      retryAt,
      keyCount: counts.keys,
      riskyCount: counts.risky,
      settings: current,
      ...(open?.sealKeyReplaced ? { sealKeyReplaced: true } : {}),
    };
  }

  return {
    'vault.status': status,

    'vault.create': async ({ password }) => {
      if (password.length < MIN_PASSWORD_LENGTH) {
        throw new VaultError('invalid-input', plural('errorPasswordTooShort', MIN_PASSWORD_LENGTH));
      }
      await lock.setUnlocked(await vault.create(password));
      return status();
    },

    'vault.unlock': async ({ password }) => {
      await throttle.guard(async () => lock.setUnlocked(await vault.unlock(password)));
      deps.changed();
      return status();
    },

    'vault.lock': async () => {
      await lock.lock();
      return status();
    },

    'vault.changePassword': async ({ current, next }) => {
      if (next.length < MIN_PASSWORD_LENGTH) {
        throw new VaultError('invalid-input', plural('errorPasswordTooShort', MIN_PASSWORD_LENGTH));
      }
      const open = await lock.require();
      // The current password is checked here too: throttled like unlock, or it is a free oracle.
      await throttle.guard(() => open.changePassword(current, next));
      return status();
    },

    'settings.update': async (patch) => {
      await settings.update(patch);
      // A shorter auto-lock applies from now, not from the next use.
      await lock.touch();
      return status();
    },

    // Damaged records too, marked: the user must see them (and can delete them); fills never get them.
    'keys.list': async () => ({ keys: await (await lock.require()).listAll() }),

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

    'keys.check': async ({ id }) => {
      if (!deps.keyCheck) throw new RefusedError('unavailable', t('errorCheckUnavailable'));
      return deps.keyCheck.check(await lock.require(), id);
    },

    'keys.applyCheck': async ({ id }) => {
      if (!deps.keyCheck) throw new RefusedError('unavailable', t('errorCheckUnavailable'));
      const key = await deps.keyCheck.apply(await lock.require(), id);
      deps.changed();
      return { key };
    },

    'keys.retire': async ({ id, successorId }) => {
      const open = await lock.require();
      if (id === successorId) throw new RefusedError('invalid-input', t('errorSuccessorSelf'));
      const [old, successor] = await Promise.all([open.get(id), open.get(successorId)]);
      if (successor.exchange !== old.exchange) throw new RefusedError('invalid-input', t('errorSuccessorExchange'));
      if (successor.retired) throw new RefusedError('invalid-input', t('errorSuccessorRetired'));
      const at = (deps.now ?? Date.now)();
      const key = await open.updateDetails(id, (details) => ({ ...details, retired: { at, successorId } }));
      deps.changed();
      return { key };
    },

    'keys.unretire': async ({ id }) => {
      const key = await (await lock.require()).updateDetails(id, (details) => {
        const { retired: _retired, ...rest } = details;
        return rest;
      });
      deps.changed();
      return { key };
    },

    'keys.reveal': async ({ id, field }) => {
      const credentials = await (await lock.require()).credentials(id);
      return { value: credentials[field] };
    },

    'keys.copy': async ({ id, field }) => {
      const credentials = await (await lock.require()).credentials(id);
      const value = credentials[field];
      if (!value) throw new RefusedError('empty', t('errorFieldEmpty'));
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
      assertBackupPassword(backupPassword, masterPassword);
      // Export hands every secret to whoever holds the file: ask for the master password again,
      // under the unlock throttle so this is not a way around it.
      await throttle.guard(() => open.verifyPassword(masterPassword));
      const content = await exportBackup(open, backupPassword, vault.kdfTarget);
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
      // Refusals carry words too: the page says them after "NOT saved:" in its own language.
      if (!(await vault.exists())) {
        throw new RefusedError('no-vault', t('errorNoVaultYet'), words('noteErrorNoVault'));
      }
      const result = await vault.sealNew(
        {
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
        },
        // Counted only once the key is known to be new: a duplicate stores nothing.
        { admit: () => captureLimits.admit(caller.tabId) },
      ).catch((error: unknown) => {
        // The background's vault keeps the default cap, which the words name.
        if (isVaultError(error, 'too-many-pending')) {
          throw new RefusedError(error.code, error.message, words('noteErrorTooManyPending', { count: MAX_PENDING }));
        }
        throw error;
      });
      // If the vault is open, take this record in now so the popup shows it at once; only this
      // one, since rescanning every record per capture made a flood cost quadratic time. A new
      // record was sealed just now under a fresh id, with the vault open: not a capture made while
      // locked. A duplicate may be a record that was waiting sealed, so it is judged as one.
      await (await lock.current())?.adoptSealed([result.id], { fresh: !result.duplicate });
      deps.changed();
      return result;
    },

    'page.loadWatcher': async ({ exchange }, caller) => {
      assertHostOf(exchange, caller.url);
      // Top frames only: the watcher never runs in a frame the exchange did not serve as the page.
      if (caller.tabId === undefined || caller.frameId !== 0 || !deps.injectWatcher) {
        throw new RefusedError('forbidden', t('errorTopFrameOnly'));
      }
      await deps.injectWatcher(exchange, caller.tabId, caller.frameId);
      return {};
    },

    // A page naming no language Keyward speaks: the language chosen in Settings, else (null) the browser's.
    'notes.words': async ({ language }) => {
      const wanted = language ?? (await settings.get()).language;
      return { messages: wanted === 'auto' ? null : noteWords(wanted) };
    },

    'sites.list': async () => ({ sites: await sitesService().list() }),

    'sites.expect': async ({ address, platform }) => {
      sitesService().expect(address, platform);
      return {};
    },

    'sites.add': async ({ address, platform }) => ({ sites: await sitesService().add(address, platform) }),

    'sites.remove': async ({ origin }) => ({ sites: await sitesService().remove(origin) }),

    'sites.probe': async ({ tabId }) => sitesService().probe(tabId),

    'fill.open': async ({ platform, exchange, pageIps, scope, canProveVisible }, caller) =>
      fillService().open(platform, exchange, caller, pageIps, scope, canProveVisible),

    'picker.session': async ({ token }, caller) => fillService().describe(token, caller),

    'fill.choose': async ({ token, keyId, confirmed }, caller) => fillService().choose(token, keyId, confirmed, caller),

    'picker.toWindow': async ({ token }, caller) => {
      await fillService().toWindow(token, caller);
      return {};
    },

    'leak.check': async ({ candidate }, caller) => (deps.leakGuard ? deps.leakGuard.check(candidate, caller) : { match: false }),

    'leak.describe': async ({ token }, caller) => {
      if (!deps.leakGuard) throw new RefusedError('unavailable', t('errorLeakGuardUnavailable'));
      return deps.leakGuard.describe(token, caller);
    },

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
