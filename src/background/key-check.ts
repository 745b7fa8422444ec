import { applyReport, compareReport } from '../core/key-health';
import type { Credentials, ExchangeId, KeyDetails, KeySummary } from '../core/records';
import { type KeyReport, type NoSelfQuery, type QueryAnswer, type SelfQuery, type SignedRequest, isSelfQuery } from '../core/self-query';
import type { CheckView, KeyCheckView } from '../protocol/views';
import { RefusedError } from './broker';
import { t } from '../i18n';

/**
 * Checks stored keys with their exchanges (issue 11): signs the exchange's read-only self-query
 * with the stored secret, sends it, and reads the answer. Only on the user's request (the popup's
 * Check button), at most one request per key per check, never to a host the user has not allowed,
 * and never with cookies. What the exchange said is held here, not sent back by the popup, until
 * the user takes it into the vault (apply).
 */

/** Long enough for a slow exchange across the world; short enough that a hung one is named. */
export const CHECK_TIMEOUT_MS = 10_000;
/** Checks in flight at once, and per exchange (its rate limits are per key and per address). */
export const CHECK_CONCURRENCY = 6;
export const CHECK_PER_EXCHANGE = 2;
/** How long a report may wait for the user's confirmation before it must be fetched again. */
export const REPORT_KEPT_MS = 15 * 60_000;

export interface KeyCheckDeps {
  queryOf(exchange: ExchangeId): SelfQuery | NoSelfQuery;
  /** Has the user granted these optional host permissions? */
  hasOrigins(origins: readonly string[]): Promise<boolean>;
  /** Sends exactly this request (no cookies, no redirects); 'timeout' or 'offline' when no answer came. */
  send(request: SignedRequest, timeoutMs: number): Promise<QueryAnswer | 'timeout' | 'offline'>;
  now(): number;
}

/** What the service needs of the open vault. */
export interface CheckableVault {
  get(id: string): Promise<KeySummary>;
  credentials(id: string): Promise<Credentials>;
  updateDetails(id: string, change: (details: KeyDetails) => KeyDetails): Promise<KeySummary>;
}

/** A match pattern "https://host/*" (or "https://*.host/*") against a URL: the request stays on its declared hosts. */
export function urlWithinOrigins(url: string, origins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  return origins.some((pattern) => {
    const match = /^https:\/\/(\*\.)?([^/*]+)\/\*$/.exec(pattern);
    if (!match) return false;
    const [, wildcard, host] = match;
    if (host === undefined) return false;
    return parsed.hostname === host || (wildcard !== undefined && parsed.hostname.endsWith(`.${host}`));
  });
}

/** Runs tasks with a bound on all at once and on each group (an exchange). */
class GroupLimiter {
  private running = 0;
  private readonly perGroup = new Map<string, number>();
  private readonly waiting: { group: string; start: () => void }[] = [];

  constructor(
    private readonly total: number,
    private readonly each: number,
  ) {}

  run<T>(group: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        group,
        start: () => {
          task()
            .then(resolve, reject)
            .finally(() => {
              this.running--;
              this.perGroup.set(group, (this.perGroup.get(group) ?? 1) - 1);
              this.pump();
            });
        },
      });
      this.pump();
    });
  }

  private pump(): void {
    for (let i = 0; i < this.waiting.length && this.running < this.total; ) {
      const next = this.waiting[i];
      if (next === undefined || (this.perGroup.get(next.group) ?? 0) >= this.each) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      this.running++;
      this.perGroup.set(next.group, (this.perGroup.get(next.group) ?? 0) + 1);
      next.start();
    }
  }
}

export class KeyCheckService {
  private readonly limiter = new GroupLimiter(CHECK_CONCURRENCY, CHECK_PER_EXCHANGE);
  /** The last report per key, for apply; in this worker's memory only (it holds no secret). */
  private readonly reports = new Map<string, { report: KeyReport; at: number }>();

  constructor(private readonly deps: KeyCheckDeps) {}

  /** Checks one key. Refusals of the vault (locked, tampered, gone) are thrown as they are. */
  async check(vault: CheckableVault, id: string): Promise<KeyCheckView> {
    const key = await vault.get(id);
    const result = await this.limiter.run(key.exchange, () => this.ask(vault, key));
    const at = this.deps.now();
    if (result.kind === 'ok') this.reports.set(id, { report: result.report, at });
    else this.reports.delete(id);
    // Remembered on the key (when, and how it ended) for "checked 3 days ago"; not a refusal to come.
    if (result.kind !== 'needs-permission' && result.kind !== 'unsupported') {
      await vault.updateDetails(id, (details) => ({ ...details, lastCheck: { at, outcome: result.kind } }));
    }
    return { id, at, result };
  }

  private async ask(vault: CheckableVault, key: KeySummary): Promise<CheckView> {
    const query = this.deps.queryOf(key.exchange);
    if (!isSelfQuery(query)) return { kind: 'unsupported' };
    if (!(await this.deps.hasOrigins(query.origins))) return { kind: 'needs-permission', origins: [...query.origins] };
    let request: SignedRequest;
    try {
      request = await query.build(await vault.credentials(key.id), this.deps.now());
    } catch {
      // A build error may quote what it could not use: nothing of it is passed on.
      return { kind: 'cannot-sign' };
    }
    // A module's mistake must not send a signed request anywhere the user did not allow.
    if (!urlWithinOrigins(request.url, query.origins)) return { kind: 'cannot-sign' };
    const answer = await this.deps.send(request, CHECK_TIMEOUT_MS);
    if (answer === 'timeout' || answer === 'offline') return { kind: answer };
    let outcome: ReturnType<SelfQuery['read']>;
    try {
      outcome = query.read(answer);
    } catch {
      return { kind: 'unreadable-answer' };
    }
    if (outcome.kind === 'ok') return { kind: 'ok', report: outcome.report, differences: compareReport(key, outcome.report) };
    return outcome;
  }

  /** Takes the exchange's word into the vault: the report of this key's last check, if recent. */
  async apply(vault: CheckableVault, id: string): Promise<KeySummary> {
    const held = this.reports.get(id);
    if (!held || this.deps.now() - held.at > REPORT_KEPT_MS) {
      throw new RefusedError('invalid-input', t('errorCheckTooOld'));
    }
    const key = await vault.updateDetails(id, (details) => applyReport(details, held.report));
    this.reports.delete(id);
    return key;
  }
}
