import { normaliseCredential } from '../core/credential-format';
import type { Credentials, KeySummary } from '../core/records';
import { exchangeById } from '../exchanges/registry';
import type { LeakReport, LeakVerdict } from '../protocol/views';
import { toBase64 } from '../vault/bytes';
import { leakFingerprint, leakFingerprintKey } from '../vault/leak-key';
import type { UnlockedVault } from '../vault/vault';
import { type Caller, RefusedError } from './broker';
import { CaptureLimiter, type RateWindow } from './capture-limits';
import { t } from '../i18n';

/**
 * The leak guard's background half (issue 11): is a paste into some page a stored key's secret or
 * passphrase, and does that page belong to the key (its exchange's official hosts, or a platform
 * it is bound to)? The page's content script learns only match or not, with a one-time token;
 * which key, on the user's click in the note (describe).
 *
 * Only while the vault is open (SECURITY.md, "Pasted secrets"): the fingerprints are HMACs under a
 * key derived from the vault key, held in this object's memory and dropped with the vault. They
 * are built from the decrypted credentials on the first check after an unlock or a worker's resume
 * (a new UnlockedVault), and kept in step with the key list at every check after that: a record
 * added is fingerprinted, a deleted one forgotten. Credentials never change in a record (a new key
 * is a new record), so the ids alone say what to do.
 */

type Field = LeakReport['field'];

interface Print {
  id: string;
  field: Field;
}

interface Index {
  open: UnlockedVault;
  key: Promise<CryptoKey>;
  /** Fingerprint → the record and field it is of. */
  prints: Map<string, Print>;
  /** Record id → its fingerprints, to forget a deleted record's. */
  ids: Map<string, string[]>;
}

interface Token {
  tabId: number | undefined;
  origin: string;
  expiresAt: number;
  report: LeakReport;
}

export interface LeakGuardDeps {
  /** The open vault, or null while locked (LockService.current). */
  current: () => Promise<UnlockedVault | null>;
  now?: () => number;
  /** How many checks a tab may ask for: a person pastes a few times a minute. */
  perTab?: RateWindow;
  global?: RateWindow;
}

/** A token answers one click, within ten minutes, and only a few are held at once. */
const TOKEN_TTL_MS = 10 * 60_000;
const MAX_TOKENS = 16;
/**
 * Pastes are trusted user events (the content script sends nothing else), so a few a minute per
 * tab; a compromised renderer sending guesses at a passphrase gets a handful, not an oracle.
 */
const PER_TAB: RateWindow = { max: 20, windowMs: 60_000 };
const GLOBAL: RateWindow = { max: 200, windowMs: 3_600_000 };

function parsedUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The page is the key's own: its exchange's official host, or a platform the key is bound to. */
export function belongsTo(key: Pick<KeySummary, 'exchange' | 'bindings'>, url: URL): boolean {
  const host = url.hostname.toLowerCase();
  if (exchangeById(key.exchange).hosts.includes(host)) return true;
  return key.bindings.some((binding) => binding.platformHost === url.host || binding.platformHost === host);
}

export class LeakGuard {
  private index: Index | null = null;
  private syncing: Promise<Index | null> | null = null;
  private readonly tokens = new Map<string, Token>();
  private readonly now: () => number;
  private readonly limiter: CaptureLimiter;

  constructor(private readonly deps: LeakGuardDeps) {
    this.now = deps.now ?? Date.now;
    this.limiter = new CaptureLimiter({ perTab: deps.perTab ?? PER_TAB, global: deps.global ?? GLOBAL, now: this.now });
  }

  /** Match or not; on a match that does not belong to the page, a token for describe. */
  async check(candidate: string, caller: Caller): Promise<LeakVerdict> {
    const page = parsedUrl(caller.url);
    const value = normaliseCredential(candidate);
    if (!page || value === '') return { match: false };
    this.limiter.admit(caller.tabId);
    const open = await this.deps.current();
    if (!open) {
      this.forget();
      return { match: false };
    }
    const index = await this.synced(open);
    if (!index) return { match: false };
    const print = index.prints.get(await leakFingerprint(await index.key, value));
    if (!print) return { match: false };
    // Read again: its bindings may have changed since it was fingerprinted.
    const key = (await open.list()).find((k) => k.id === print.id);
    if (!key || belongsTo(key, page)) return { match: false };
    return { match: true, token: this.issue(caller, page, key, print.field) };
  }

  /** Which key it was, once per token, to the tab and origin it was issued to. */
  describe(token: string, caller: Caller): LeakReport {
    const now = this.now();
    const held = this.tokens.get(token);
    this.tokens.delete(token);
    const page = parsedUrl(caller.url);
    if (!held || held.expiresAt <= now || held.tabId !== caller.tabId || page?.origin !== held.origin) {
      throw new RefusedError('expired', t('errorPasteForgotten'));
    }
    return held.report;
  }

  /** Drops the fingerprints (and the key under them) and the tokens: the vault is locked. */
  forget(): void {
    this.index = null;
    this.tokens.clear();
  }

  private issue(caller: Caller, page: URL, key: KeySummary, field: Field): string {
    const now = this.now();
    for (const [name, held] of this.tokens) if (held.expiresAt <= now) this.tokens.delete(name);
    while (this.tokens.size >= MAX_TOKENS) {
      const oldest = this.tokens.keys().next();
      if (oldest.done) break;
      this.tokens.delete(oldest.value);
    }
    const exchange = exchangeById(key.exchange);
    const token = toBase64(crypto.getRandomValues(new Uint8Array(18))).replace(/\+/g, '-').replace(/\//g, '_');
    this.tokens.set(token, {
      tabId: caller.tabId,
      origin: page.origin,
      expiresAt: now + TOKEN_TTL_MS,
      report: { exchangeName: exchange.name, label: key.label, field, apiPageUrl: exchange.apiPageUrl },
    });
    return token;
  }

  /** The index of this open vault, brought in step with its key list; one sync at a time. */
  private async synced(open: UnlockedVault): Promise<Index | null> {
    while (this.syncing) await this.syncing.catch(() => undefined);
    const sync = this.sync(open);
    this.syncing = sync;
    try {
      return await sync;
    } finally {
      if (this.syncing === sync) this.syncing = null;
    }
  }

  private async sync(open: UnlockedVault): Promise<Index | null> {
    // Another vault object is another unlock (or a resumed worker): everything is fingerprinted again.
    if (this.index?.open !== open) {
      this.index = { open, key: leakFingerprintKey(open.vaultKeyRaw), prints: new Map(), ids: new Map() };
    }
    const index = this.index;
    const keys = await open.list();
    const listed = new Set(keys.map((k) => k.id));
    for (const [id, prints] of index.ids) {
      if (listed.has(id)) continue;
      for (const print of prints) index.prints.delete(print);
      index.ids.delete(id);
    }
    const hmacKey = await index.key;
    for (const key of keys) {
      if (index.ids.has(key.id)) continue;
      const prints = await this.fingerprints(open, hmacKey, key.id);
      for (const [print, field] of prints) index.prints.set(print, { id: key.id, field });
      index.ids.set(
        key.id,
        prints.map(([print]) => print),
      );
    }
    // Locked meanwhile: nothing built from it may answer.
    return this.index === index ? index : null;
  }

  private async fingerprints(open: UnlockedVault, hmacKey: CryptoKey, id: string): Promise<Array<[string, Field]>> {
    let credentials: Credentials;
    try {
      credentials = await open.credentials(id);
    } catch {
      // A record that cannot be read now (locked meanwhile, or damaged) is simply not guarded.
      return [];
    }
    const prints: Array<[string, Field]> = [[await leakFingerprint(hmacKey, credentials.secret), 'secret']];
    if (credentials.passphrase !== '') prints.push([await leakFingerprint(hmacKey, credentials.passphrase), 'passphrase']);
    return prints;
  }
}
